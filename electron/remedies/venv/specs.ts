import { z } from 'zod';
import { ElevatedRunSchema } from '../../platform/elevation';

export const CreateVenvSpecSchema = z.object({
  kind: z.literal('create-venv'),
  run: ElevatedRunSchema,
  folder: z.string(),
});

/** Removes a folder the action created, only while it still is what it created. */
export const RemoveVenvSpecSchema = z.object({
  kind: z.literal('remove-venv'),
  folder: z.string(),
  /** The folder existed (empty) before: it is emptied, not removed. */
  keepFolder: z.boolean(),
});
