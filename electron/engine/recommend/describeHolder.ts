import type { RunningProcess } from '../../shared/model/diagnosis';

/**
 * A holder as a person recognises it: the program itself, its pid, and the
 * app that started it ("python3.11 (pid 4862, Jupyter kernel started by VS
 * Code)"). The pid belongs to the program named, never to its starter.
 */
export function describeHolder(process: RunningProcess): string {
  const program =
    process.executable?.split(/[\\/]/).pop() || process.commandLine.split(' ')[0] || 'a program';
  return process.startedBy
    ? `${program} (pid ${process.pid}, ${process.startedBy})`
    : `${program} (pid ${process.pid})`;
}

/** Several holders in one phrase, the first three named. */
export function describeHolders(processes: RunningProcess[]): string {
  const named = processes.slice(0, 3).map(describeHolder);
  const more = processes.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

/** Joins a sentence that may already end in a full stop. */
export function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
