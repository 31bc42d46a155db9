import { chownCommands } from '../../platform/posix/chown';
import { locateProgram } from '../../platform/posix/locateProgram';
import { scriptOf } from '../../platform/windows/powershell';
import { isInside } from '../../shared/paths';
import type { RunHistory } from '../run/replayJournal';
import { stepsOf } from '../run/replayJournal';
import type { FactsOf } from '../run/planFacts';
import type { StepUndo, UndoContext, UndoStep } from '../planning/undoSteps';
import { asAdministrator, isVouchedPath, refuseUnvouched, undoStep } from '../planning/undoSteps';
import { TOOL_TIMEOUT_MS } from '../planning/planContext';
import { restoreRun } from './restoreRun';
import { RecordedOwnersSchema, SavedAclSchema } from './specs';

/**
 * ACL systems: the permissions saved before the grant are put back exactly
 * (icacls /restore), by a command built here from the folders and backup
 * names, and only after a step has checked that each backup is, byte for
 * byte, the one the save step wrote (its SHA-256 is in the journal).
 */
export const grantAclUndo: StepUndo<'grant-acl'> = {
  canUndo: () => true,
  async plan(run, stepId, facts, ctx, warnings) {
    const checks: UndoStep[] = [];
    for (const [index, file] of facts.backupFiles.entries()) {
      if (!isInside(file, ctx.originalRunFolder) || facts.folders[index] === undefined)
        throw refuseUnvouched('a backup of this action', file);
      if (!isVouchedPath(ctx.scan.installFolders, facts.folders[index]))
        throw refuseUnvouched('a folder of this Python', facts.folders[index]);
      const sha256 = savedHashOf(run, file);
      if (sha256 === null) {
        warnings.push(
          `What was saved in ${file} was not recorded, so Pip Doctor cannot check it and does not put it back.`,
        );
        return [];
      }
      const id = `check-backup${index === 0 ? '' : `-${index + 1}`}`;
      checks.push({
        step: undoStep(id, 'Check the saved permissions', null, 'Changes nothing.'),
        spec: { kind: 'check-backup', file, sha256 },
        verify: [],
      });
    }
    const restore = restoreRun(
      ctx.elevation,
      ctx.scan.os,
      facts.folders,
      facts.backupFiles,
      ctx.originalRunFolder,
    );
    return [
      ...checks,
      {
        step: undoStep(
          `undo-${stepId}`,
          'Put the saved permissions back',
          { ...restore, script: scriptOf(restore.run.command) },
          'Restores the permissions saved before access was granted, exactly as they were.',
        ),
        spec: { kind: 'command', run: restore.run },
        verify: [],
      },
    ];
  },
};

/** The SHA-256 the save step recorded for this backup file; null when none was. */
function savedHashOf(run: RunHistory, file: string): string | null {
  const save = stepsOf(run).find(
    (step) => step.kind === 'save-acl' && step.facts.backupFile === file,
  );
  const saved = SavedAclSchema.safeParse(save ? run.results.get(save.id)?.data : undefined);
  return saved.success ? saved.data.sha256 : null;
}

/** Owner systems: each file goes back to the owner recorded before the change. */
export const chownUndo: StepUndo<'chown'> = {
  canUndo: () => true,
  plan: async (run, stepId, facts, ctx, warnings) => chownBack(run, stepId, facts, ctx, warnings),
};

function chownBack(
  run: RunHistory,
  stepId: string,
  facts: FactsOf<'chown'>,
  ctx: UndoContext,
  warnings: string[],
): UndoStep[] {
  const id = `undo-${stepId}`;
  const recorded = RecordedOwnersSchema.safeParse(run.results.get(facts.recordStepId)?.data);
  if (!recorded.success) {
    warnings.push('The former owners were not recorded, so the files stay yours.');
    return [];
  }
  // Root gives these files away: only ever inside the user's own home, as the plan itself allows.
  for (const path of facts.paths)
    if (!isVouchedPath([ctx.scan.homeDir], path))
      throw refuseUnvouched('a file in your home folder', path);
  const mine = new Set(facts.paths);
  const byOwner = new Map<string, string[]>();
  for (const entry of recorded.data.entries) {
    if (!mine.has(entry.path)) continue;
    const owner = `${entry.uid}:${entry.gid}`;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), entry.path]);
  }
  // The plan's own rule for chown, never a program named in the journal.
  const chown = locateProgram('chown', ctx.env, [
    '/usr/bin/chown',
    '/bin/chown',
    '/usr/sbin/chown',
  ]);
  if (chown === null) {
    warnings.push('The chown program was not found, so the files stay yours.');
    return [];
  }
  const commands = [...byOwner].flatMap(([owner, paths]) => chownCommands(chown, owner, paths));
  return commands.map((command, index) => {
    const stepIdOfUndo = commands.length === 1 ? id : `${id}-${index + 1}`;
    const planned = asAdministrator(command, stepIdOfUndo, ctx, TOOL_TIMEOUT_MS);
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
      spec: { kind: 'chown' as const, run: planned.run, paths, recordStepId: facts.recordStepId },
      verify: [],
    };
  });
}
