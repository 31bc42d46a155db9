import { handBackRequest, isHandBackRootInHome } from '../../platform/posix/foreignOwners';
import { isStrictlyInside } from '../../shared/paths';
import { handBackCommand, handBackInput } from '../../platform/posix/handBack';
import { systemProgram, whyNotUsable } from '../../platform/posix/systemProgram';
import { elevatedOutputDir } from '../../platform/elevation';
import { AclBackupsSchema, restoreCommand } from '../../platform/windows/aclBackupScripts';
import type { AclBackup } from '../../platform/windows/aclBackupScripts';
import { adminFolderName } from '../../platform/windows/elevatedWindows';
import { scriptOf } from '../../platform/windows/powershell';
import type { RunHistory } from '../run/replayJournal';
import type { FactsOf } from '../run/planFacts';
import paths from 'node:path';
import type { StepUndo, UndoContext, UndoStep } from '../planning/undoSteps';
import { asAdministrator, isVouchedPath, refuseUnvouched, undoStep } from '../planning/undoSteps';
import { TOOL_TIMEOUT_MS } from '../planning/planContext';
import { RecordedOwnersSchema } from './specs';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { grantPlanWords as words } from './planWords';

/**
 * ACL systems: the permissions saved before the grant are put back exactly
 * (icacls /restore), from the elevated folder the grant saved them in, and
 * only when each backup still has the hash the grant printed for it (the
 * elevated side checks it). The folders must be this Python's, by the fresh
 * scan: the journal is the user's file.
 */
export const grantAclUndo: StepUndo<'grant-acl'> = {
  canUndo: (run, stepId) => recordedBackups(run, stepId) !== null,
  async plan(run, stepId, facts, ctx, warnings) {
    const backups = recordedBackups(run, stepId);
    if (backups === null) {
      warnings.push(msg(words.undoAclNotRecorded));
      return [];
    }
    for (const backup of backups)
      if (
        !facts.folders.includes(backup.folder) ||
        !isVouchedPath(ctx.scan.installFolders, backup.folder)
      )
        throw refuseUnvouched('installFolder', backup.folder);
    const id = `undo-${stepId}`;
    const { win32 } = paths;
    // The grant's elevated folder is named after its step folder, rebuilt here, never read from the journal.
    const grantDir = elevatedOutputDir(ctx.originalRunFolder, stepId, ctx.scan.os.platform);
    const command = restoreCommand(
      ctx.elevation.systemRoot,
      backups.map((backup) => ({ ...backup, parent: win32.dirname(backup.folder) })),
      adminFolderName(grantDir),
    );
    const planned = asAdministrator(command, id, ctx, TOOL_TIMEOUT_MS, 'oem');
    return [
      {
        step: undoStep(
          id,
          msg(words.undoAclStep),
          { ...planned, script: scriptOf(planned.run.command) },
          msg(words.undoAclChanges),
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
  warnings: Message[],
): Promise<UndoStep[]> {
  const id = `undo-${stepId}`;
  const recorded = RecordedOwnersSchema.safeParse(run.results.get(facts.recordStepId)?.data);
  if (!recorded.success) {
    warnings.push(msg(words.undoOwnersNotRecorded));
    return [];
  }
  // The journal is the user's file: root acts only inside the home folder, below the recorded root.
  const root = recorded.data.root.path;
  const home = ctx.scan.homeDir;
  if (!(await isHandBackRootInHome(root, home))) {
    warnings.push(msg(words.undoOutsideHome, { folder: root, home }));
    return [];
  }
  for (const path of facts.paths)
    if (!isVouchedPath([home], path)) throw refuseUnvouched('homeFile', path);
  const mine = new Set(facts.paths);
  const entries = recorded.data.entries.filter(
    (entry) => mine.has(entry.path) && (entry.path === root || isStrictlyInside(entry.path, root)),
  );
  // Found again now, from the system's folders: never the program the journal names.
  const python = systemProgram('python3');
  if (python.kind !== 'found') {
    warnings.push(msg(words.undoNoHelper, { reason: whyNotUsable(python) }));
    return [];
  }
  const planned = asAdministrator(handBackCommand(python.path), id, ctx, TOOL_TIMEOUT_MS);
  // Each file's recorded device and inode: a file swapped since is refused, not given away.
  const request = handBackRequest(recorded.data.root, entries, (entry) => ({
    uid: entry.uid,
    gid: entry.gid,
  }));
  const owners = [...new Set(entries.map((entry) => `${entry.uid}:${entry.gid}`))];
  const count = entries.length;
  const title =
    owners.length !== 1
      ? msg(words.undoToFormerOwners, { count })
      : owners[0] === '0:0'
        ? msg(words.undoToRoot, { count })
        : msg(words.undoToOwner, { count, owner: owners[0]! });
  return [
    {
      step: undoStep(
        id,
        title,
        planned,
        msg(words.undoOwnerChanges, { count, owners: owners.join(', ') }),
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
