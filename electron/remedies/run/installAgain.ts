import { runProcess } from '../../platform/runProcess';
import { outputTail } from '../../platform/runElevated';
import { defineMessages } from '@formatjs/intl';
import type { RerunOutcome } from '../../shared/rerunModel';
import { msg } from '../../shared/i18n/message';
import { PIP_TIMEOUT_MS } from '../planning/planContext';
import type { InstallRerun } from '../run-again/rerunCommand';

const summaries = defineMessages({
  cancelled: {
    id: 'run.rerun.cancelled',
    defaultMessage: 'You stopped the install. What pip had done by then stays.',
  },
  installed: {
    id: 'run.rerun.installed',
    defaultMessage: 'pip installed {packageName} {where}.',
    description:
      '{packageName}: the package, as on PyPI; {where}: a phrase such as "in the new virtual environment C:\\project\\.venv" (run.rerun.where.*)',
  },
  notStarted: {
    id: 'run.rerun.notStarted',
    defaultMessage:
      'Python could not be started ({reason}). Check the new error to see what stands in the way now.',
    description: "{reason}: the operating system's own reason, untranslated",
  },
  timedOut: {
    id: 'run.rerun.timedOut',
    defaultMessage:
      'pip took too long and was stopped. Check the new error to see what stands in the way now.',
  },
  failed: {
    id: 'run.rerun.failed',
    defaultMessage:
      'pip stopped with an error. Check the new error to see what stands in the way now.',
  },
});

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
      summary: msg(summaries.cancelled),
    };
  }
  if (result.exitCode === 0) {
    return {
      ...base,
      status: 'succeeded',
      summary: msg(summaries.installed, { packageName: rerun.packageName, where: rerun.where }),
    };
  }
  return {
    ...base,
    status: 'failed',
    summary: result.spawnError
      ? msg(summaries.notStarted, { reason: result.spawnError.message })
      : msg(result.timedOut ? summaries.timedOut : summaries.failed),
  };
}
