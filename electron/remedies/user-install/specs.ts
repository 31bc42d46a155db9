import { z } from 'zod';
import { ElevatedRunSchema } from '../../platform/elevation';

/** Puts a folder on (or takes it off) the user's own PATH, in the registry. */
export const UserPathSpecSchema = z.object({
  kind: z.literal('user-path'),
  run: ElevatedRunSchema,
  entry: z.string(),
  mode: z.enum(['add', 'remove']),
});
