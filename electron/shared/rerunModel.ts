import { z } from 'zod';
import { ActionRunIdSchema } from './actionModel';
import { MessageSchema } from './model/message';

/**
 * "Run my install again" after a fix that was checked and worked: the
 * user's own `pip install`, adapted by main to that fix (the new venv's
 * Python, `--user`, `python -m pip`), run with its output shown live. No
 * Node imports: the IPC contract and the renderer use these.
 */

export const RerunIdSchema = z.string().regex(/^rerun-[0-9a-f]{16}$/);

/** What main will run, as the user reads it before and while it runs. */
export const RerunStartedSchema = z.object({
  rerunId: RerunIdSchema,
  /** The fix this install follows. */
  runId: ActionRunIdSchema,
  packageName: z.string(),
  /** The exact command, in the user's shell: what they would type. */
  commandLine: z.string(),
  /** Plain words: "in the new virtual environment /home/ana/project/.venv". */
  where: MessageSchema,
});
export type RerunStarted = z.infer<typeof RerunStartedSchema>;

/** What would run, shown before the user starts it (DESIGN.md rule 6). */
export const RerunPlanSchema = RerunStartedSchema.omit({ rerunId: true });
export type RerunPlan = z.infer<typeof RerunPlanSchema>;

export const RerunStatusSchema = z.enum(['succeeded', 'failed', 'cancelled']);
export type RerunStatus = z.infer<typeof RerunStatusSchema>;

export const RerunOutcomeSchema = z.object({
  rerunId: RerunIdSchema,
  status: RerunStatusSchema,
  exitCode: z.number().int().nullable(),
  /** One or two sentences for the user. */
  summary: MessageSchema,
  /** The end of what pip printed: the new error, when it failed. */
  output: z.string(),
  commandLine: z.string(),
});
export type RerunOutcome = z.infer<typeof RerunOutcomeSchema>;

/** A piece of pip's output as it arrives. */
export const RerunOutputSchema = z.object({ rerunId: RerunIdSchema, text: z.string() });
export type RerunOutput = z.infer<typeof RerunOutputSchema>;
