import { z } from 'zod';

/** Refuses to go on while a program holds any of the paths. */
export const CheckUnheldSpecSchema = z.object({
  kind: z.literal('check-unheld'),
  roots: z.array(z.string()),
  paths: z.array(z.string()),
});
export const RemovePathsSpecSchema = z.object({
  kind: z.literal('remove-paths'),
  paths: z.array(z.string()),
});
