import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/**
 * Decides which open or mapped paths belong to the installs being inspected.
 * Shared by the /proc and the lsof backends so both answer the same question.
 */

/**
 * The kernel's marker for a file that is open or mapped but no longer has a
 * name: the old .so a pip upgrade replaced while Python still had it loaded.
 * Holds keep it, so the UI and the tests can tell "in use" from "in use and
 * already replaced".
 */
export const DELETED_MARK = ' (deleted)';

export interface HeldPathMatcher {
  /**
   * The hold to report for a path as the OS printed it (trailing deleted
   * marker included), or null when it is outside every prefix and is not a
   * priority path.
   */
  match(path: string, deleted?: boolean): { hold: string; priority: boolean } | null;
  /** Strings every matching path contains: a cheap test before parsing a whole maps file. */
  needles: readonly string[];
}

export async function createHeldPathMatcher(
  prefixes: readonly string[],
  priorityPaths: readonly string[] = [],
): Promise<HeldPathMatcher> {
  // The kernel reports resolved paths; a prefix given through a symlink (/tmp on
  // macOS is /private/tmp) must be compared in both spellings.
  const roots = unique((await Promise.all(prefixes.map(spellings))).flat());
  const priority = new Set((await Promise.all(priorityPaths.map(spellings))).flat());
  const needles = unique([...roots, ...priority]);

  function isUnderRoot(path: string): boolean {
    for (const root of roots) {
      if (path === root) return true;
      // A real path-prefix check: /venv must not claim /venv2/lib.
      const withSeparator = root.endsWith(sep) ? root : root + sep;
      if (path.startsWith(withSeparator)) return true;
    }
    return false;
  }

  return {
    needles,
    match(printed, deletedFlag = false) {
      if (!printed.startsWith(sep)) return null; // sockets, pipes, anon_inode:, [heap]
      const markedDeleted = printed.endsWith(DELETED_MARK);
      const path = markedDeleted ? printed.slice(0, -DELETED_MARK.length) : printed;
      const isPriority = priority.has(path);
      if (!isPriority && !isUnderRoot(path)) return null;
      const deleted = markedDeleted || deletedFlag;
      return { hold: deleted ? path + DELETED_MARK : path, priority: isPriority };
    },
  };
}

/** The path as given (absolute) and as the kernel will spell it, when it exists. */
async function spellings(path: string): Promise<string[]> {
  const absolute = resolve(path);
  const real = await realpath(absolute).catch(() => absolute);
  return real === absolute ? [absolute] : [absolute, real];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** One process and the inspected files it has open or mapped. */
export interface FileHolder {
  pid: number;
  holds: string[];
}

/** Gathers matches per process, then lists them the way the UI shows them. */
export class HolderSet {
  /** pid -> hold -> whether it is a priority path. */
  private readonly byPid = new Map<number, Map<string, boolean>>();

  add(pid: number, match: { hold: string; priority: boolean }): void {
    let holds = this.byPid.get(pid);
    if (!holds) this.byPid.set(pid, (holds = new Map()));
    holds.set(match.hold, match.priority);
  }

  /**
   * Processes holding a priority path (the file the failing pip run named)
   * first, then by pid; within each, priority holds first, then by name.
   */
  list(): FileHolder[] {
    const rows = [...this.byPid].map(([pid, holds]) => ({
      pid,
      priority: [...holds.values()].some(Boolean),
      holds: [...holds]
        .sort(
          ([a, aPriority], [b, bPriority]) =>
            Number(bPriority) - Number(aPriority) || compare(a, b),
        )
        .map(([hold]) => hold),
    }));
    rows.sort((a, b) => Number(b.priority) - Number(a.priority) || a.pid - b.pid);
    return rows.map(({ pid, holds }) => ({ pid, holds }));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
