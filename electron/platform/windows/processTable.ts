import type { ProcessInfo, ProcessSummary } from '../systemProbe';
import type { ProbeDocument, ProcessItem } from './probeDocument';

/**
 * Win32_Process rows (one CIM query in the scan's PowerShell run) as the
 * engine's process table. A parent link is kept only when the parent started
 * before the child: Windows reuses a dead parent's pid, and a newer process
 * with that pid is not the parent (windows-probes.md §4.4).
 */
export function processSummaries(document: ProbeDocument): Map<number, ProcessSummary> {
  const items = document.processes.status === 'ok' ? document.processes.items : [];
  const byPid = new Map(items.map((item) => [item.pid, item]));
  const table = new Map<number, ProcessSummary>();
  for (const item of items) {
    table.set(item.pid, {
      pid: item.pid,
      ppid: trustedParent(item, byPid),
      // Empty when Windows gave no creation time (the Idle and System processes).
      startTime: item.created ?? '',
      name: item.name,
      executable: item.executable,
    });
  }
  return table;
}

function trustedParent(item: ProcessItem, byPid: ReadonlyMap<number, ProcessItem>): number {
  // Pid 0 is the Idle process: Windows lists it as the parent of System and of orphans.
  if (item.ppid === item.pid || item.ppid === 0) return 0;
  const parent = byPid.get(item.ppid);
  if (parent?.created && item.created && parent.created > item.created) return 0;
  return item.ppid;
}

/**
 * Command line and owner of the processes a diagnosis shows. Windows does
 * not give the command line of another user's or an elevated process to an
 * unelevated caller (PowerShell/PowerShell#14456): it is then empty, and the
 * process is still listed. Windows owners are accounts (SIDs), not uids.
 */
export function processDetails(
  document: ProbeDocument,
  summaries: ReadonlyMap<number, ProcessSummary>,
  pids: readonly number[],
): Map<number, ProcessInfo> {
  const items = new Map(
    (document.processes.status === 'ok' ? document.processes.items : []).map((item) => [
      item.pid,
      item,
    ]),
  );
  const details = new Map<number, ProcessInfo>();
  for (const pid of pids) {
    const summary = summaries.get(pid);
    const item = items.get(pid);
    if (!summary || !item) continue;
    details.set(pid, {
      ...summary,
      commandLine: item.commandLine ?? '',
      uid: null,
      sid: item.ownerSid,
      user: item.owner,
    });
  }
  return details;
}
