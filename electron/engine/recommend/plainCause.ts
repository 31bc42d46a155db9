import type { PythonInstall, RunningProcess } from '../../shared/model/diagnosis';

/**
 * The words of "In short": one sentence for what is wrong, one for what to
 * do, readable in five seconds by someone who has never heard of
 * site-packages. Pids, owners, modes, SIDs and long paths stay in the
 * Diagnosis's facts, which the UI shows as evidence.
 */

/** "Python 3.12", "this virtual environment": how a person names the install. */
export function pythonForPeople(install: PythonInstall | null): string {
  if (!install) return 'this Python';
  if (install.kind === 'venv') return 'this virtual environment';
  // "3.12", not "3.12.4": the number people install by.
  const minor = install.version?.split('.').slice(0, 2).join('.');
  return minor ? `Python ${minor}` : 'this Python';
}

/** What a process does for the user, as startedBy names it: a kernel or a server, not an app. */
const ROLE = /\b(kernel|server|debugger|console)\b|^IDLE shell$/;
/** startedBy's fallback when only a shell is recognised ("bash shell"): the program ran from it. */
const SHELL = / shell$/;

/**
 * One holder as the user knows it: "A Jupyter kernel in VS Code", "A Python
 * program in PowerShell", "A program (python3.11)". The program's own name
 * is the last resort: it is what Task Manager shows, not what the user opened.
 */
function holderForPeople(process: RunningProcess): string {
  const starter = process.startedBy;
  if (starter) {
    const [role, app] = starter.split(' started by ');
    if (role && ROLE.test(role)) {
      const article = /^[AEIOU]/i.test(role) ? 'An' : 'A';
      return app ? `${article} ${role} in ${app}` : `${article} ${role}`;
    }
    if (SHELL.test(starter)) return `A Python program run from the ${starter}`;
    return `A Python program in ${starter}`;
  }
  const program =
    process.executable?.split(/[\\/]/).pop() || process.commandLine.split(' ')[0] || '';
  return program ? `A program (${program})` : 'A running program';
}

/**
 * "A Jupyter kernel in VS Code is using numpy. Close it, then install
 * again." Counted by what the user recognises, not by process: a venv's
 * launcher and the interpreter it starts are one kernel to them.
 */
export function holdersSentence(holders: RunningProcess[], pkg: string | null): string {
  const what = pkg ?? 'files pip must replace';
  const names = [...new Set(holders.map(holderForPeople))];
  const subject =
    names.length === 1
      ? `${names[0]} is`
      : names.length === 2
        ? `${names[0]} and ${names[1]!.replace(/^An? /, (article) => article.toLowerCase())} are`
        : `${names.length} programs are`;
  return `${subject} using ${what}. ${names.length === 1 ? 'Close it' : 'Close them'}, then install again.`;
}
