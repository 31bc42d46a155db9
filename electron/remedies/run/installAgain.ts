import { runProcess } from '../../platform/runProcess';
import { outputTail } from '../../platform/runElevated';
import type { RerunOutcome } from '../../shared/rerunModel';
import { PIP_TIMEOUT_MS } from '../planning/planContext';
import type { InstallRerun } from '../run-again/rerunCommand';

export interface InstallAgainContext {
  rerunId: string;
  /** The user's environment; the command's own variables (no prompts, UTF-8) go on top. */
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** pip's output as it arrives, for the live view. */
  onOutput(text: string): void;
}

/**
 * Runs the install main built (rerunCommand.ts) as the user, through the
 * one runner, with its output passed on as it comes; the result is what
 * pip's exit code says, with the end of its output for a new diagnosis.
 */
export async function installAgain(
  rerun: InstallRerun,
  ctx: InstallAgainContext,
): Promise<RerunOutcome> {
  const { command } = rerun;
  const result = await runProcess(command.program, command.args, {
    timeoutMs: PIP_TIMEOUT_MS,
    signal: ctx.signal,
    env: { ...ctx.env, ...command.env },
    maxOutputBytes: 4 * 1024 * 1024,
    onOutput: ctx.onOutput,
  });
  const base = {
    rerunId: ctx.rerunId,
    exitCode: result.exitCode,
    output: outputTail(result),
    commandLine: rerun.commandLine,
  };
  if (result.cancelled) {
    return {
      ...base,
      status: 'cancelled',
      summary: 'You stopped the install. What pip had done by then stays.',
    };
  }
  if (result.exitCode === 0) {
    return {
      ...base,
      status: 'succeeded',
      summary: `pip installed ${rerun.packageName} ${rerun.where}.`,
    };
  }
  const why = result.spawnError
    ? `Python could not be started (${result.spawnError.message}).`
    : result.timedOut
      ? 'pip took too long and was stopped.'
      : 'pip stopped with an error.';
  return {
    ...base,
    status: 'failed',
    summary: `${why} Check the new error to see what stands in the way now.`,
  };
}
