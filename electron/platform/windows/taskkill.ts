import type { Command } from '../../shared/actionModel';
import { system32Program } from './powershell';

/**
 * taskkill (reference §4.3). Without /F it posts WM_CLOSE, which a program
 * with a window may answer by closing (saving its work first); a console
 * Python has no window and refuses. /F /T terminates it and what it started.
 * One run names every pid (`/PID a /PID b`) and answers with a line per pid.
 */
export function taskkillCommand(
  systemRoot: string,
  pids: readonly number[],
  force: boolean,
): Command {
  return {
    program: system32Program(systemRoot, 'taskkill.exe'),
    args: [...(force ? ['/F', '/T'] : []), ...pids.flatMap((pid) => ['/PID', String(pid)])],
    env: {},
  };
}

export type TaskkillAnswer = 'signalled' | 'not-found' | 'denied' | 'refused' | 'unknown';

/**
 * taskkill's words are localised, but every line names its pid in digits,
 * so each pid gets the lines about it. SUCCESS/ERROR and the English reasons
 * are read where they are English; everywhere the caller re-checks whether
 * the process is still there, which is what decides.
 */
export function taskkillAnswerFor(
  pid: number,
  stdout: string,
  stderr: string,
): { answer: TaskkillAnswer; text: string } {
  const mentions = new RegExp(`(?<!\\d)${pid}(?!\\d)`);
  const lines = `${stdout}\n${stderr}`
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && mentions.test(line));
  // "Reason: …" follows its ERROR line without repeating the pid.
  const all = `${stdout}\n${stderr}`.split(/\r?\n/).map((line) => line.trim());
  const text = lines
    .map((line) => {
      const next = all[all.indexOf(line) + 1] ?? '';
      return /^Reason:/i.test(next) ? `${line} ${next}` : line;
    })
    .join(' ');
  if (/^SUCCESS/i.test(text)) return { answer: 'signalled', text };
  if (/not found/i.test(text)) return { answer: 'not-found', text };
  if (/Access is denied/i.test(text)) return { answer: 'denied', text };
  if (/^ERROR/i.test(text)) return { answer: 'refused', text };
  return { answer: 'unknown', text };
}
