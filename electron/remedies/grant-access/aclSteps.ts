import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { runPlanned } from '../../platform/runElevated';
import { parseAclBackup } from '../../platform/windows/icacls';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { grantAclUndo } from './undo';

/** ACL systems: the folder's permissions saved (icacls /save) before anything changes. */
export const saveAclStep: StepExecutor<'save-acl'> = {
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    const ended = commandOutcome(result, 'Saving the permissions', `Saved to ${spec.backupFile}.`);
    if (ended.status !== 'done' && ended.status !== 'failed') return ended;
    // icacls /C goes on past files it cannot read and then exits non-zero; the backup decides.
    const backup = await readFile(spec.backupFile).catch(() => null);
    const entries = backup ? parseAclBackup(backup) : null;
    if (entries === null || entries.length === 0) {
      return outcome(
        'failed',
        'The saved permissions could not be read back, so nothing was changed: without a backup there would be no Undo.',
        { output: ended.output },
      );
    }
    return outcome(
      'done',
      `Saved the permissions of ${entries.length} files and folders to ${spec.backupFile}.`,
      {
        output: ended.output,
        data: { entries: entries.length, sha256: sha256Of(backup!) },
      },
    );
  },
};

export const grantAclStep: StepExecutor<'grant-acl'> = {
  undo: grantAclUndo,
  async execute(spec, ctx) {
    return commandOutcome(
      await runPlanned(spec.run, ctx),
      'Granting access',
      'Your account can now change the folder.',
    );
  },
};

/**
 * Refuses a backup that is not the one the save step wrote: `icacls
 * /restore` applies whatever the file says, as administrator.
 */
export const checkBackupStep: StepExecutor<'check-backup'> = {
  async execute(spec) {
    const backup = await readFile(spec.file).catch(() => null);
    if (backup === null) {
      return outcome(
        'failed',
        `The saved permissions (${spec.file}) are gone, so they cannot be put back.`,
      );
    }
    if (sha256Of(backup) !== spec.sha256) {
      return outcome(
        'failed',
        `The saved permissions in ${spec.file} are not the ones Pip Doctor saved (the file was changed), so they are not put back.`,
      );
    }
    return outcome('done', `${spec.file} is the backup Pip Doctor saved.`);
  },
};

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
