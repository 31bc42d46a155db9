import { z } from 'zod';

/** Checks every remedy may use. */

/** The package imports in that Python, by the module names its metadata lists. */
export const ImportsCheckSchema = z.object({
  kind: z.literal('imports'),
  python: z.string(),
  packageName: z.string(),
  env: z.record(z.string(), z.string()),
});
export const UnheldCheckSchema = z.object({
  kind: z.literal('unheld'),
  roots: z.array(z.string()),
  paths: z.array(z.string()),
  /**
   * Close steps whose leftovers (still running, or not ours to close) count
   * as holders too: a process of another user holds files a scan by this
   * user cannot see.
   */
  closeStepIds: z.array(z.string()),
});
export const PipRunsCheckSchema = z.object({ kind: z.literal('pip-runs'), python: z.string() });
export const PathsGoneCheckSchema = z.object({
  kind: z.literal('paths-gone'),
  paths: z.array(z.string()),
});
