import type { PythonInstall, RunningProcess } from '../../shared/model/diagnosis';
import type { InterpreterFacts } from '../../platform/systemProbe';
import type { HolderScan, ProcessInfo, ProcessSummary } from '../../platform/systemProbe';
import { describeStarter, parentChain } from '../processes/startedBy';
import { isInside } from '../../shared/paths';

interface InstallRef {
  install: PythonInstall;
  facts: InterpreterFacts;
}

/**
 * The processes worth showing: every running interpreter of a scanned
 * install, and every process that holds files of one. Returned with their
 * parents, whose command lines help name the app that started them.
 */
export function pidsToDescribe(
  summaries: ReadonlyMap<number, ProcessSummary>,
  holders: HolderScan['holders'],
  installs: InstallRef[],
  selfPid: number,
): { shown: number[]; withParents: number[] } {
  const binaries = new Set(
    installs.map((ref) => ref.facts.realExecutable).filter((p): p is string => !!p),
  );
  const shown = new Set<number>(holders.map((holder) => holder.pid));
  for (const summary of summaries.values()) {
    if (summary.executable && binaries.has(summary.executable)) shown.add(summary.pid);
  }
  shown.delete(selfPid);
  const withParents = new Set(shown);
  for (const pid of shown)
    for (const parent of parentChain(pid, summaries)) withParents.add(parent.pid);
  return { shown: [...shown].sort((a, b) => a - b), withParents: [...withParents] };
}

/** Each shown process tied to its install and to the app that started it. */
export function describeProcesses(
  shown: readonly number[],
  summaries: ReadonlyMap<number, ProcessSummary>,
  details: ReadonlyMap<number, ProcessInfo>,
  holders: HolderScan['holders'],
  installs: InstallRef[],
  self: { uid: number | null; sid: string | null },
): RunningProcess[] {
  const holdsByPid = new Map(holders.map((holder) => [holder.pid, holder.holds]));
  const realExecutables = new Map<string, InstallRef[]>();
  for (const ref of installs) {
    const real = ref.facts.realExecutable;
    if (real) realExecutables.set(real, [...(realExecutables.get(real) ?? []), ref]);
  }
  const described: RunningProcess[] = [];
  for (const pid of shown) {
    const process = details.get(pid);
    if (!process) continue; // exited between the two reads
    const holds = holdsByPid.get(pid) ?? [];
    const parents = parentChain(pid, summaries).map((parent) => details.get(parent.pid) ?? parent);
    described.push({
      pid,
      startTime: process.startTime,
      executable: process.executable,
      commandLine: process.commandLine,
      user: process.user,
      sameUser: isSameUser(self, process),
      installId: installOf(process, holds, installs, realExecutables)?.install.id ?? null,
      parents: parents.map((parent) => ({
        pid: parent.pid,
        name: parent.name,
        executable: parent.executable,
      })),
      startedBy: describeStarter(process, parents),
      holds,
    });
  }
  return described;
}

/** Which install a process runs: by the files it holds, then by argv[0], then by its binary. */
function installOf(
  process: ProcessInfo,
  holds: string[],
  installs: InstallRef[],
  realExecutables: Map<string, InstallRef[]>,
): InstallRef | null {
  // A venv shares its base's binary; the site-packages it has open tell them apart.
  const bySite = installs.find(({ install }) =>
    holds.some(
      (path) =>
        install.prefix !== null && isInside(path, install.prefix) && install.kind === 'venv',
    ),
  );
  if (bySite) return bySite;
  const argv0 = process.commandLine.split(' ')[0] ?? '';
  const byName = installs.find(
    ({ install }) => install.executable === argv0 || install.names.includes(argv0),
  );
  if (byName) return byName;
  const byBinary = process.executable ? realExecutables.get(process.executable) : undefined;
  if (byBinary) return byBinary.find(({ install }) => install.kind !== 'venv') ?? byBinary[0]!;
  const byPrefix = installs.find(({ install }) =>
    holds.some((path) => install.prefix !== null && isInside(path, install.prefix)),
  );
  return byPrefix ?? null;
}

/**
 * Whether the process runs as the scanning user: by SID on Windows, by uid on
 * POSIX. When the owner cannot be read, it is taken for the user's own: the
 * close step checks again, and the OS refuses what is not.
 */
function isSameUser(
  self: { uid: number | null; sid: string | null },
  process: { uid: number | null; sid: string | null },
): boolean {
  if (self.sid !== null && process.sid !== null) return self.sid === process.sid;
  return self.uid === null || process.uid === null || process.uid === self.uid;
}
