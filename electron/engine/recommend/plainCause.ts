import { defineMessages } from '@formatjs/intl';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import type { PythonInstall, RunningProcess } from '../../shared/model/diagnosis';
import { roleNamesItsApp, roleWords } from '../processes/startedBy';

/**
 * The words of "In short": one sentence for what is wrong, one for what to
 * do, readable in five seconds by someone who has never heard of
 * site-packages. Pids, owners, modes, SIDs and long paths stay in the
 * Diagnosis's facts, which the UI shows as evidence.
 */

const words = defineMessages({
  thisPython: {
    id: 'diagnosis.python.this',
    defaultMessage: '{start, select, yes {This Python} other {this Python}}',
    description: 'How a sentence names a Python install whose version is unknown',
  },
  thisVenv: {
    id: 'diagnosis.python.thisVenv',
    defaultMessage:
      '{start, select, yes {This virtual environment} other {this virtual environment}}',
    description: 'How a sentence names the virtual environment pip installs into',
  },
  pythonVersion: {
    id: 'diagnosis.python.version',
    defaultMessage: 'Python {version}',
    description: '{version} is a Python version such as 3.12',
  },
  holders: {
    id: 'diagnosis.cause.lock.holders',
    defaultMessage:
      '{count, plural, one {{holders} is using {what}. Close it, then install again.} other {{holders} are using {what}. Close them, then install again.}}',
    description:
      '"In short" when running programs hold files pip must replace. {holders} names them ("A Jupyter kernel in VS Code and a Python program in PowerShell", or "3 programs"); {count} is how many; {what} is a package name or "files pip must replace"',
  },
  filesToReplace: {
    id: 'diagnosis.cause.lock.filesToReplace',
    defaultMessage: 'files pip must replace',
    description: 'Stands for the package in "… is using {what}" when the log names none',
  },
  programs: {
    id: 'diagnosis.holder.count',
    defaultMessage: '{count, plural, one {# program} other {# programs}}',
    description: 'Many programs holding files, counted: the start of a sentence',
  },
  role: {
    id: 'diagnosis.holder.role',
    defaultMessage:
      '{start, select, yes {{role, select, idleShell {An IDLE shell} other {A {roleWords}}}} other {{role, select, idleShell {an IDLE shell} other {a {roleWords}}}}}',
    description:
      'A program holding files, by what it is ({roleWords}: "Jupyter kernel", "Python language server"); {role} is its id (jupyterKernel, spyderKernel, pylance, languageServer, debugpy, pycharmDebugger, pycharmConsole, idleShell) for choosing an article; start=yes when it begins the sentence',
  },
  roleInApp: {
    id: 'diagnosis.holder.roleInApp',
    defaultMessage: '{role} in {app}',
    description:
      '{role} is "a Jupyter kernel" (with its article), {app} the app it runs in ("VS Code")',
  },
  programInApp: {
    id: 'diagnosis.holder.programInApp',
    defaultMessage:
      '{start, select, yes {A Python program in {app}} other {a Python program in {app}}}',
    description: '{app} is the app a Python program runs in ("VS Code", "PowerShell")',
  },
  programFromShell: {
    id: 'diagnosis.holder.programFromShell',
    defaultMessage:
      '{start, select, yes {A Python program run from the {shell}} other {a Python program run from the {shell}}}',
    description: '{shell} names the shell it was typed in ("bash shell")',
  },
  namedProgram: {
    id: 'diagnosis.holder.namedProgram',
    defaultMessage: '{start, select, yes {A program ({program})} other {a program ({program})}}',
    description:
      '{program} is the program file name as Task Manager shows it (python3.11, python.exe)',
  },
  unnamedProgram: {
    id: 'diagnosis.holder.unnamed',
    defaultMessage: '{start, select, yes {A running program} other {a running program}}',
  },
});

/** Whether a phrase begins its sentence (capitalised in English). */
type Start = 'yes' | 'no';

/** "Python 3.12", "this virtual environment": how a person names the install. */
export function pythonForPeople(install: PythonInstall | null, start: Start = 'no'): Message {
  if (!install) return msg(words.thisPython, { start });
  if (install.kind === 'venv') return msg(words.thisVenv, { start });
  // "3.12", not "3.12.4": the number people install by.
  const minor = install.version?.split('.').slice(0, 2).join('.');
  return minor ? msg(words.pythonVersion, { version: minor }) : msg(words.thisPython, { start });
}

/**
 * One holder as the user knows it: "A Jupyter kernel in VS Code", "A Python
 * program in PowerShell", "A program (python3.11)". The program's own name
 * is the last resort: it is what Task Manager shows, not what the user opened.
 */
function holderForPeople(process: RunningProcess, start: Start): Message {
  const starter = process.startedBy;
  if (starter?.role) {
    const role = msg(words.role, {
      start,
      // An ICU select key cannot hold a hyphen: jupyter-kernel → jupyterKernel.
      role: starter.role.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase()),
      roleWords: roleWords(starter.role),
    });
    return starter.app === null || roleNamesItsApp(starter.role, starter.app)
      ? role
      : msg(words.roleInApp, { role, app: starter.app });
  }
  if (starter?.app) {
    return starter.appKind === 'shell'
      ? msg(words.programFromShell, { start, shell: starter.app })
      : msg(words.programInApp, { start, app: starter.app });
  }
  const program =
    process.executable?.split(/[\\/]/).pop() || process.commandLine.split(' ')[0] || '';
  return program
    ? msg(words.namedProgram, { start, program })
    : msg(words.unnamedProgram, { start });
}

/**
 * "A Jupyter kernel in VS Code is using numpy. Close it, then install
 * again." Counted by what the user recognises, not by process: a venv's
 * launcher and the interpreter it starts are one kernel to them.
 */
export function holdersSentence(holders: RunningProcess[], pkg: string | null): Message {
  const what = pkg ?? msg(words.filesToReplace);
  const distinct = distinctHolders(holders);
  const count = distinct.length;
  const named =
    count <= 2
      ? listOf(
          distinct.map((process, index) => holderForPeople(process, index === 0 ? 'yes' : 'no')),
        )
      : msg(words.programs, { count });
  return msg(words.holders, { count, holders: named, what });
}

/** One process per holder the user would tell apart (same words, same holder). */
function distinctHolders(holders: RunningProcess[]): RunningProcess[] {
  const seen = new Set<string>();
  return holders.filter((process) => {
    const key = JSON.stringify(holderForPeople(process, 'no'));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
