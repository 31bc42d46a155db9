import { mkdir, rm } from 'node:fs/promises';
import { runProcess } from './runProcess';
import type { RunResult } from './runProcess';
import type { ElevatedRun } from './elevation';
import { interpretPkexec } from './posix/pkexec';
import { interpretElevatedRun, readElevatedAnswer } from './windows/elevatedWindows';
import { msg } from '../shared/i18n/message';
import type { Message } from '../shared/i18n/message';
import { runWords } from './runWords';

/** How running one planned command went, in the terms a step decides on. */
export type CommandResult =
  | { kind: 'ran'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'declined'; detail: Message }
  | { kind: 'cancelled' }
  | { kind: 'failed'; detail: Message; stdout: string; stderr: string };

/** What the journal keeps of a command's output: its end, where the error is. */
export const OUTPUT_TAIL_CHARS = 4000;

export function outputTail(result: { stdout: string; stderr: string }): string {
  const text = [result.stdout.trim(), result.stderr.trim()]
    .filter((part) => part !== '')
    .join('\n');
  return text.length > OUTPUT_TAIL_CHARS ? `…${text.slice(-OUTPUT_TAIL_CHARS)}` : text;
}

/** The last line that says something, for the one-line detail. */
export function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.at(-1) ?? '';
}

/** Runs exactly the planned command, through the one runner, and reads an elevated run's answer back. */
export async function runPlanned(
  run: ElevatedRun,
  ctx: { signal: AbortSignal; env: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  if (run.elevation === 'uac' && run.outputDir) {
    // The script file of an earlier attempt goes; the answers live in the elevated side's own folder.
    await rm(run.outputDir, { recursive: true, force: true });
    await mkdir(run.outputDir, { recursive: true });
  }
  const result = await runProcess(run.command.program, run.command.args, {
    timeoutMs: run.timeoutMs,
    signal: ctx.signal,
    env: { ...ctx.env, ...run.command.env },
    maxOutputBytes: 4 * 1024 * 1024,
    ...(run.stdin === undefined ? {} : { stdin: run.stdin }),
  });
  const early = unfinished(result, run.timeoutMs);
  if (early) return early;
  if (run.elevation === 'uac' && run.outputDir) return readElevated(result);
  if (run.elevation === 'pkexec') {
    const answer = interpretPkexec(result.exitCode, result.stderr);
    if (answer === 'declined') {
      return {
        kind: 'declined',
        detail: msg(runWords.pkexecDeclined),
      };
    }
    if (answer === 'unavailable') {
      return {
        kind: 'failed',
        detail: msg(runWords.pkexecUnavailable, { reason: lastLine(result.stderr) }),
        stdout: result.stdout,
        stderr: result.stderr,
      };
    }
  }
  return {
    kind: 'ran',
    exitCode: result.exitCode ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

function unfinished(result: RunResult, timeoutMs: number): CommandResult | null {
  if (result.cancelled) return { kind: 'cancelled' };
  if (result.spawnError) {
    return {
      kind: 'failed',
      detail: msg(runWords.notStarted, {
        code: result.spawnError.code,
        reason: result.spawnError.message,
      }),
      stdout: '',
      stderr: '',
    };
  }
  if (result.timedOut) {
    return {
      kind: 'failed',
      detail: msg(runWords.timedOut, { minutes: Math.round(timeoutMs / 60_000) }),
      stdout: result.stdout,
      stderr: result.stderr,
    };
  }
  return null;
}

function readElevated(outer: RunResult): CommandResult {
  const answer = interpretElevatedRun(readElevatedAnswer(outer));
  switch (answer.kind) {
    case 'declined':
      return {
        kind: 'declined',
        detail: msg(runWords.uacDeclined),
      };
    case 'failed':
      return { kind: 'failed', detail: answer.message, stdout: outer.stdout, stderr: outer.stderr };
    case 'ran':
      return answer;
  }
}

/** The usual reading of a command: exit code 0 is success, anything else fails with its last words. */
export function describeFailure(result: CommandResult, what: Message): Message {
  switch (result.kind) {
    case 'ran': {
      const output = lastLine(result.stderr) || lastLine(result.stdout);
      // The exit code is text: no language may group its digits or sign it differently.
      const code = String(result.exitCode);
      return output === ''
        ? msg(runWords.failedSilently, { what, code })
        : msg(runWords.failedWithCode, { what, code, output });
    }
    case 'failed':
      return msg(runWords.failed, { what, reason: result.detail });
    case 'declined':
      return result.detail;
    case 'cancelled':
      return msg(runWords.cancelled, { what });
  }
}
