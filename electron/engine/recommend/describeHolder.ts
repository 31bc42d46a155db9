import type { RunningProcess } from '../../shared/model/diagnosis';

/*
 * A holder's words are messages (remedies/close-processes/holderWords.ts and
 * engine/recommend/holderWords.ts): this file only names the program, which
 * is never translated.
 */

/** The program's file name, as the system lists it. */
export function programOf(process: RunningProcess): string {
  return (
    process.executable?.split(/[\\/]/).pop() || process.commandLine.split(' ')[0] || 'a program'
  );
}
