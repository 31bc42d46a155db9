import { runProcess } from './runProcess';
import { isSameProcess, START_TIME_TOLERANCE_MS } from './processGuard';
import { signalThroughPidfd } from './posix/pidfdSignal';
import { systemProgram } from './posix/systemProgram';
import { procStartTimeReader } from './posix/procStartTime';
import type { StartTimeReader } from './posix/procStartTime';
import { closeProcessesCommand, readCloseAnswers } from './windows/closeProcessesScript';

/** A process to end, as the scan found it: the start time tells it from a later one with its pid. */
export interface SignalTarget {
  pid: number;
  startTime: string;
}

/** What the OS answered when asked to end one process. */
export interface SignalAnswer<T extends SignalTarget> {
  target: T;
  /** reused: the pid now belongs to another program, which was left alone. */
  answer: 'sent' | 'gone' | 'denied' | 'refused' | 'reused';
  /** The OS's own words, for the details. */
  text: string;
}

/**
 * Asks the processes to end (force: ends them), each only after checking,
 * as late as the OS allows, that its pid still belongs to the program the
 * scan found: by signals on POSIX, through one process handle each on
 * Windows, where `systemRoot` says which PowerShell.
 */
export function signalProcesses<T extends SignalTarget>(
  targets: readonly T[],
  force: boolean,
  systemRoot: string | null,
  signal: AbortSignal,
): Promise<SignalAnswer<T>[]> {
  return systemRoot === null
    ? Promise.resolve(signalPosix(targets, force))
    : signalWindows(targets, force, systemRoot, signal);
}

/**
 * POSIX: SIGTERM asks, SIGKILL ends. Each target is first checked by the
 * start time in /proc. On Linux the signal then goes through a pidfd
 * (pidfdSignal.ts), which checks the start time again after it has pinned
 * the process, so the program checked is the program signalled even if
 * the pid changed hands in between. Where that cannot run (no python3 in
 * the system's folders, an old kernel), kill() follows the check in the
 * same turn of the event loop, leaving the few microseconds between them.
 * Without /proc (macOS) the check is the one the step made just before
 * (the process table, ps). The kernel's errno is the answer: ESRCH gone,
 * EPERM denied.
 */
export function signalPosix<T extends SignalTarget>(
  targets: readonly T[],
  force: boolean,
  readStartTime: StartTimeReader | null = procStartTimeReader(),
  pidfdPython: string | null = readStartTime === null ? null : systemPython(),
): SignalAnswer<T>[] {
  const checked = targets.map((target) => ({
    target,
    refusal: readStartTime === null ? null : startTimeRefusal(target, readStartTime),
  }));
  const passing = checked.filter((item) => item.refusal === null).map((item) => item.target);
  const throughPidfd =
    pidfdPython === null || passing.length === 0
      ? null
      : signalThroughPidfd(
          pidfdPython,
          passing.map((target) => ({ pid: target.pid, startMs: Date.parse(target.startTime) })),
          force,
          START_TIME_TOLERANCE_MS,
        );
  return checked.map(({ target, refusal }): SignalAnswer<T> => {
    if (refusal !== null) return refusal;
    if (throughPidfd === null) return killNow(target, force);
    const answer = throughPidfd.get(target.pid);
    return answer
      ? { target, answer: answer.answer, text: answer.text }
      : { target, answer: 'refused', text: 'no answer from the pidfd helper' };
  });
}

function startTimeRefusal<T extends SignalTarget>(
  target: T,
  readStartTime: StartTimeReader,
): SignalAnswer<T> | null {
  const now = readStartTime(target.pid);
  if (now === 'gone') return { target, answer: 'gone', text: 'no such process' };
  if (now === null) return { target, answer: 'refused', text: 'its start time could not be read' };
  if (isSameProcess(target.startTime, now)) return null;
  return {
    target,
    answer: 'reused',
    text: `the process id now belongs to a program started at ${now}`,
  };
}

function killNow<T extends SignalTarget>(target: T, force: boolean): SignalAnswer<T> {
  const signal = force ? 'SIGKILL' : 'SIGTERM';
  try {
    process.kill(target.pid, signal);
    return { target, answer: 'sent', text: `${signal} sent` };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'UNKNOWN';
    if (code === 'ESRCH') return { target, answer: 'gone', text: 'no such process (ESRCH)' };
    if (code === 'EPERM')
      return { target, answer: 'denied', text: 'operation not permitted (EPERM)' };
    return { target, answer: 'refused', text: code };
  }
}

/** The system's own python3, checked (systemProgram.ts); null where there is none to trust. */
function systemPython(): string | null {
  const python = systemProgram('python3');
  return python.kind === 'found' ? python.path : null;
}

/** Windows: one PowerShell run checks and closes each through its own handle (closeProcessesScript.ts). */
export async function signalWindows<T extends SignalTarget>(
  targets: readonly T[],
  force: boolean,
  systemRoot: string,
  signal: AbortSignal,
): Promise<SignalAnswer<T>[]> {
  const command = closeProcessesCommand(systemRoot, targets, force);
  const result = await runProcess(command.program, command.args, {
    timeoutMs: 60_000,
    signal,
  });
  return answersFor(targets, result);
}

/** Each target's line of the script's output; a target without one (the script died) was not touched knowingly. */
export function answersFor<T extends SignalTarget>(
  targets: readonly T[],
  result: { stdout: string; stderr: string; exitCode: number | null },
): SignalAnswer<T>[] {
  const answers = readCloseAnswers(result.stdout);
  return targets.map((target): SignalAnswer<T> => {
    const answer = answers.get(target.pid);
    if (answer) return { target, answer: answer.answer, text: answer.text };
    const why = result.stderr.trim() || `PowerShell exit code ${result.exitCode ?? 'none'}`;
    return { target, answer: 'refused', text: `no answer for this process (${why})` };
  });
}
