import { z } from 'zod';
import { ActionError } from '../run/actionError';
import type { ActionStep, Command } from '../../shared/actionModel';
import { administratorRun, elevatedOutputDir, plainRun } from './elevation';
import type { ElevationFacts, PlannedRun } from './elevation';
import { PIP_ENV } from './pipEnvironment';
import { chownCommands } from '../../platform/posix/chown';
import { withPkexec } from '../../platform/posix/pkexec';
import type { ElevatedRun, Recipe, StepSpec, VerifySpec } from './recipe';
import type { RunHistory } from '../run/replayJournal';
import { mayHaveChanged } from '../run/replayJournal';
import {
  changesBetween,
  DistributionsSchema,
  InstallChangesSchema,
  listDistributions,
} from '../steps/distributions';
import { RecordedOwnersSchema } from '../steps/recordOwnersStep';
import { deleteLongPaths, setLongPaths } from '../../platform/windows/longPaths';
import { decodeScript, powershellCommand } from '../../platform/windows/powershell';
import { removeFromUserPathScript } from '../../platform/windows/userPathScript';

/**
 * Undo is an action of its own: a plan built from what the journal recorded
 * (the venv this action created, what pip added, the saved ACL, the previous
 * registry value, each file's former owner), shown before it runs, run and
 * journaled like any other. Steps are undone last first.
 */

const CreatedSchema = z.object({ existedBefore: z.boolean(), wasEmpty: z.boolean() });
const PreviousValueSchema = z.object({ previous: z.number().int().nullable() });
const PathChangeSchema = z.object({ changed: z.boolean(), entry: z.string() });

export interface UndoContext {
  runId: string;
  runFolder: string;
  elevation: ElevationFacts;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
}

interface UndoStep {
  step: ActionStep;
  spec: StepSpec;
  verify: VerifySpec[];
}

/** The steps of a run whose change can be taken back (a sync look, for what pendingActions offers). */
export function undoableStepIds(run: RunHistory): string[] {
  const removesVenv = run.recipe.specs.some(
    ({ stepId, spec }) => spec.kind === 'create-venv' && venvUndo(run, stepId) !== null,
  );
  return run.recipe.specs
    .filter(({ stepId, spec }) => {
      if (!mayHaveChanged(run, stepId)) return false;
      switch (spec.kind) {
        case 'create-venv':
          return venvUndo(run, stepId) !== null;
        case 'pip-install':
          // Removing the venv takes what was installed into it along.
          return !spec.dryRun && !removesVenv;
        case 'user-path':
          return (
            spec.mode === 'add' &&
            PathChangeSchema.safeParse(run.results.get(stepId)?.data).data?.changed === true
          );
        case 'grant-acl':
        case 'set-long-paths':
        case 'chown':
          return true;
        default:
          return false;
      }
    })
    .map(({ stepId }) => stepId);
}

export async function undoRecipe(run: RunHistory, ctx: UndoContext): Promise<Recipe> {
  const original = run.recipe;
  const ids = new Set(undoableStepIds(run));
  if (ids.size === 0) {
    throw new ActionError(
      'This action changed nothing that Pip Doctor can undo.',
      `no undoable steps in ${run.runId}`,
    );
  }
  const undoSteps: UndoStep[] = [];
  const warnings: string[] = [];
  for (const { stepId, spec } of [...original.specs].reverse()) {
    if (!ids.has(stepId)) continue;
    undoSteps.push(...(await undoOf(run, stepId, spec, ctx, warnings)));
  }
  if (undoSteps.length === 0) {
    throw new ActionError(
      `Nothing is left to undo. ${warnings.join(' ')}`.trim(),
      `undo of ${run.runId}: every step resolved to nothing`,
    );
  }
  return {
    plan: {
      id: ctx.runId,
      remedy: original.plan.remedy,
      installId: original.plan.installId,
      scanId: original.plan.scanId,
      title: `Undo: ${original.plan.title}`,
      steps: undoSteps.map((undo) => undo.step),
      instructions: [],
      undoable: false,
      needsElevation: undoSteps.some((undo) => undo.step.elevated),
      warnings,
      undoOf: run.runId,
    },
    platform: original.platform,
    specs: undoSteps.map((undo) => ({ stepId: undo.step.id, spec: undo.spec })),
    verify: undoSteps.flatMap((undo) => undo.verify),
    scannedAt: original.scannedAt,
  };
}

async function undoOf(
  run: RunHistory,
  stepId: string,
  spec: StepSpec,
  ctx: UndoContext,
  warnings: string[],
): Promise<UndoStep[]> {
  const id = `undo-${stepId}`;
  switch (spec.kind) {
    case 'create-venv': {
      const keepFolder = venvUndo(run, stepId)!;
      return [
        {
          step: step(
            id,
            `Remove the virtual environment ${spec.folder}`,
            null,
            false,
            `Deletes ${spec.folder}, which this action created, and everything in it.`,
          ),
          spec: { kind: 'remove-venv', folder: spec.folder, keepFolder },
          verify: keepFolder ? [] : [{ kind: 'paths-gone', paths: [spec.folder] }],
        },
      ];
    }
    case 'pip-install': {
      const names = await installedBy(run, stepId, spec.python, spec.scope, ctx, warnings);
      if (names.length === 0) return [];
      const command: Command = {
        program: spec.python,
        args: ['-m', 'pip', 'uninstall', '-y', ...names],
        env: PIP_ENV,
      };
      const planned = sameElevation(spec.run, command, id, ctx);
      return [
        {
          step: step(
            id,
            `Uninstall ${names.join(', ')}`,
            planned,
            planned.elevated,
            `Removes ${names.join(', ')}, which this action installed.`,
          ),
          spec: { kind: 'command', run: planned.run },
          verify: [],
        },
      ];
    }
    case 'user-path': {
      const script = removeFromUserPathScript(spec.entry);
      const command = powershellCommand(ctx.elevation.systemRoot, script);
      const planned = plainRun(command, spec.run.timeoutMs);
      return [
        {
          step: step(
            id,
            'Take the Scripts folder off your PATH',
            planned,
            false,
            `Removes ${spec.entry} from your account's PATH again.`,
          ),
          spec: { kind: 'user-path', run: planned.run, entry: spec.entry, mode: 'remove' },
          verify: [],
        },
      ];
    }
    case 'grant-acl': {
      const planned: PlannedRun = {
        run: spec.restore,
        script: scriptOf(spec.restore.command),
        elevated: spec.restore.elevation !== 'none',
      };
      return [
        {
          step: step(
            id,
            'Put the saved permissions back',
            planned,
            planned.elevated,
            'Restores the permissions saved before access was granted, exactly as they were.',
          ),
          spec: { kind: 'command', run: spec.restore },
          verify: [],
        },
      ];
    }
    case 'set-long-paths': {
      const previous = PreviousValueSchema.safeParse(run.results.get(spec.readStepId)?.data);
      if (!previous.success) {
        warnings.push(
          'The value of LongPathsEnabled before the change was not recorded, so it is left as it is.',
        );
        return [];
      }
      const value = previous.data.previous;
      const root = ctx.elevation.systemRoot;
      const command = value === null ? deleteLongPaths(root) : setLongPaths(root, value);
      const planned = administratorRun(
        command,
        ctx.elevation,
        elevatedOutputDir(ctx.runFolder, id, run.recipe.platform),
        'oem',
        spec.run.timeoutMs,
      )!;
      return [
        {
          step: step(
            id,
            'Put the long paths setting back',
            planned,
            planned.elevated,
            value === null
              ? 'Removes LongPathsEnabled again (it was not set before).'
              : `Sets LongPathsEnabled back to ${value}.`,
          ),
          spec: { kind: 'command', run: planned.run },
          verify: [],
        },
      ];
    }
    case 'chown':
      return chownBack(run, stepId, spec, id, ctx, warnings);
    default:
      return [];
  }
}

/** Removes the venv folder (false) or empties it (true); null when the folder was there before with content. */
function venvUndo(run: RunHistory, stepId: string): boolean | null {
  const created = CreatedSchema.safeParse(run.intents.get(stepId)?.data);
  if (!created.success) return null;
  if (!created.data.existedBefore) return false;
  return created.data.wasEmpty ? true : null;
}

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

function chownBack(
  run: RunHistory,
  stepId: string,
  spec: Extract<StepSpec, { kind: 'chown' }>,
  id: string,
  ctx: UndoContext,
  warnings: string[],
): UndoStep[] {
  const recorded = RecordedOwnersSchema.safeParse(run.results.get(spec.recordStepId)?.data);
  if (!recorded.success) {
    warnings.push('The former owners were not recorded, so the files stay yours.');
    return [];
  }
  const mine = new Set(spec.paths);
  const byOwner = new Map<string, string[]>();
  for (const entry of recorded.data.entries) {
    if (!mine.has(entry.path)) continue;
    const owner = `${entry.uid}:${entry.gid}`;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), entry.path]);
  }
  // The chown program the step ran: pkexec's first argument, or the program itself.
  const chown =
    spec.run.elevation === 'pkexec' ? spec.run.command.args[0]! : spec.run.command.program;
  const commands = [...byOwner].flatMap(([owner, paths]) => chownCommands(chown, owner, paths));
  return commands.map((command, index) => {
    const stepIdOfUndo = commands.length === 1 ? id : `${id}-${index + 1}`;
    const planned = sameElevation(spec.run, command, stepIdOfUndo, ctx);
    const owner = command.args[1]!;
    const paths = command.args.slice(3);
    return {
      step: step(
        stepIdOfUndo,
        `Give ${paths.length} file${paths.length === 1 ? '' : 's'} back to ${owner === '0:0' ? 'root' : `uid:gid ${owner}`}`,
        planned,
        planned.elevated,
        `Makes ${owner} the owner again of ${paths.length} file${paths.length === 1 ? '' : 's'}, as recorded before the change.`,
      ),
      spec: { kind: 'chown' as const, run: planned.run, paths, recordStepId: spec.recordStepId },
      verify: [],
    };
  });
}

/** The undo command with the same rights the change had: pkexec again, UAC again, or none. */
function sameElevation(
  original: ElevatedRun,
  command: Command,
  stepId: string,
  ctx: UndoContext,
): PlannedRun {
  if (original.elevation === 'pkexec') {
    const pkexec = original.command.program;
    return {
      run: { ...original, command: withPkexec(pkexec, command) },
      script: null,
      elevated: true,
    };
  }
  if (original.elevation === 'uac') {
    return administratorRun(
      command,
      { ...ctx.elevation, elevated: false },
      elevatedOutputDir(ctx.runFolder, stepId, 'win32'),
      original.outputEncoding,
      original.timeoutMs,
    )!;
  }
  return plainRun(command, original.timeoutMs);
}

function step(
  id: string,
  title: string,
  planned: PlannedRun | null,
  elevated: boolean,
  changes: string,
): ActionStep {
  return {
    id,
    title,
    command: planned?.run.command ?? null,
    script: planned?.script ?? null,
    changes,
    confirmation: null,
    elevated,
  };
}

function scriptOf(command: Command): string | null {
  const index = command.args.indexOf('-EncodedCommand');
  const encoded = index >= 0 ? command.args[index + 1] : undefined;
  return encoded === undefined ? null : decodeScript(encoded);
}
