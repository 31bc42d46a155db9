import { findForeignOwned } from '../../platform/posix/foreignOwners';
import type { OwnedEntry } from '../../platform/posix/foreignOwners';
import { parseHandBackOutput } from '../../platform/posix/handBack';
import { lastLine, outputTail, runPlanned } from '../../platform/runElevated';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { msg } from '../../shared/i18n/message';
import { grantStepWords } from './stepWords';
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
        msg(grantStepWords.filesChanged, {
          root: spec.root,
          added: added.length,
          gone: gone.length,
        }),
      );
    }
    return outcome('done', msg(grantStepWords.ownersRecorded, { count: scan.entries.length }), {
      data: { root: scan.root, entries: scan.entries },
    });
  },
};

export const chownStep: StepExecutor<'chown'> = {
  undo: chownUndo,
  async execute(spec, ctx) {
    const result = await runPlanned(spec.run, ctx);
    if (result.kind !== 'ran' || result.exitCode === 0) {
      return commandOutcome(
        result,
        msg(grantStepWords.changingOwner),
        msg(grantStepWords.ownerChanged, { count: spec.paths.length }),
      );
    }
    // The helper refused some (1) or all (2): say which and why, in its own words.
    const report = parseHandBackOutput(result.stdout);
    const first = report.refused[0];
    const said = lastLine(result.stderr);
    const detail =
      first !== undefined
        ? msg(grantStepWords.someRefused, {
            refused: report.refused.length,
            changed: report.changed.length,
            path: first.path || msg(grantStepWords.theFolder),
            reason: first.reason,
          })
        : said !== ''
          ? msg(grantStepWords.nothingChanged, { reason: said })
          : msg(grantStepWords.helperExit, { code: String(result.exitCode) });
    return outcome('failed', detail, { output: outputTail(result) });
  },
};
