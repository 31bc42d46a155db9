import { runProcess } from '../runProcess';
import type { ProcessInfo } from '../systemProbe';

/**
 * The process table on macOS, which has no /proc: two `ps` runs, because
 * both the executable (comm, a full path on macOS) and the command line may
 * contain spaces and each can only be the last column. LC_ALL=C fixes the
 * `lstart` format ("Tue Nov 24 06:36:46 2026").
 */
const PS_ENV = { PATH: '/bin:/usr/bin', LC_ALL: 'C' };
const ROW =
  /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})\s?(.*)$/;

export async function readProcessTablePs(signal?: AbortSignal): Promise<Map<number, ProcessInfo>> {
  const [rows, executables] = await Promise.all([
    runProcess('ps', ['-axww', '-o', 'pid=,ppid=,uid=,user=,lstart=,args='], {
      timeoutMs: 10_000,
      env: PS_ENV,
      signal,
      maxOutputBytes: 32 * 1024 * 1024,
    }),
    runProcess('ps', ['-axww', '-o', 'pid=,comm='], {
      timeoutMs: 10_000,
      env: PS_ENV,
      signal,
      maxOutputBytes: 32 * 1024 * 1024,
    }),
  ]);
  if (rows.spawnError || rows.exitCode !== 0) {
    throw new Error(
      `Could not list processes with ps: ${rows.spawnError?.message ?? rows.stderr.trim()}`,
    );
  }
  return parsePsTable(rows.stdout, executables.stdout);
}

export function parsePsTable(rowsText: string, commText: string): Map<number, ProcessInfo> {
  const executableOf = new Map<number, string>();
  for (const line of commText.split('\n')) {
    const match = /^\s*(\d+)\s(.*)$/.exec(line);
    if (match) executableOf.set(Number(match[1]), match[2]!.trim());
  }
  const table = new Map<number, ProcessInfo>();
  for (const line of rowsText.split('\n')) {
    const match = ROW.exec(line);
    if (!match) continue;
    const pid = Number(match[1]);
    const commandLine = match[6]!.trim();
    const comm = executableOf.get(pid) ?? null;
    table.set(pid, {
      pid,
      sid: null,
      ppid: Number(match[2]),
      uid: Number(match[3]),
      user: match[4]!,
      // ps prints local time, and V8 reads this form as local time too.
      startTime: new Date(match[5]!).toISOString(),
      name: comm ? comm.split('/').pop()! : (commandLine.split(' ')[0] ?? ''),
      executable: comm && comm.startsWith('/') ? comm : null,
      commandLine,
    });
  }
  return table;
}
