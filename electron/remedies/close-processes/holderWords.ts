import { defineMessages } from '@formatjs/intl';
import type { MessageDescriptor } from '@formatjs/intl';
import { programOf } from '../../engine/recommend/describeHolder';
import { roleNamesItsApp, roleWords, startedBy } from '../../engine/processes/startedBy';
import type { AppName } from '../../engine/processes/startedBy';
import { msg } from '../../shared/i18n/message';
import type { Message, MessageValue } from '../../shared/i18n/message';
import type { HolderRole, RunningProcess } from '../../shared/model/diagnosis';

/**
 * A program that holds files, as the user knows it ("Jupyter kernel (VS Code
 * notebook)"), in words a translator can move: the role (a kernel, a
 * language server) is translated, the program's and the app's names are not.
 * {pid} is a process id, passed as text so no language groups its digits.
 */
const words = defineMessages({
  jupyterKernelOf: {
    id: 'plan.holder.jupyterKernelOf',
    defaultMessage: 'Jupyter kernel ({app} notebook)',
    description:
      'A running program: the kernel behind a notebook open in {app} (VS Code, PyCharm…).',
  },
  jupyterKernelOfPid: {
    id: 'plan.holder.jupyterKernelOf.pid',
    defaultMessage: 'Jupyter kernel ({app} notebook, pid {pid})',
    description: 'As plan.holder.jupyterKernelOf, with its process id {pid}.',
  },
  roleInApp: {
    id: 'plan.holder.roleInApp',
    defaultMessage: '{role}, in {app}',
    description: 'A running program: {role} is what it is (a debugger…), {app} the app it runs in.',
  },
  roleInAppPid: {
    id: 'plan.holder.roleInApp.pid',
    defaultMessage: '{role}, in {app} (pid {pid})',
    description: 'As plan.holder.roleInApp, with its process id {pid}.',
  },
  roleOfApp: {
    id: 'plan.holder.roleOfApp',
    defaultMessage: '{role} ({app})',
    description:
      'A running program: {role} is what it is (a kernel…), {app} the app that started it.',
  },
  roleOfAppPid: {
    id: 'plan.holder.roleOfApp.pid',
    defaultMessage: '{role} ({app}, pid {pid})',
    description: 'As plan.holder.roleOfApp, with its process id {pid}.',
  },
  startedFrom: {
    id: 'plan.holder.startedFrom',
    defaultMessage: '{program} started from {app}',
    description:
      'A running program: {program} is its name, {app} the app or terminal it was started from.',
  },
  startedFromPid: {
    id: 'plan.holder.startedFrom.pid',
    defaultMessage: '{program} started from {app} (pid {pid})',
    description: 'As plan.holder.startedFrom, with its process id {pid}.',
  },
  named: {
    id: 'plan.holder.named',
    defaultMessage: '{program}',
    description:
      'A running program known only by its name ({program}, never translated). Keep the placeholder alone.',
  },
  namedPid: {
    id: 'plan.holder.named.pid',
    defaultMessage: '{program} (pid {pid})',
    description: 'A running program by its name {program} and its process id {pid}.',
  },
  describedStartedBy: {
    id: 'plan.holder.described.startedBy',
    defaultMessage: '{program} (pid {pid}, {role} started by {app})',
    description:
      'A running program in detail: its file name, its process id, what it is and the app that started it.',
  },
  describedWith: {
    id: 'plan.holder.described.with',
    defaultMessage: '{program} (pid {pid}, {starter})',
    description:
      'A running program in detail: its file name, process id, and what it is or the app that started it.',
  },
  pythonProgram: {
    id: 'plan.holder.pythonProgram',
    defaultMessage: 'Python program',
    description: 'A running Python whose role is not known.',
  },
});

interface Identity {
  program: string;
  role: HolderRole | null;
  app: AppName | null;
}

/** What the process is and which app it belongs to: the scan's facts, never its words taken apart. */
function identityOf(process: RunningProcess): Identity {
  return {
    program: programOf(process),
    role: process.startedBy?.role ?? null,
    app: process.startedBy?.app ?? null,
  };
}

/** Whether the process is that app itself, not something the app started. */
function isTheApp(process: RunningProcess, app: AppName): boolean {
  const own = startedBy(
    { name: programOf(process), executable: process.executable, commandLine: process.commandLine },
    [],
  );
  return own.role === null && own.app !== null && JSON.stringify(own.app) === JSON.stringify(app);
}

/** Roles whose words end in a bracket ("Python debugger (debugpy)"): "in VS Code", not "(VS Code …)". */
const BRACKETED: ReadonlySet<HolderRole> = new Set(['pylance', 'debugpy']);

/**
 * What a person calls the program ("Jupyter kernel (VS Code notebook)"), with
 * its pid to tell two alike apart when `pid` is given. The pid is the program's.
 */
export function holderNameMessage(process: RunningProcess, withPid = false): Message {
  const { program, role, app } = identityOf(process);
  const pid = String(process.pid);
  const pick = (
    plain: MessageDescriptor,
    numbered: MessageDescriptor,
    values: Record<string, MessageValue>,
  ): Message => (withPid ? msg(numbered, { ...values, pid }) : msg(plain, values));
  if (role === 'jupyter-kernel' && app && !roleNamesItsApp(role, app))
    return pick(words.jupyterKernelOf, words.jupyterKernelOfPid, { app });
  if (role && app && !roleNamesItsApp(role, app)) {
    return BRACKETED.has(role)
      ? pick(words.roleInApp, words.roleInAppPid, { role: roleWords(role), app })
      : pick(words.roleOfApp, words.roleOfAppPid, { role: roleWords(role), app });
  }
  if (role) return pick(words.named, words.namedPid, { program: roleWords(role) });
  // The program is the app itself (VS Code's Code.exe): its name is the app's.
  if (app !== null && isTheApp(process, app))
    return pick(words.named, words.namedPid, { program: app });
  const kind: MessageValue = /^pythonw?[\d.]*(\.exe)?$/i.test(program)
    ? msg(words.pythonProgram)
    : program;
  if (app) return pick(words.startedFrom, words.startedFromPid, { program: kind, app });
  return pick(words.named, words.namedPid, { program: kind });
}

/** The program in detail, for the list of programs to close: "python3.11 (pid 4862, Jupyter kernel started by VS Code)". */
export function holderDescriptionMessage(process: RunningProcess): Message {
  const { program, role, app } = identityOf(process);
  const pid = String(process.pid);
  if (role && app && !roleNamesItsApp(role, app))
    return msg(words.describedStartedBy, { program, pid, role: roleWords(role), app });
  const starter = role ? roleWords(role) : app;
  return starter === null
    ? msg(words.namedPid, { program, pid })
    : msg(words.describedWith, { program, pid, starter });
}

/** Whether closing it loses a kernel's variables (a notebook's kernel, Spyder's). */
export function isKernel(process: RunningProcess): boolean {
  const { role } = identityOf(process);
  return role === 'jupyter-kernel' || role === 'spyder-kernel';
}
