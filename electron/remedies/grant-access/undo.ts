import { handBackRequest, isHandBackRootInHome } from '../../platform/posix/foreignOwners';
import { isStrictlyInside } from '../../shared/paths';
import { handBackCommand, handBackInput } from '../../platform/posix/handBack';
import { systemProgram, whyNotUsable } from '../../platform/posix/systemProgram';
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

/** Owner systems: each file goes back to the owner recorded before the change, through the same helper. */
export const chownUndo: StepUndo<'chown'> = {
  canUndo: () => true,
  plan: async (run, stepId, facts, ctx, warnings) => chownBack(run, stepId, facts, ctx, warnings),
};

async function chownBack(
  run: RunHistory,
  stepId: string,
  facts: FactsOf<'chown'>,
  ctx: UndoContext,
  warnings: string[],
): Promise<UndoStep[]> {
  const id = `undo-${stepId}`;
  const recorded = RecordedOwnersSchema.safeParse(run.results.get(facts.recordStepId)?.data);
  if (!recorded.success) {
    warnings.push('The former owners were not recorded, so the files stay yours.');
    return [];
  }
  // The journal is the user's file: root acts only inside the home folder, below the recorded root.
  const root = recorded.data.root.path;
  const home = ctx.scan.homeDir;
  if (!(await isHandBackRootInHome(root, home))) {
    warnings.push(
      `${root} is not a folder inside your home folder (${home}), so Pip Doctor will not change owners there; the files stay as they are.`,
    );
    return [];
  }
  for (const path of facts.paths)
    if (!isVouchedPath([home], path)) throw refuseUnvouched('a file in your home folder', path);
  const mine = new Set(facts.paths);
  const entries = recorded.data.entries.filter(
    (entry) => mine.has(entry.path) && (entry.path === root || isStrictlyInside(entry.path, root)),
  );
  // Found again now, from the system's folders: never the program the journal names.
  const python = systemProgram('python3');
  if (python.kind !== 'found') {
    warnings.push(`${whyNotUsable(python)}, so the files stay yours.`);
    return [];
  }
  const planned = asAdministrator(handBackCommand(python.path), id, ctx, TOOL_TIMEOUT_MS);
  // Each file's recorded device and inode: a file swapped since is refused, not given away.
  const request = handBackRequest(recorded.data.root, entries, (entry) => ({
    uid: entry.uid,
    gid: entry.gid,
  }));
  const owners = [...new Set(entries.map((entry) => `${entry.uid}:${entry.gid}`))];
  const whom =
    owners.length === 1
      ? owners[0] === '0:0'
        ? 'root'
        : `uid:gid ${owners[0]}`
      : 'their former owners';
  const files = `${entries.length} file${entries.length === 1 ? '' : 's'}`;
  return [
    {
      step: undoStep(
        id,
        `Give ${files} back to ${whom}`,
        planned,
        `Makes each of ${files} belong again to the owner recorded before the change (${owners.join(', ')}).`,
      ),
      spec: {
        kind: 'chown' as const,
        run: { ...planned.run, stdin: handBackInput(request) },
        paths: entries.map((entry) => entry.path),
        recordStepId: facts.recordStepId,
      },
      verify: [],
    },
  ];
}
