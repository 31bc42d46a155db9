import { constants } from 'node:fs';
import { access, lstat, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface ForeignOwned {
  /** Files and folders inside that belong to someone else, within the bounds. */
  count: number;
  /** The walk stopped at its bound, so `count` is a lower limit. */
  truncated: boolean;
  /** The uid most of them belong to (root after `sudo pip`). */
  mainOwner: number | null;
  /**
   * Folders inside, owned by someone else, that we cannot write into: pip can
   * neither replace nor delete what is in them. Relative paths, walk order.
   */
  blocking: string[];
}

export interface WalkBounds {
  maxEntries: number;
  /** 1 looks at the folder's own entries, 2 also inside each of its folders. */
  maxDepth: number;
}

/**
 * Two levels reach a package folder (`numpy/`) and the folders just inside
 * it (`numpy/__pycache__`), which is where `sudo pip` or a `sudo python`
 * that compiled bytecode leaves root-owned things; 2000 entries keep the walk
 * well under a second on a large site-packages.
 */
export const DEFAULT_BOUNDS: WalkBounds = { maxEntries: 2000, maxDepth: 2 };

/** Looks for what another user left inside a folder the current user can write to. */
export async function findForeignOwned(
  root: string,
  uid: number,
  bounds: WalkBounds = DEFAULT_BOUNDS,
): Promise<ForeignOwned> {
  const owners = new Map<number, number>();
  const blocking: string[] = [];
  let seen = 0;
  let truncated = false;
  let level: string[] = [root];

  for (let depth = 1; depth <= bounds.maxDepth && level.length > 0 && !truncated; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      // An unreadable folder is itself reported by the blocking check one level up.
      const names = await readdir(folder).catch(() => [] as string[]);
      for (const name of names.sort()) {
        if (seen >= bounds.maxEntries) {
          truncated = true;
          break;
        }
        seen++;
        const path = join(folder, name);
        const info = await lstat(path).catch(() => null);
        if (info === null) continue;
        const isFolder = info.isDirectory();
        if (info.uid !== uid) {
          owners.set(info.uid, (owners.get(info.uid) ?? 0) + 1);
          if (isFolder && !(await canWriteInto(path))) blocking.push(relative(root, path));
        }
        if (isFolder) next.push(path);
      }
      if (truncated) break;
    }
    level = next;
  }

  const count = [...owners.values()].reduce((sum, n) => sum + n, 0);
  return { count, truncated, mainOwner: mostCommon(owners), blocking };
}

/** access(2) knows ACLs too, and is exact on POSIX, unlike on Windows (DESIGN.md rule 5). */
async function canWriteInto(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function mostCommon(counts: Map<number, number>): number | null {
  let best: number | null = null;
  for (const [key, n] of counts) if (best === null || n > counts.get(best)!) best = key;
  return best;
}
