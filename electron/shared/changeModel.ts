import { z } from 'zod';
import { ActionStatusSchema } from './actionModel';
import { RerunStatusSchema } from './rerunModel';
import { MessageSchema } from './model/message';

/**
 * What Pip Doctor changed on this machine in this session, as the journal
 * records it: each fix, what its steps that ran changed, how it ended, and
 * the user's install run again after it. Facts only: no commands. No Node
 * imports: the contract and the renderer use it.
 */
export const ChangeSummarySchema = z.object({
  /** The fix's title, in the plan's words. */
  title: MessageSchema,
  startedAt: z.string(),
  /** null when it did not end (the app stopped while it ran). */
  status: ActionStatusSchema.nullable(),
  /** Whether the check afterwards passed; null when nothing could be checked. */
  verified: z.boolean().nullable(),
  /** What each step that ran changed, in the plan's words. */
  changed: z.array(MessageSchema),
  /** This run took back an earlier one. */
  isUndo: z.boolean(),
  /** An undo of this run has succeeded since. */
  undone: z.boolean(),
  installsAgain: z.array(
    z.object({ packageName: z.string(), where: MessageSchema, status: RerunStatusSchema }),
  ),
});
export type ChangeSummary = z.infer<typeof ChangeSummarySchema>;
