import { z } from 'zod';

/** Waits for a sign-out or restart, then for nothing to hold the files. */
export const AwaitRestartSpecSchema = z.object({
  kind: z.literal('await-restart'),
  roots: z.array(z.string()),
  paths: z.array(z.string()),
});
