import { defineMessages } from '@formatjs/intl';

/** What the scan could not look at, and how the user can: the platform's gaps in words. */
export const gapWords = defineMessages({
  deletedVenv: {
    id: 'platform.gap.deletedVenv',
    defaultMessage:
      'VIRTUAL_ENV names {venv}, which does not exist: the virtual environment active in that terminal was deleted or moved.',
    description: '{venv} is a folder; VIRTUAL_ENV is an environment variable, not translated',
  },
  deletedVenvHow: {
    id: 'platform.gap.deletedVenv.how',
    defaultMessage:
      'Run `deactivate` in that terminal (or open a new one), then activate the environment you mean to use.',
  },
  notRunnable: {
    id: 'platform.gap.notRunnable',
    defaultMessage:
      '"{shown}" ({given, select, python {given with --python} other {the interpreter your log shows running pip}}) {why, select, folder {is a folder, not a Python program} notExecutable {is not an executable file} unreachable {cannot be reached: permission to open a folder on its way was denied} danglingLink {is a link to a file that does not exist} other {does not exist}}.',
    description:
      '{shown} is a path the user gave (--python) or the log named; given says which; why says what the path turned out to be',
  },
  givenPythonHow: {
    id: 'platform.gap.givenPython.how',
    defaultMessage: 'Check the path; on macOS and Linux it must be the python binary itself.',
  },
  logInterpreterHow: {
    id: 'platform.gap.logInterpreter.how',
    defaultMessage:
      'If the log comes from another computer or a container, scan there; otherwise run that pip again and paste the new log.',
  },
  registryUnreadable: {
    id: 'platform.gap.registryUnreadable',
    defaultMessage:
      "{count, plural, one {# registry value of registered Pythons came back unreadable from reg.exe, which writes in the console's code page (a folder name with non-English letters): such a Python is found only if it is also on PATH, in py's list or in a usual install folder.} other {# registry values of registered Pythons came back unreadable from reg.exe, which writes in the console's code page (a folder name with non-English letters): such a Python is found only if it is also on PATH, in py's list or in a usual install folder.}}",
    description: 'Windows: reg.exe printed Python install folders in an unreadable way',
  },
  registryHow: {
    id: 'platform.gap.registryUnreadable.how',
    defaultMessage: 'Run `py -0p` in a terminal to see every registered Python with its path.',
  },
  givenNotPythonWindows: {
    id: 'platform.gap.givenNotPythonWindows',
    defaultMessage:
      '"{shown}" (given with --python) is not a Python interpreter Pip Doctor can run.',
  },
  givenNotPythonWindowsHow: {
    id: 'platform.gap.givenNotPythonWindows.how',
    defaultMessage: 'Give the path of python.exe itself (a venv has it in its Scripts folder).',
  },
  logInterpreterWindows: {
    id: 'platform.gap.logInterpreterWindows',
    defaultMessage:
      '"{shown}" (the interpreter your log shows running pip) is not a Python interpreter on this computer.',
  },
  logInterpreterWindowsHow: {
    id: 'platform.gap.logInterpreterWindows.how',
    defaultMessage:
      'If the log comes from another computer, scan there; otherwise run that pip again and paste the new log.',
  },
  storeStub: {
    id: 'platform.gap.storeStub',
    defaultMessage:
      "`{command}` on PATH is the Microsoft Store's App Execution Alias ({path}): it runs no Python, it only offers to install one from the Store.",
    description: '{command} is a command name (python), {path} its file',
  },
  storeStubHow: {
    id: 'platform.gap.storeStub.how',
    defaultMessage:
      'In Settings > Apps > Advanced app settings > App execution aliases, turn off the python.exe and python3.exe aliases, or put your Python earlier on PATH.',
    description:
      "Use Windows' own names of Settings and its pages in this language (see GLOSSARY.md)",
  },
  unknownAlias: {
    id: 'platform.gap.unknownAlias',
    defaultMessage:
      '`{command}` on PATH is an App Execution Alias ({path}) whose target could not be read, so it was not run.',
  },
  unknownAliasHow: {
    id: 'platform.gap.unknownAlias.how',
    defaultMessage: 'Run it by hand to see which Python it starts.',
  },
});
