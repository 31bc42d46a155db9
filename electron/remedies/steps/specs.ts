import { z } from 'zod';
import { ElevatedRunSchema } from '../../platform/elevation';
import { MessageSchema } from '../../shared/model/message';

/** Step kinds every remedy may use: one command, and a pip install whose undo is known. */

/** A command whose exit code 0 is success, and that needs no record to be undone. */
export const CommandSpecSchema = z.object({ kind: z.literal('command'), run: ElevatedRunSchema });

export const PipInstallSpecSchema = z.object({
  kind: z.literal('pip-install'),
  run: ElevatedRunSchema,
  python: z.string(),
  /** How the distributions are listed before and after, to know what the install added. */
  scope: z.enum(['environment', 'user']),
  dryRun: z.boolean(),
});

/** A process as the scan saw it, with what the user is told about it. */
export const ProcessTargetSchema = z.object({
  pid: z.number().int(),
  startTime: z.string(),
  /** A Message; English text in plans recorded before the app was translated (targetLabel.ts). */
  label: z.union([MessageSchema, z.string()]),
});
export type ProcessTarget = z.infer<typeof ProcessTargetSchema>;
