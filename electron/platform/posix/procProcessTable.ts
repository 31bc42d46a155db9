import { readFileSync, readlinkSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type { ProcessInfo, ProcessSummary } from '../systemProbe';
import { loadAccountNames } from './accountNames';
import type { AccountNames } from './accountNames';
import { DELETED_MARK } from './heldPathMatcher';
import { mapWithConcurrency } from './mapWithConcurrency';
import { isDenied, isVanished } from './procErrors';
import { readProcText } from './readProcText';

/**
 * The Linux process table, read straight from /proc: no `ps` spawn, so it
 * costs a few milliseconds and works where procps is not installed.
 */

/**
 * Every process by pid. startTime has 10 ms resolution; executable is null
 * for kernel threads and, unprivileged, for other users' processes; uid is
 * the effective one, as `ps -o user` shows; user is the uid as text when no
 * account name is known (LDAP, containers).
 */

/**
 * USER_HZ, the unit of /proc/<pid>/stat times. The kernel fixes it at 100 for
 * user space on every mainstream architecture (x86, arm, arm64, riscv, ppc,
 * s390) whatever CONFIG_HZ is, which is why `getconf CLK_TCK` prints 100;
 * asking getconf would cost a spawn for a constant.
 */
export const CLOCK_TICKS_PER_SECOND = 100;
const READ_CONCURRENCY = 32;

interface TableContext {
  bootTimeSeconds: number;
  accounts: AccountNames;
}

/** Every pid /proc lists right now (thread-group leaders only: threads live under task/). */
export async function listPids(): Promise<number[]> {
  const entries = await readdir('/proc');
  const pids: number[] = [];
  for (const entry of entries) {
    if (/^\d+$/.test(entry)) pids.push(Number(entry));
  }
  return pids;
}

/**
 * Every process, cheaply: two reads each (stat, the exe link), enough to draw
 * parent chains and to spot interpreters. Command lines and users cost two
 * more reads each and are read only for the processes a diagnosis shows.
 */
export async function readProcessSummaries(
  options: { signal?: AbortSignal } = {},
): Promise<Map<number, ProcessSummary>> {
  const [context, pids] = await Promise.all([readTableContext(), listPids()]);
  const table = new Map<number, ProcessSummary>();
  for (const pid of pids) {
    options.signal?.throwIfAborted();
    const entry = readSummary(pid, context);
    if (entry) table.set(pid, entry);
  }
  return table;
}

/** Command line and user of the given processes; those that exited meanwhile are left out. */
export async function readProcessDetails(
  summaries: ReadonlyMap<number, ProcessSummary>,
  pids: readonly number[],
  options: { signal?: AbortSignal } = {},
): Promise<Map<number, ProcessInfo>> {
  const accounts = await loadAccountNames();
  const wanted = pids.map((pid) => summaries.get(pid)).filter((s): s is ProcessSummary => !!s);
  const details = await mapWithConcurrency(
    wanted,
    READ_CONCURRENCY,
    (summary) => readDetails(summary, accounts),
    options.signal,
  );
  const table = new Map<number, ProcessInfo>();
  for (const entry of details) if (entry) table.set(entry.pid, entry);
  return table;
}

/** Reads the facts shared by every process once per scan, not once per process. */
export async function readTableContext(): Promise<TableContext> {
  const [stat, accounts] = await Promise.all([readProcText('/proc/stat'), loadAccountNames()]);
  const btime = /^btime (\d+)$/m.exec(stat);
  if (!btime) throw new Error('/proc/stat has no btime line; cannot date processes');
  return { bootTimeSeconds: Number(btime[1]), accounts };
}

/** One process's summary, or null when it exited before we finished reading it. */
/**
 * Synchronous on purpose: stat and the exe link are served without taking the
 * process's memory-map lock, so a process stuck in the kernel cannot make
 * them hang, and a synchronous read costs a tenth of a thread-pool round trip.
 * (cmdline and maps do take that lock, so they stay asynchronous.)
 */
function readSummary(pid: number, context: TableContext): ProcessSummary | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const executable = readExecutable(pid);
    const fields = parseStat(stat);
    if (!fields) return null;
    return {
      pid,
      ppid: fields.ppid,
      startTime: new Date(
        context.bootTimeSeconds * 1000 + (fields.startTicks * 1000) / CLOCK_TICKS_PER_SECOND,
      ).toISOString(),
      name: fields.name,
      executable,
    };
  } catch (error) {
    if (isVanished(error)) return null;
    throw error;
  }
}

async function readDetails(
  summary: ProcessSummary,
  accounts: AccountNames,
): Promise<ProcessInfo | null> {
  try {
    const [status, cmdline] = await Promise.all([
      readProcText(`/proc/${summary.pid}/status`),
      readProcText(`/proc/${summary.pid}/cmdline`),
    ]);
    const uid = parseEffectiveUid(status);
    return {
      ...summary,
      sid: null,
      // Kernel threads have no command line; show their name the way ps does.
      commandLine: formatCommandLine(cmdline) || `[${summary.name}]`,
      uid,
      user: uid === null ? null : (accounts.user(uid) ?? String(uid)),
    };
  } catch (error) {
    if (isVanished(error)) return null;
    throw error;
  }
}

function readExecutable(pid: number): string | null {
  try {
    const target = readlinkSync(`/proc/${pid}/exe`);
    // An interpreter replaced by an upgrade still runs; its install is the path without the marker.
    return target.endsWith(DELETED_MARK) ? target.slice(0, -DELETED_MARK.length) : target;
  } catch (error) {
    // Denied: another user's process. ENOENT: a kernel thread, or the process just exited
    // (the stat read beside this one decides which).
    if (isDenied(error) || isVanished(error)) return null;
    throw error;
  }
}

/**
 * /proc/<pid>/stat is "pid (comm) state ppid ...". comm may itself contain
 * spaces and parentheses, so the fields after it are found from the last ')'.
 */
export function parseStat(stat: string): { name: string; ppid: number; startTicks: number } | null {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // rest[0] is field 3 (state), so field N is rest[N - 3].
  const rest = stat.slice(close + 2).split(' ');
  const ppid = Number(rest[4 - 3]);
  const startTicks = Number(rest[22 - 3]);
  if (!Number.isInteger(ppid) || !Number.isFinite(startTicks)) return null;
  return { name: stat.slice(open + 1, close), ppid, startTicks };
}

function parseEffectiveUid(status: string): number | null {
  // "Uid:\treal\teffective\tsaved\tfilesystem"
  const match = /^Uid:\s+\d+\s+(\d+)/m.exec(status);
  return match ? Number(match[1]) : null;
}

/**
 * /proc/<pid>/cmdline holds the arguments separated (and ended) by NULs.
 * Joined with spaces, arguments that contain spaces are quoted so the line
 * reads back unambiguously. A program that rewrote its title (setproctitle:
 * "postgres: writer", Chromium's "--type=renderer ...") leaves one argument
 * with spaces in it; that is shown as written, not as one quoted word.
 */
export function formatCommandLine(cmdline: string): string {
  const args = cmdline.split('\0');
  if (args.at(-1) === '') args.pop();
  if (args.length <= 1) return args[0] ?? '';
  return args.map(quoteArgument).join(' ');
}

function quoteArgument(argument: string): string {
  if (argument !== '' && !/[\s"]/.test(argument)) return argument;
  return `"${argument.replace(/(["\\$`])/g, '\\$1')}"`;
}
