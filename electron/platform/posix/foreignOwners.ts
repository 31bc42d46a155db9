import { lstat, readdir, realpath } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { z } from 'zod';
import { isStrictlyInside } from '../../shared/paths';

/**
 * Files in the user's home that belong to someone else, almost always root
 * after a `sudo pip install --user`: what grant-access hands back on POSIX.
 */

/** A file and its owner, as recorded before ownership changes (for Undo). */
export const OwnedEntrySchema = z.object({
  path: z.string(),
  uid: z.number().int(),
  gid: z.number().int(),
});
export type OwnedEntry = z.infer<typeof OwnedEntrySchema>;

/** Past this many files the plan is refused: that is not a stray sudo pip, and chown lists would not fit. */
export const MAX_HANDED_BACK = 20_000;

export interface ForeignOwnedScan {
  entries: OwnedEntry[];
  /** Left alone, with the reason (a hard link may be a system file's other name). */
  skipped: Array<{ path: string; reason: string }>;
  truncated: boolean;
}

/**
 * The folder to hand back: the blocked folder's highest ancestor below the
 * home folder that the user does not own, so `~/.local` itself is included
 * when sudo created it. Null when the folder is not strictly inside home
 * (system folders are never handed to a user).
 */
export async function handBackRoot(
  folder: string,
  home: string,
  uid: number,
): Promise<string | null> {
  const realHome = await realpath(home).catch(() => null);
  if (realHome === null || realHome === sep) return null;
  let current = await existingAncestor(folder);
  if (current === null) return null;
  current = await realpath(current);
  if (!isStrictlyInside(current, realHome)) return null;
  let root: string | null = null;
  while (isStrictlyInside(current, realHome)) {
    const info = await lstat(current);
    if (info.uid !== uid) root = current;
    else if (root !== null) break;
    current = dirname(current);
  }
  return root;
}

/** Every entry under root (itself included) not owned by uid, without following symlinks or leaving its file system. */
export async function findForeignOwned(root: string, uid: number): Promise<ForeignOwnedScan> {
  const scan: ForeignOwnedScan = { entries: [], skipped: [], truncated: false };
  const rootInfo = await lstat(root);
  const pending = [root];
  while (pending.length > 0) {
    const path = pending.pop()!;
    const info = path === root ? rootInfo : await lstat(path).catch(() => null);
    if (!info) continue;
    if (info.dev !== rootInfo.dev) {
      scan.skipped.push({ path, reason: 'another file system is mounted here' });
      continue;
    }
    if (info.uid !== uid) {
      // A hard link is the same file as its other names, which may be a system file outside home.
      if (!info.isDirectory() && info.nlink > 1) {
        scan.skipped.push({
          path,
          reason: 'it is a hard link, maybe to a file outside your home folder',
        });
      } else {
        scan.entries.push({ path, uid: info.uid, gid: info.gid });
        if (scan.entries.length > MAX_HANDED_BACK) {
          scan.truncated = true;
          return scan;
        }
      }
    }
    if (info.isDirectory()) {
      try {
        for (const name of (await readdir(path)).sort()) pending.push(join(path, name));
      } catch {
        scan.skipped.push({ path, reason: 'its contents could not be listed' });
      }
    }
  }
  scan.entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return scan;
}

/** Current owners of recorded entries; entries that are gone are left out. */
export async function currentOwners(paths: readonly string[]): Promise<OwnedEntry[]> {
  const owned: OwnedEntry[] = [];
  for (const path of paths) {
    const info = await lstat(path).catch(() => null);
    if (info) owned.push({ path, uid: info.uid, gid: info.gid });
  }
  return owned;
}

async function existingAncestor(path: string): Promise<string | null> {
  let current = path;
  for (;;) {
    if (
      await lstat(current).then(
        () => true,
        () => false,
      )
    )
      return current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
