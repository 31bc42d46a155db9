import paths from 'node:path';
import { chownCommands } from '../../platform/posix/chown';
import { AclBackupsSchema, restoreCommand } from '../../platform/windows/aclBackupScripts';
import type { AclBackup } from '../../platform/windows/aclBackupScripts';
import { adminFolderName } from '../../platform/windows/elevatedWindows';
import type { RunHistory } from '../run/replayJournal';
import type { SpecOf } from '../planning/recipe';
import type { StepUndo, UndoContext, UndoStep } from '../planning/undoSteps';
import { sameElevation, undoStep } from '../planning/undoSteps';
import { RecordedOwnersSchema } from './specs';

/**
 * ACL systems: the permissions saved before the grant are put back exactly
 * (icacls /restore), from the elevated folder the grant saved them in, and
 * only when each backup still has the hash the grant printed for it.
 */
export const grantAclUndo: StepUndo<'grant-acl'> = {
  canUndo: (run, stepId) => recordedBackups(run, stepId) !== null,
  async plan(run, stepId, spec, ctx, warnings) {
    const backups = recordedBackups(run, stepId);
    if (backups === null) {
      warnings.push('The saved permissions were not recorded, so they cannot be put back.');
      return [];
    }
    const id = `undo-${stepId}`;
    const { win32 } = paths;
    const command = restoreCommand(
      ctx.elevation.systemRoot,
      backups.map((backup) => ({ ...backup, parent: win32.dirname(backup.folder) })),
      adminFolderName(spec.run.outputDir ?? ''),
    );
    const planned = sameElevation(spec.run, command, id, run, ctx);
    return [
      {
        step: undoStep(
          id,
          'Put the saved permissions back',
          planned,
          'Checks that the permissions saved before access was granted are unchanged, then restores them exactly as they were.',
        ),
        spec: { kind: 'command', run: planned.run },
        verify: [],
      },
    ];
  },
};

function recordedBackups(run: RunHistory, stepId: string): AclBackup[] | null {
  const recorded = AclBackupsSchema.safeParse(run.results.get(stepId)?.data);
  return recorded.success ? recorded.data.backups : null;
}

/** Owner systems: each file goes back to the owner recorded before the change. */
export const chownUndo: StepUndo<'chown'> = {
  canUndo: () => true,
  plan: async (run, stepId, spec, ctx, warnings) => chownBack(run, stepId, spec, ctx, warnings),
};

function chownBack(
  run: RunHistory,
  stepId: string,
  spec: SpecOf<'chown'>,
  ctx: UndoContext,
  warnings: string[],
): UndoStep[] {
  const id = `undo-${stepId}`;
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
    const planned = sameElevation(spec.run, command, stepIdOfUndo, run, ctx);
    const owner = command.args[1]!;
    const paths = command.args.slice(3);
    const files = `${paths.length} file${paths.length === 1 ? '' : 's'}`;
    return {
      step: undoStep(
        stepIdOfUndo,
        `Give ${files} back to ${owner === '0:0' ? 'root' : `uid:gid ${owner}`}`,
        planned,
        `Makes ${owner} the owner again of ${files}, as recorded before the change.`,
      ),
      spec: { kind: 'chown' as const, run: planned.run, paths, recordStepId: spec.recordStepId },
      verify: [],
    };
  });
}
