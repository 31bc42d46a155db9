import { runProcess } from './runProcess';
import type { Command } from '../shared/actionModel';
import type { ProcessTarget } from '../remedies/planning/recipe';
import { taskkillAnswerFor, taskkillCommand } from './windows/taskkill';

/** What the OS answered when asked to end one process. */
export interface SignalAnswer {
  target: ProcessTarget;
  answer: 'sent' | 'gone' | 'denied' | 'refused';
  /** The OS's own words, for the details. */
  text: string;
}

/** POSIX: SIGTERM asks, SIGKILL ends. The kernel's errno is the answer: ESRCH gone, EPERM denied. */
export function signalPosix(targets: readonly ProcessTarget[], force: boolean): SignalAnswer[] {
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
export async function signalWindows(
  targets: readonly ProcessTarget[],
  force: boolean,
  systemRoot: string,
  signal: AbortSignal,
): Promise<SignalAnswer[]> {
  const command: Command = taskkillCommand(
    systemRoot,
    targets.map((target) => target.pid),
    force,
  );
  const result = await runProcess(command.program, command.args, { timeoutMs: 60_000, signal });
  return targets.map((target) => {
    const { answer, text } = taskkillAnswerFor(target.pid, result.stdout, result.stderr);
    const mapped: SignalAnswer['answer'] =
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
