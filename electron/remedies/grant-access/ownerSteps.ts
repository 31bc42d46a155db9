import { findForeignOwned } from '../../platform/posix/foreignOwners';
import { runPlanned } from '../../platform/runElevated';
import { commandOutcome } from '../steps/commandOutcome';
import type { StepExecutor } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { chownUndo } from './undo';

/** Owner systems: files someone else left in the user's home are handed back, owners recorded first. */

/**
 * Writes every file's owner to the journal before any changes, so Undo can
 * give each back to whom it belonged. Refuses when the files differ from the
 * ones the plan showed: the user approved that list, not another.
 */
export const recordOwnersStep: StepExecutor<'record-owners'> = {
  async execute(spec) {
    const scan = await findForeignOwned(spec.root, spec.targetUid);
    const now = scan.entries.map((entry) => entry.path);
    const planned = spec.planned.map((entry) => entry.path);
    const added = now.filter((path) => !planned.includes(path));
    const gone = planned.filter((path) => !now.includes(path));
    if (added.length > 0 || gone.length > 0) {
      return outcome(
        'failed',
        `The files in ${spec.root} changed since the plan was made (${added.length} new, ${gone.length} gone); nothing was changed. Scan again.`,
      );
    }
    return outcome('done', `Wrote down the owners of ${scan.entries.length} files.`, {
      data: { entries: scan.entries },
    });
  },
};

export const chownStep: StepExecutor<'chown'> = {
  undo: chownUndo,
  async execute(spec, ctx) {
    return commandOutcome(
      await runPlanned(spec.run, ctx),
      'Changing the owner',
      `${spec.paths.length} file${spec.paths.length === 1 ? ' is' : 's are'} yours now.`,
    );
  },
};
