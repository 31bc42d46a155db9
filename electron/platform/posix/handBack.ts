import { z } from 'zod';
import type { Command } from '../../shared/actionModel';
import { HAND_BACK_HELPER_SOURCE } from './handBackHelperSource';

/**
 * The one way Pip Doctor changes owners as root on POSIX (hand-back and its
 * Undo): the helper in handBackHelperSource.ts, run by the system's Python,
 * told what to change on stdin. See that file for why it walks by file
 * descriptors and travels as an argument.
 */

/** st_dev and st_ino as decimal text: they may exceed what a JS number holds exactly. */
const InodeNumberSchema = z.string().regex(/^\d+$/);

/** A file as the scan saw it: which inode on which device. */
export const FileIdentitySchema = z.object({ dev: InodeNumberSchema, ino: InodeNumberSchema });
export type FileIdentity = z.infer<typeof FileIdentitySchema>;

export const HandBackEntrySchema = FileIdentitySchema.extend({
  /** Relative to the root, `/`-separated; '' is the root itself. */
  path: z.string(),
  /** The owner to set. */
  uid: z.number().int().nonnegative(),
  gid: z.number().int().nonnegative(),
});
export type HandBackEntry = z.infer<typeof HandBackEntrySchema>;

export const HandBackRequestSchema = z.object({
  root: FileIdentitySchema.extend({ path: z.string() }),
  entries: z.array(HandBackEntrySchema),
});
export type HandBackRequest = z.infer<typeof HandBackRequestSchema>;

/** What the helper says about one entry. */
const EntryResultSchema = z.union([
  z.object({ path: z.string(), changed: z.literal(true) }),
  z.object({ path: z.string(), refused: z.string() }),
]);

export interface HandBackReport {
  changed: string[];
  refused: Array<{ path: string; reason: string }>;
}

/** `python3 -I -X utf8 -c <helper>`: isolated (no PYTHON* variables, no user site), UTF-8 whatever the locale. */
export function handBackCommand(python: string): Command {
  return { program: python, args: ['-I', '-X', 'utf8', '-c', HAND_BACK_HELPER_SOURCE], env: {} };
}

export function handBackInput(request: HandBackRequest): string {
  return JSON.stringify(request);
}

/** The helper's stdout, one JSON line per entry; lines that are not its results are ignored. */
export function parseHandBackOutput(stdout: string): HandBackReport {
  const report: HandBackReport = { changed: [], refused: [] };
  for (const line of stdout.split('\n')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const result = EntryResultSchema.safeParse(parsed);
    if (!result.success) continue;
    if ('changed' in result.data) report.changed.push(result.data.path);
    else report.refused.push({ path: result.data.path, reason: result.data.refused });
  }
  return report;
}
