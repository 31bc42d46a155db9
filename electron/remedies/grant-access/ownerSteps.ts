import { findForeignOwned } from '../../platform/posix/foreignOwners';
import type { OwnedEntry } from '../../platform/posix/foreignOwners';
import { parseHandBackOutput } from '../../platform/posix/handBack';
import { lastLine, outputTail, runPlanned } from '../../platform/runElevated';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { chownUndo } from './undo';

/** Owner systems: files someone else left in the user's home are handed back, owners recorded first. */

/**
 * Writes every file's owner, device and inode to the journal before any
 * changes, so Undo can give each back to whom it belonged. Refuses when the
 * files differ from the ones the plan showed (other names, or the same names
 * on other files): the user approved that list, not another.
 */
export const recordOwnersStep: StepExecutor<'record-owners'> = {
  async execute(spec) {
    const scan = await findForeignOwned(spec.root, spec.targetUid);
    const key = (entry: OwnedEntry) => `${entry.dev}:${entry.ino}:${entry.path}`;
    const now = new Set(scan.entries.map(key));
    const planned = new Set(spec.planned.map(key));
    const added = [...now].filter((entry) => !planned.has(entry));
    const gone = [...planned].filter((entry) => !now.has(entry));
    if (added.length > 0 || gone.length > 0) {
      return outcome(
        'failed',
        `The files in ${spec.root} changed since the plan was made (${added.length} new, ${gone.length} gone or replaced); nothing was changed. Scan again.`,
      );
    }
    return outcome('done', `Wrote down the owners of ${scan.entries.length} files.`, {
      data: { root: scan.root, entries: scan.entries },
    });
  },
};

export const chownStep: StepExecutor<'chown'> = {
  undo: chownUndo,
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    const files = (count: number) => `${count} file${count === 1 ? '' : 's'}`;
    if (result.kind !== 'ran' || result.exitCode === 0) {
      return commandOutcome(
        result,
        'Changing the owner',
        `${files(spec.paths.length)} ${spec.paths.length === 1 ? 'has' : 'have'} the new owner now.`,
      );
    }
    // The helper refused some (1) or all (2): say which and why, in its own words.
    const report = parseHandBackOutput(result.stdout);
    const first = report.refused[0];
    const detail =
      first === undefined
        ? `Nothing was changed: ${lastLine(result.stderr) || `the helper ended with exit code ${result.exitCode}`}.`
        : `${files(report.refused.length)} ${report.refused.length === 1 ? 'was' : 'were'} left as ${report.refused.length === 1 ? 'it was' : 'they were'} (${first.path || 'the folder itself'}: ${first.reason}); ${files(report.changed.length)} changed. Scan again before trying once more.`;
    return outcome('failed', detail, { output: outputTail(result) });
  },
};
