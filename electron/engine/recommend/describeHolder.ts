import type { RunningProcess } from '../../shared/model/diagnosis';
import { englishText } from '../i18n/translator';
import { roleNamesItsApp, roleWords } from '../processes/startedBy';

/*
 * These phrases still feed the close-processes remedy's English words (its
 * own helper turns them into messages); they read the starter's facts, never
 * its phrase's words, and give the English of its messages until then.
 */

/**
 * A holder as a person recognises it: the program itself, its pid, and the
 * app that started it ("python3.11 (pid 4862, Jupyter kernel started by VS
 * Code)"). The pid belongs to the program named, never to its starter.
 */
export function describeHolder(process: RunningProcess): string {
  const program = programOf(process);
  return process.startedBy
    ? `${program} (pid ${process.pid}, ${englishText(process.startedBy.phrase)})`
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
  const starter = process.startedBy;
  const role = starter?.role ? englishText(roleWords(starter.role)) : null;
  const app =
    starter?.app == null || (starter.role !== null && roleNamesItsApp(starter.role, starter.app))
      ? null
      : typeof starter.app === 'string'
        ? starter.app
        : englishText(starter.app);
  const kind = /^pythonw?[\d.]*(\.exe)?$/i.test(program) ? 'Python program' : program;
  if (starter?.role === 'jupyter-kernel' && app) return `Jupyter kernel (${app} notebook)`;
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
