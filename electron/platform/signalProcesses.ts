import { runProcess } from './runProcess';
import type { Command } from '../shared/actionModel';
import { taskkillAnswerFor, taskkillCommand } from './windows/taskkill';

/** What the OS answered when asked to end one process. */
export interface SignalAnswer<T extends { pid: number }> {
  target: T;
  answer: 'sent' | 'gone' | 'denied' | 'refused';
  /** The OS's own words, for the details. */
  text: string;
}

/**
 * Asks the processes to end (force: ends them): by signals on POSIX, by
 * taskkill on Windows, where `systemRoot` says which taskkill.exe.
 */
export function signalProcesses<T extends { pid: number }>(
  targets: readonly T[],
  force: boolean,
  systemRoot: string | null,
  signal: AbortSignal,
): Promise<SignalAnswer<T>[]> {
  return systemRoot === null
    ? Promise.resolve(signalPosix(targets, force))
    : signalWindows(targets, force, systemRoot, signal);
}

/** POSIX: SIGTERM asks, SIGKILL ends. The kernel's errno is the answer: ESRCH gone, EPERM denied. */
export function signalPosix<T extends { pid: number }>(
  targets: readonly T[],
  force: boolean,
): SignalAnswer<T>[] {
  const signal = force ? 'SIGKILL' : 'SIGTERM';
  return targets.map((target) => {
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
  });
}

/** Windows: one taskkill for all of them, each pid's lines read back (the re-check afterwards decides). */
export async function signalWindows<T extends { pid: number }>(
  targets: readonly T[],
  force: boolean,
  systemRoot: string,
  signal: AbortSignal,
): Promise<SignalAnswer<T>[]> {
  const command: Command = taskkillCommand(
    systemRoot,
    targets.map((target) => target.pid),
    force,
  );
  const result = await runProcess(command.program, command.args, { timeoutMs: 60_000, signal });
  return targets.map((target) => {
    const { answer, text } = taskkillAnswerFor(target.pid, result.stdout, result.stderr);
    const mapped: SignalAnswer<T>['answer'] =
      answer === 'signalled'
        ? 'sent'
        : answer === 'not-found'
          ? 'gone'
          : answer === 'denied'
            ? 'denied'
            : 'refused';
    return {
      target,
      answer: mapped,
      text: text || `taskkill exit code ${result.exitCode ?? 'none'}`,
    };
  });
}
