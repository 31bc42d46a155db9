import { z } from 'zod';
import { ProcessTargetSchema } from '../steps/specs';

/**
 * Windows: a PowerShell run that checks and closes each target through its own handle, for those still running when the
 * step runs, so `systemRoot` rather than a fixed command; POSIX: signals
 * sent by the app itself (systemRoot null).
 */
export const CloseGracefullySpecSchema = z.object({
  kind: z.literal('close-gracefully'),
  targets: z.array(ProcessTargetSchema),
  systemRoot: z.string().nullable(),
});
export const CloseByForceSpecSchema = z.object({
  kind: z.literal('close-by-force'),
  targets: z.array(ProcessTargetSchema),
  systemRoot: z.string().nullable(),
  gracefulStepId: z.string(),
});

/** What a close step leaves: processes still running, and those the system would not let it close. */
export const CloseLeftoversSchema = z.object({
  survivors: z.array(ProcessTargetSchema),
  denied: z.array(ProcessTargetSchema),
});
export type CloseLeftovers = z.infer<typeof CloseLeftoversSchema>;
