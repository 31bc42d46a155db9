import { defineMessages } from '@formatjs/intl';
import type { TargetReason } from '../shared/model/diagnosis';

/** The terminal report's own words (formatDiagnosis.ts); ids, paths and commands are values. */
export const DIAGNOSIS_WORDS = defineMessages({
  tryFirst: {
    id: 'cli.diagnosis.tryFirst',
    defaultMessage: 'Try first: {remedy} — {reason}',
    description: 'The fix to try first: {remedy} is its id (venv, user-install, …), not translated',
  },
  alsoNoticed: { id: 'cli.diagnosis.alsoNoticed', defaultMessage: 'Also noticed:' },
  whichPython: {
    id: 'cli.diagnosis.whichPython',
    defaultMessage: 'Which Python each command runs:',
    description: 'Heading of a list: pip, pip3, python, … and the Python each one starts',
  },
  unidentified: {
    id: 'cli.diagnosis.unidentified',
    defaultMessage: 'an interpreter that could not be identified',
  },
  notOnPath: {
    id: 'cli.diagnosis.notOnPath',
    defaultMessage: 'not on PATH',
    description: 'After a command name (pip3) that the system cannot find',
  },
  installsHeading: {
    id: 'cli.diagnosis.installsHeading',
    defaultMessage: 'Python installs ({count}):',
  },
  install: {
    id: 'cli.diagnosis.install',
    defaultMessage: 'Python {version} {kind} {path}',
    description: '{kind} is an id (system, per-user, venv, …), not translated; {path} the python',
  },
  installNoVersion: {
    id: 'cli.diagnosis.installNoVersion',
    defaultMessage: 'Python (version unknown) {kind} {path}',
    description: '{kind} is an id (system, per-user, venv, …), not translated; {path} the python',
  },
  folderBlocked: {
    id: 'cli.diagnosis.folderBlocked',
    defaultMessage: '{role} {path}: {reason}',
    description: '{role} is an id (purelib, scripts, …); {reason} why pip cannot write there',
  },
  notWritable: { id: 'cli.diagnosis.notWritable', defaultMessage: 'not writable' },
  externallyManaged: {
    id: 'cli.diagnosis.externallyManaged',
    defaultMessage: 'externally managed (PEP 668)',
  },
  leftover: {
    id: 'cli.diagnosis.leftover',
    defaultMessage: 'leftover {kind}: {path}',
    description: 'Left by an interrupted pip run; {kind} is an id (stash-folder, deleteme-file)',
  },
  processesHeading: {
    id: 'cli.diagnosis.processesHeading',
    defaultMessage: 'Running Python programs ({count}, {holding} holding files):',
    description: '{holding} of the {count} running Python programs keep files open',
  },
  process: {
    id: 'cli.diagnosis.process',
    defaultMessage:
      'pid {pid} {hasStarter, select, yes {({starter}) } other {}}{otherUser, select, yes {[user {user}] } other {}}{command}',
    description:
      'A running program: {pid} its process id, {starter} what started it (VS Code, …), {user} another account, {command} its command line',
  },
  holds: {
    id: 'cli.diagnosis.holds',
    defaultMessage: 'holds {path}',
    description: 'A file the running program above keeps open',
  },
  elevated: {
    id: 'cli.diagnosis.elevated',
    defaultMessage:
      'Elevated: {elevated, select, yes {yes (running as root/Administrator)} other {no}}',
  },
  remediesHeading: { id: 'cli.diagnosis.remediesHeading', defaultMessage: 'Remedies, best first:' },
  remedy: {
    id: 'cli.diagnosis.remedy',
    defaultMessage:
      '{rank}. {applicable, select, yes {} other {(would not help) }}{remedy}: {reason}',
    description: '{rank} is its place in the list; {remedy} its id (venv, …), not translated',
  },
  notInspected: {
    id: 'cli.diagnosis.notInspected',
    defaultMessage: 'Not inspected: {gap}',
    description: '{gap} says what could not be looked at, and how to see it',
  },
});

/** Why the marked install is the one the report is about. */
export const TARGET_WORDS = defineMessages<TargetReason>({
  'log-path': {
    id: 'cli.target.logPath',
    defaultMessage: 'pip failed here (the path in your log)',
  },
  'log-interpreter': {
    id: 'cli.target.logInterpreter',
    defaultMessage: 'pip failed here (the Python in your log)',
  },
  'virtual-env': { id: 'cli.target.virtualEnv', defaultMessage: 'your active virtual environment' },
  'pip-on-path': { id: 'cli.target.pipOnPath', defaultMessage: 'pip installs here' },
  'python-on-path': { id: 'cli.target.pythonOnPath', defaultMessage: 'python runs this one' },
  'only-install': { id: 'cli.target.onlyInstall', defaultMessage: 'the only working Python' },
});
