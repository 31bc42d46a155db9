import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { sep } from 'node:path';

/**
 * The processes a test run started, found in /proc after the run: those
 * carrying the run's marker in their environment (every child inherits it
 * unless a test gives it an environment of its own), and those whose
 * working folder, program or arguments lie under one of the run's temporary
 * folders (a venv's python, a job file, a scan with a cleared environment).
 * Root reads every process's /proc entries, those of uid 65534 included;
 * another user sees its own environments only and still matches by folder.
 */

/** The environment variable whose value names one test run; its children inherit it. */
export const RUN_MARKER = 'PIP_DOCTOR_TEST_RUN';
/** The file the run's temporary folders are listed in, one a line (tests/support/runFolders.ts). */
export const RUN_FOLDERS = 'PIP_DOCTOR_TEST_RUN_FOLDERS';

export interface SuiteProcess {
  pid: number;
  ppid: number;
  /** What tied it to the run: the marker, or the folder it ran under. */
  reason: string;
  /** Its command line as /proc shows it, arguments separated by spaces. */
  commandLine: string;
}

interface ProcEntry {
  pid: number;
  ppid: number;
  /** Its process group: what a kill of the group reaches. */
  pgid: number;
  zombie: boolean;
  argv: string[];
  environ: string[] | null;
  cwd: string | null;
  exe: string | null;
}

function readOrNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    // Gone meanwhile, or not ours to read (another user's environ when not root).
    return null;
  }
}

function nulSeparated(text: string): string[] {
  return text.split('\0').filter((part) => part !== '');
}

function readEntry(pid: number): ProcEntry | null {
  const stat = readOrNull(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (stat === null) return null;
  // The name in parentheses may hold spaces and parentheses: the fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    // A zombie has ended; only its parent's wait() (or init's) removes it, no signal can.
    zombie: fields[0] === 'Z' || fields[0] === 'X',
    argv: nulSeparated(readOrNull(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8')) ?? ''),
    environ: readOrNull(() => nulSeparated(readFileSync(`/proc/${pid}/environ`, 'utf8'))),
    cwd: readOrNull(() => readlinkSync(`/proc/${pid}/cwd`)),
    exe: readOrNull(() => readlinkSync(`/proc/${pid}/exe`)),
  };
}

function readAll(): ProcEntry[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readEntry(Number(name)))
    .filter((entry): entry is ProcEntry => entry !== null);
}

/** This process and the ones above it: the runner and whatever started it carry the marker too. */
function selfAndAncestors(entries: readonly ProcEntry[]): Set<number> {
  const parents = new Map(entries.map((entry) => [entry.pid, entry.ppid]));
  const chain = new Set<number>();
  for (let pid: number | undefined = process.pid; pid && !chain.has(pid); pid = parents.get(pid))
    chain.add(pid);
  return chain;
}

function isUnder(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function whyOfRun(entry: ProcEntry, runId: string, folders: readonly string[]): string | null {
  if (entry.environ?.includes(`${RUN_MARKER}=${runId}`)) return `${RUN_MARKER}=${runId}`;
  const places = [
    ['working folder', entry.cwd],
    ['program', entry.exe],
    ...entry.argv.map((arg) => ['argument', arg] as const),
  ] as const;
  for (const [what, path] of places) {
    const folder = path === null ? undefined : folders.find((dir) => isUnder(path, dir));
    if (folder !== undefined) return `${what} under ${folder}`;
  }
  return null;
}

/** The run's processes still running now, the runner and its ancestors aside. */
export function suiteProcesses(runId: string, folders: readonly string[]): SuiteProcess[] {
  const entries = readAll();
  const runner = selfAndAncestors(entries);
  return entries.flatMap((entry) => {
    if (entry.zombie || runner.has(entry.pid)) return [];
    const reason = whyOfRun(entry, runId, folders);
    if (reason === null) return [];
    return [{ pid: entry.pid, ppid: entry.ppid, reason, commandLine: entry.argv.join(' ') }];
  });
}

/** Whether a pid names a process that still runs (a zombie has ended: it only waits to be reaped). */
export function stillRuns(pid: number): boolean {
  const entry = readEntry(pid);
  return entry !== null && !entry.zombie;
}

/** The processes of a group that still run (a child started with `detached: true` leads its own). */
export function groupMembers(pgid: number): number[] {
  return readAll()
    .filter((entry) => entry.pgid === pgid && !entry.zombie)
    .map((entry) => entry.pid);
}
