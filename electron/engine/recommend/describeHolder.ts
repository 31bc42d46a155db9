import type { RunningProcess } from '../../shared/model/diagnosis';
import { startedBy } from '../processes/startedBy';

/**
 * A holder as a person recognises it: the program itself, its pid, and the
 * app that started it ("python3.11 (pid 4862, Jupyter kernel started by VS
 * Code)"). The pid belongs to the program named, never to its starter.
 */
export function describeHolder(process: RunningProcess): string {
  const program = programOf(process);
  return process.startedBy
    ? `${program} (pid ${process.pid}, ${process.startedBy})`
    : `${program} (pid ${process.pid})`;
}

/** Joins a sentence that may already end in a full stop. */
export function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/**
 * What a person calls the program, before any pid: "Jupyter kernel (VS Code
 * notebook)", "Python program started from GNOME Terminal". A kernel has no
 * window and no file name the user ever saw; the notebook it serves is what
 * they know.
 */
export function holderName(process: RunningProcess): string {
  const program = programOf(process);
  const role = startedBy({ name: program, ...process }, []).role;
  const app = appOf(process.startedBy, role);
  const kind = /^pythonw?[\d.]*(\.exe)?$/i.test(program) ? 'Python program' : program;
  if (role === 'Jupyter kernel' && app) return `Jupyter kernel (${app} notebook)`;
  if (role && app && !role.startsWith(app))
    return role.includes('(') ? `${role}, in ${app}` : `${role} (${app})`;
  if (role) return role;
  if (app) return `${kind} started from ${app}`;
  return kind;
}

/** The program's file name, as the system lists it. */
export function programOf(process: RunningProcess): string {
  return (
    process.executable?.split(/[\\/]/).pop() || process.commandLine.split(' ')[0] || 'a program'
  );
}

/** The app out of RunningProcess.startedBy ("Jupyter kernel started by VS Code" → "VS Code"). */
function appOf(phrase: string | null, role: string | null): string | null {
  if (phrase === null || phrase === role) return null;
  if (role && phrase.startsWith(`${role} started by `))
    return phrase.slice(`${role} started by `.length);
  return role ? null : phrase;
}
