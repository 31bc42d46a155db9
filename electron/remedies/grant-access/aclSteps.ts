import { runPlanned } from '../../platform/runElevated';
import { readAclBackups } from '../../platform/windows/aclBackupScripts';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { msg } from '../../shared/i18n/message';
import { grantStepWords } from './stepWords';
import { grantAclUndo } from './undo';

/**
 * ACL systems: one elevated run saves the permissions (icacls /save, into the
 * elevated side's own folder) and then grants; the backups' hashes it
 * printed are the step's data, which Undo checks before restoring.
 */
export const grantAclStep: StepExecutor<'grant-acl'> = {
  undo: grantAclUndo,
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    const ended = commandOutcome(result, msg(grantStepWords.granting), msg(grantStepWords.granted));
    const backups = result.kind === 'ran' ? readAclBackups(result.stdout, spec.folders) : null;
    if (backups === null) return ended;
    if (ended.status !== 'done') return { ...ended, data: { backups } };
    return outcome('done', msg(grantStepWords.savedAndGranted), {
      output: ended.output,
      data: { backups },
    });
  },
};
