import { msg } from '../../shared/i18n/message';
import { holderGapWords } from '../holderGapWords';
import type { Gap } from '../../shared/model/diagnosis';
import { createHeldPathMatcher, HolderSet } from './heldPathMatcher';
import type { HolderScan } from '../systemProbe';
import { readOpenFiles } from './procFilesReader';
import type { OpenFilesReading } from './procFilesReader';

/**
 * "Who holds the files" on Linux, from /proc: every process's open file
 * descriptors (readlink of /proc/<pid>/fd/*) and mapped files
 * (/proc/<pid>/maps, where a loaded .so shows up even after its fd is
 * closed). It does what `lsof +D` does without stat()ing every file of the
 * install and every descriptor of every process, which is where lsof spends
 * its time. The reading happens on a worker thread (procFilesWorker.js says
 * why); here the paths it found are matched against the installs.
 */

export interface FindHoldersOptions {
  /** Paths named by the failing pip run: matched exactly even outside the prefixes, listed first. */
  priorityPaths?: string[];
  signal?: AbortSignal;
  /** How long the reading may take before the scan goes on without it; default 20 s. */
  timeoutMs?: number;
}

/** The SystemProbe's HolderScan; named here for what this module returns. */
export type FileHoldersResult = HolderScan;

export async function findHoldersLinux(
  prefixes: string[],
  options: FindHoldersOptions = {},
): Promise<FileHoldersResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  const matcher = await createHeldPathMatcher(prefixes, options.priorityPaths);
  if (matcher.needles.length === 0) return { holders: [], gaps: [] };

  let reading: OpenFilesReading;
  try {
    reading = await readOpenFiles({
      needles: matcher.needles,
      // This app never holds an install's files beyond the instant of its own write
      // probe, and offering to close itself would make no sense (DESIGN rule 7).
      skipPids: [process.pid],
      signal,
      timeoutMs: options.timeoutMs,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    // A reader thread that could not start or crashed costs this part of the scan, not all of it.
    return { holders: [], gaps: [unreadGap(error)] };
  }
  if (reading.timedOut) return { holders: [], gaps: [unansweredGap(reading.timeoutMs)] };
  const holders = new HolderSet();
  for (const { pid, paths } of reading.processes) {
    for (const path of paths) {
      const match = matcher.match(path);
      if (match) holders.add(pid, match);
    }
  }
  return {
    holders: holders.list(),
    gaps: reading.denied > 0 ? [uninspectedGap(reading.denied)] : [],
  };
}

function unreadGap(error: unknown): Gap {
  const cause = error instanceof Error ? error.message : String(error);
  return {
    area: 'processes',
    message: msg(holderGapWords.openFilesUnread, { error: cause }),
    howToReveal: msg(holderGapWords.scanAgain),
  };
}

function unansweredGap(timeoutMs: number): Gap {
  return {
    area: 'processes',
    message: msg(holderGapWords.openFilesSlow, {
      seconds: Number((timeoutMs / 1000).toPrecision(2)),
    }),
    howToReveal: msg(holderGapWords.openFilesSlowHow),
  };
}

function uninspectedGap(count: number): Gap {
  if (process.geteuid?.() === 0) {
    return {
      area: 'processes',
      message: msg(holderGapWords.hiddenEvenFromRoot, { count }),
      howToReveal: null,
    };
  }
  return {
    area: 'processes',
    message: msg(holderGapWords.othersProcesses, { count }),
    howToReveal: msg(holderGapWords.runAsRoot),
  };
}
