import type { Command } from '../../shared/actionModel';
import type { RunHistory } from '../run/replayJournal';
import { PIP_ENV } from '../planning/pipEnvironment';
import type { UndoContext, StepUndo } from '../planning/undoSteps';
import { sameElevation, undoStep } from '../planning/undoSteps';
import {
  changesBetween,
  DistributionsSchema,
  InstallChangesSchema,
  listDistributions,
} from './distributions';

/** Uninstalls what the install added, with the rights the install had; a removed venv takes it along. */
export const pipInstallUndo: StepUndo<'pip-install'> = {
  canUndo: (run, stepId, spec, scope) => !spec.dryRun && !scope.removesEnvironment,
  async plan(run, stepId, spec, ctx, warnings) {
    const id = `undo-${stepId}`;
    const names = await installedBy(run, stepId, spec.python, spec.scope, ctx, warnings);
    if (names.length === 0) return [];
    const command: Command = {
      program: spec.python,
      args: ['-m', 'pip', 'uninstall', '-y', ...names],
      env: PIP_ENV,
    };
    const planned = sameElevation(spec.run, command, id, run, ctx);
    return [
      {
        step: undoStep(
          id,
          `Uninstall ${names.join(', ')}`,
          planned,
          `Removes ${names.join(', ')}, which this action installed.`,
        ),
        spec: { kind: 'command', run: planned.run },
        verify: [],
      },
    ];
  },
};

/** What the install added: from its result, or (after a crash) by comparing now with the list taken before. */
async function installedBy(
  run: RunHistory,
  stepId: string,
  python: string,
  scope: 'environment' | 'user',
  ctx: UndoContext,
  warnings: string[],
): Promise<string[]> {
  const recorded = InstallChangesSchema.safeParse(run.results.get(stepId)?.data);
  let changes = recorded.success ? recorded.data : null;
  if (changes === null) {
    const before = DistributionsSchema.safeParse(run.intents.get(stepId)?.data);
    const now = await listDistributions(python, scope, ctx.env, ctx.signal);
    if (!before.success || now === null) {
      warnings.push('What the install added was not recorded, so nothing is uninstalled.');
      return [];
    }
    changes = changesBetween(before.data, now);
  }
  for (const change of changes.changed) {
    warnings.push(
      `${change.name} was upgraded from ${change.from} to ${change.to}; the old version cannot be brought back offline, so it stays.`,
    );
  }
  return changes.added;
}
