import { z } from 'zod';
import { ElevatedRunSchema } from '../../platform/elevation';

export const ReadLongPathsSpecSchema = z.object({
  kind: z.literal('read-long-paths'),
  run: ElevatedRunSchema,
});
export const SetLongPathsSpecSchema = z.object({
  kind: z.literal('set-long-paths'),
  run: ElevatedRunSchema,
  /** The step that read the value before, whose record the undo puts back. */
  readStepId: z.string(),
});

/** Windows reads the setting as on. */
export const LongPathsOnCheckSchema = z.object({
  kind: z.literal('long-paths-on'),
  run: ElevatedRunSchema,
});
