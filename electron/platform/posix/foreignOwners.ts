import type { BigIntStats } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { isStrictlyInside } from '../../shared/paths';
import type { FileIdentity, HandBackRequest } from './handBack';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';

/** Why a file is left out of the hand-back: a clause after "{path} is left as it is:" in the plan. */
const skipWords = defineMessages({
  mounted: {
    id: 'platform.handBack.skip.mounted',
    defaultMessage: 'another file system is mounted here',
    description: 'Why a folder is left out of the hand-back (lower case, no full stop).',
  },
  hardLink: {
    id: 'platform.handBack.skip.hardLink',
    defaultMessage: 'it is a hard link, maybe to a file outside your home folder',
    description: 'Why a file is left out of the hand-back (lower case, no full stop).',
  },
  unlisted: {
    id: 'platform.handBack.skip.unlisted',
    defaultMessage: 'its contents could not be listed',
    description: 'Why a folder is left out of the hand-back (lower case, no full stop).',
  },
});
import { FileIdentitySchema } from './handBack';

/**
 * Files in the user's home that belong to someone else, almost always root
 * after a `sudo pip install --user`: what grant-access hands back on POSIX.
 */

/**
 * A file and its owner, as recorded before ownership changes (for Undo), with
 * its device and inode: the privileged helper changes only that very file.
 */
export const OwnedEntrySchema = FileIdentitySchema.extend({
  path: z.string(),
  uid: z.number().int(),
  gid: z.number().int(),
});
export type OwnedEntry = z.infer<typeof OwnedEntrySchema>;

/** The folder a hand-back starts from, as the scan saw it. */
export const ScanRootSchema = FileIdentitySchema.extend({ path: z.string() });
export type ScanRoot = z.infer<typeof ScanRootSchema>;

/** Past this many files the plan is refused: that is not a stray sudo pip, and chown lists would not fit. */
export const MAX_HANDED_BACK = 20_000;

export interface ForeignOwnedScan {
  root: ScanRoot;
  entries: OwnedEntry[];
  /** Left alone, with the reason (a hard link may be a system file's other name). */
  skipped: Array<{ path: string; reason: Message }>;
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

/**
 * A recorded hand-back root is still one Pip Doctor may act on: the real
 * path of a folder strictly inside the user's home. Undo asks this of what
 * the journal says before root changes anything there.
 */
export async function isHandBackRootInHome(root: string, home: string): Promise<boolean> {
  const realHome = await realpath(home).catch(() => null);
  const realRoot = await realpath(root).catch(() => null);
  return (
    realHome !== null && realHome !== sep && realRoot === root && isStrictlyInside(root, realHome)
  );
}

/** Every entry under root (itself included) not owned by uid, without following symlinks or leaving its file system. */
export async function findForeignOwned(root: string, uid: number): Promise<ForeignOwnedScan> {
  const rootInfo = await lstat(root, { bigint: true });
  const scan: ForeignOwnedScan = {
    root: { path: root, ...identityOf(rootInfo) },
    entries: [],
    skipped: [],
    truncated: false,
  };
  const pending = [root];
  while (pending.length > 0) {
    const path = pending.pop()!;
    const info = path === root ? rootInfo : await lstat(path, { bigint: true }).catch(() => null);
    if (!info) continue;
    if (info.dev !== rootInfo.dev) {
      scan.skipped.push({ path, reason: msg(skipWords.mounted) });
      continue;
    }
    if (info.uid !== BigInt(uid)) {
      // A hard link is the same file as its other names, which may be a system file outside home.
      if (!info.isDirectory() && info.nlink > 1n) {
        scan.skipped.push({
          path,
          reason: msg(skipWords.hardLink),
        });
      } else {
        scan.entries.push({
          path,
          uid: Number(info.uid),
          gid: Number(info.gid),
          ...identityOf(info),
        });
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
        scan.skipped.push({ path, reason: msg(skipWords.unlisted) });
      }
    }
  }
  scan.entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return scan;
}

function identityOf(info: BigIntStats): FileIdentity {
  return { dev: info.dev.toString(), ino: info.ino.toString() };
}

/**
 * What the privileged helper is asked: the recorded files under root, each
 * with the owner `ownerOf` gives it (the user's on hand-back, the recorded
 * one on Undo).
 */
export function handBackRequest(
  root: ScanRoot,
  entries: readonly OwnedEntry[],
  ownerOf: (entry: OwnedEntry) => { uid: number; gid: number },
): HandBackRequest {
  return {
    root,
    entries: entries.map((entry) => {
      const inside = relative(root.path, entry.path);
      if (inside.startsWith('..') || inside.startsWith(sep))
        throw new Error(`${entry.path} is not inside ${root.path}`);
      return {
        path: inside.split(sep).join('/'),
        dev: entry.dev,
        ino: entry.ino,
        ...ownerOf(entry),
      };
    }),
  };
}

/** Current owners of recorded entries; entries that are gone are left out. */
export async function currentOwners(paths: readonly string[]): Promise<OwnedEntry[]> {
  const owned: OwnedEntry[] = [];
  for (const path of paths) {
    const info = await lstat(path, { bigint: true }).catch(() => null);
    if (info)
      owned.push({ path, uid: Number(info.uid), gid: Number(info.gid), ...identityOf(info) });
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
