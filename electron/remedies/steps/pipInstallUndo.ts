import { stat } from 'node:fs/promises';
import type { Command } from '../../shared/actionModel';
import { venvPython } from '../../platform/osTraits';
import type { RunHistory } from '../run/replayJournal';
import { PIP_ENV } from '../planning/pipEnvironment';
import { isValidPackageName } from '../../shared/packageName';
import type { UndoContext, StepUndo } from '../planning/undoSteps';
import {
  asAdministrator,
  isVouchedPath,
  plainRun,
  refuseUnvouched,
  undoStep,
} from '../planning/undoSteps';
import { PIP_TIMEOUT_MS } from '../planning/planContext';
import {
  changesBetween,
  DistributionsSchema,
  InstallChangesSchema,
  listDistributions,
} from './distributions';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { pipUndoPlanWords as words } from './planWords';

/**
 * Uninstalls what the install added, with an interpreter the fresh scan
 * shows, as administrator only where the scan says its site-packages is not
 * the user's to write; a removed venv takes it along.
 */
export const pipInstallUndo: StepUndo<'pip-install'> = {
  canUndo: (run, stepId, spec, scope) => !spec.dryRun && !scope.removesEnvironment,
  async plan(run, stepId, spec, ctx, warnings) {
    const id = `undo-${stepId}`;
    // A scanned interpreter, or a venv's own in the user's folders, which then runs as the user.
    if (!ctx.scan.pythons.has(spec.python) && !(await isUsersVenvPython(spec.python, ctx)))
      throw refuseUnvouched('python', spec.python);
    const names = await installedBy(run, stepId, spec.python, spec.scope, ctx, warnings);
    if (names.length === 0) return [];
    const command: Command = {
      program: spec.python,
      args: ['-m', 'pip', 'uninstall', '-y', ...names],
      env: PIP_ENV,
    };
    const planned =
      spec.scope === 'environment' && ctx.scan.adminPythons.has(spec.python)
        ? asAdministrator(command, id, ctx, PIP_TIMEOUT_MS)
        : plainRun(command, PIP_TIMEOUT_MS);
    return [
      {
        step: undoStep(
          id,
          msg(words.uninstallStep, { packages: listOf(names) }),
          planned,
          msg(words.uninstallChanges, { packages: listOf(names) }),
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
  warnings: Message[],
): Promise<string[]> {
  const recorded = InstallChangesSchema.safeParse(run.results.get(stepId)?.data);
  let changes = recorded.success ? recorded.data : null;
  if (changes === null) {
    const before = DistributionsSchema.safeParse(run.intents.get(stepId)?.data);
    const now = await listDistributions(python, scope, ctx.env, ctx.signal);
    if (!before.success || now === null) {
      warnings.push(msg(words.notRecorded));
      return [];
    }
    changes = changesBetween(before.data, now);
  }
  for (const change of changes.changed) {
    warnings.push(msg(words.upgraded, { package: change.name, from: change.from, to: change.to }));
  }
  // Names from the journal go on pip's command line: only names, never an option such as -r or --target.
  const names = changes.added.filter((name) => isValidPackageName(name));
  if (names.length < changes.added.length) warnings.push(msg(words.notNames));
  return names;
}

/** The interpreter of a virtual environment (its pyvenv.cfg beside) inside the user's own folders. */
async function isUsersVenvPython(python: string, ctx: UndoContext): Promise<boolean> {
  const { paths } = ctx.scan.os;
  const folder = paths.dirname(paths.dirname(python));
  if (python !== venvPython(ctx.scan.os, folder)) return false;
  if (!isVouchedPath(ctx.scan.userFolders, folder)) return false;
  const marker = await stat(paths.join(folder, 'pyvenv.cfg')).catch(() => null);
  return marker?.isFile() ?? false;
}
