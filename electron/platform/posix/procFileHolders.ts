import { readdir, readlink } from 'node:fs/promises';
import type { Gap } from '../../engine/model/diagnosis';
import { createHeldPathMatcher, HolderSet } from './heldPathMatcher';
import type { HolderScan } from '../systemProbe';
import type { HeldPathMatcher } from './heldPathMatcher';
import { mapWithConcurrency } from './mapWithConcurrency';
import { isDenied, isVanished } from './procErrors';
import { listPids } from './procProcessTable';
import { readProcText } from './readProcText';

/**
 * "Who holds the files" on Linux, from /proc: every process's open file
 * descriptors (readlink of /proc/<pid>/fd/*) and mapped files
 * (/proc/<pid>/maps, where a loaded .so shows up even after its fd is
 * closed). It does what `lsof +D` does without stat()ing every file of the
 * install and every descriptor of every process, which is where lsof spends
 * its time.
 */

export interface FindHoldersOptions {
  /** Paths named by the failing pip run: matched exactly even outside the prefixes, listed first. */
  priorityPaths?: string[];
  signal?: AbortSignal;
}

/** The SystemProbe's HolderScan; named here for what this module returns. */
export type FileHoldersResult = HolderScan;

/**
 * Processes read at once. /proc reads cost microseconds each but go through
 * libuv's thread pool (4 threads by default): enough in flight to keep it
 * busy, not so many that a machine with thousands of processes queues them all.
 */
const PROCESS_CONCURRENCY = 32;
/** Bounds the readlinks in flight for one process (a browser can have thousands of fds). */
const FD_BATCH = 256;
/** PF_KTHREAD in /proc/<pid>/stat flags (field 9): kernel threads hold no files. */
const PF_KTHREAD = 0x00200000;

/**
 * "start-end perms offset dev inode   path". The path is taken after the five
 * fixed fields, not from the first '/', which an anonymous mapping's name
 * ("[anon:...]") may contain.
 */
const MAPS_LINE = /^\S+ \S+ \S+ \S+ \d+ +(.*)$/;

type Inspection = 'inspected' | 'denied' | 'vanished';

export async function findHoldersLinux(
  prefixes: string[],
  options: FindHoldersOptions = {},
): Promise<FileHoldersResult> {
  const { signal } = options;
  const matcher = await createHeldPathMatcher(prefixes, options.priorityPaths);
  if (matcher.needles.length === 0) return { holders: [], gaps: [] };

  const holders = new HolderSet();
  const outcomes = await mapWithConcurrency(
    await listPids(),
    PROCESS_CONCURRENCY,
    (pid) => inspectProcess(pid, matcher, holders),
    signal,
  );
  const denied = outcomes.filter((outcome) => outcome === 'denied').length;
  return { holders: holders.list(), gaps: denied > 0 ? [uninspectedGap(denied)] : [] };
}

async function inspectProcess(
  pid: number,
  matcher: HeldPathMatcher,
  holders: HolderSet,
): Promise<Inspection> {
  const [descriptors, mapped] = await Promise.all([
    readDescriptorTargets(pid),
    readMappedPaths(pid, matcher.needles),
  ]);
  if (descriptors === 'vanished' || mapped === 'vanished') return 'vanished';
  // Whatever part could be read is still reported: root may be refused one process's
  // maps (a hardened supervisor) and still see its descriptors.
  for (const paths of [descriptors, mapped]) {
    if (paths === 'denied') continue;
    for (const path of paths) {
      const match = matcher.match(path);
      if (match) holders.add(pid, match);
    }
  }
  if (descriptors === 'denied' || mapped === 'denied') {
    // Unprivileged, kernel threads look denied too (their /proc entries are root's);
    // they hold no files, so they are not a gap worth telling anyone about.
    return (await isKernelThread(pid)) ? 'inspected' : 'denied';
  }
  return 'inspected';
}

/** The targets of every open descriptor, readlink only: a stat per fd would triple the cost. */
async function readDescriptorTargets(pid: number): Promise<string[] | 'denied' | 'vanished'> {
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch (error) {
    return classify(error);
  }
  // The kernel may list a process's descriptors yet refuse to resolve them (a
  // hardened or non-dumpable process): learn that from the first one instead of
  // collecting thousands of identical errors.
  const first = fds.length > 0 ? await readTarget(pid, fds[0]!) : null;
  if (first === 'denied') return 'denied';
  const targets: string[] = first ? [first] : [];
  for (let start = 1; start < fds.length; start += FD_BATCH) {
    const links = await Promise.all(
      fds.slice(start, start + FD_BATCH).map((fd) => readTarget(pid, fd)),
    );
    for (const link of links) {
      if (link === 'denied') return 'denied';
      if (link) targets.push(link);
    }
  }
  return targets;
}

/** A file path, null for what is not a file (socket:[...], pipe:[...]) or a descriptor already closed. */
async function readTarget(pid: number, fd: string): Promise<string | 'denied' | null> {
  try {
    const target = await readlink(`/proc/${pid}/fd/${fd}`);
    return target.startsWith('/') ? target : null;
  } catch (error) {
    return isDenied(error) ? 'denied' : null;
  }
}

/**
 * The files the process has mapped, only when its maps mention a prefix at
 * all: most processes (and most lines of an Electron's huge maps) do not.
 */
async function readMappedPaths(
  pid: number,
  needles: readonly string[],
): Promise<string[] | 'denied' | 'vanished'> {
  let maps: string;
  try {
    maps = await readProcText(`/proc/${pid}/maps`);
  } catch (error) {
    return classify(error);
  }
  if (!needles.some((needle) => maps.includes(needle))) return [];
  const paths = new Set<string>();
  for (const line of maps.split('\n')) {
    if (!needles.some((needle) => line.includes(needle))) continue;
    // The kernel writes a newline inside a mapped file's name as \012.
    const path = MAPS_LINE.exec(line)?.[1];
    if (path?.startsWith('/')) paths.add(path.replaceAll('\\012', '\n'));
  }
  return [...paths];
}

function classify(error: unknown): 'denied' | 'vanished' {
  if (isVanished(error)) return 'vanished';
  if (isDenied(error)) return 'denied';
  throw error;
}

async function isKernelThread(pid: number): Promise<boolean> {
  try {
    const stat = await readProcText(`/proc/${pid}/stat`);
    const flags = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[9 - 3]);
    return (flags & PF_KTHREAD) !== 0;
  } catch {
    return false;
  }
}

function uninspectedGap(count: number): Gap {
  const processes = count === 1 ? '1 process' : `${count} processes`;
  if (process.geteuid?.() === 0) {
    return {
      area: 'processes',
      message:
        `The kernel refused to show the open files of ${processes}, even to root ` +
        '(a hardened or traced process). One of them may be holding the files.',
      howToReveal: null,
    };
  }
  const whose =
    count === 1
      ? 'it belongs to another user (or protects itself)'
      : 'they belong to other users (or protect themselves)';
  return {
    area: 'processes',
    message:
      `${processes} could not be inspected: ${whose}, and only root may see ` +
      "which files other users' processes have open. One of them may be holding the files.",
    howToReveal: 'Run the scan as root (with sudo) to see which files those processes hold.',
  };
}
