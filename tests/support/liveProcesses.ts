import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { readProcessSummaries } from '../../electron/platform/posix/procProcessTable';

/**
 * Real processes for the tests that close them: started here, dated the way
 * the scan dates them (/proc, procProcessTable), and a pid handed to a new
 * process after its first owner ended, to prove a recorded target is never
 * mistaken for whoever got its pid later.
 */

export interface Live {
  child: ChildProcess;
  pid: number;
  /** The start time the scan records for it. */
  startTime: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startSleeper(seconds = 300): Promise<Live> {
  const child = spawn('sleep', [String(seconds)], { stdio: 'ignore' });
  return dated(child);
}

export async function dated(child: ChildProcess): Promise<Live> {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const pid = child.pid!;
  const entry = (await readProcessSummaries()).get(pid);
  if (!entry) throw new Error(`process ${pid} is not in /proc`);
  return { child, pid, startTime: entry.startTime, exited };
}

/** Whether the process still runs (signal 0 asks the kernel without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends `first`, then starts sleepers until one gets its pid: root may tell
 * the kernel which pid to hand out next (/proc/sys/kernel/ns_last_pid), but
 * any process on the machine may take it first, so this tries a few times.
 * Waits past the start-time tolerance first, as a real reuse after a wrap
 * of the pid counter would be. Null when the pid could not be reused here
 * (not root, or another process always won).
 */
export async function reusePid(first: Live, toleranceMs: number): Promise<Live | null> {
  first.child.kill('SIGKILL');
  await first.exited;
  await sleep(toleranceMs + 200);
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      writeFileSync('/proc/sys/kernel/ns_last_pid', String(first.pid - 1));
    } catch {
      return null;
    }
    const child = spawn('sleep', ['300'], { stdio: 'ignore' });
    if (child.pid === first.pid) return dated(child);
    child.kill('SIGKILL');
  }
  return null;
}
