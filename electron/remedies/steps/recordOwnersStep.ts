import { z } from 'zod';
import { findForeignOwned } from '../../platform/posix/foreignOwners';
import { OwnedEntrySchema } from '../planning/recipe';
import type { StepExecutor } from './stepContext';
import { outcome } from './stepContext';

export const RecordedOwnersSchema = z.object({ entries: z.array(OwnedEntrySchema) });

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
