import { defineMessages } from '@formatjs/intl';

/**
 * What the search for programs holding files could not see, on each system.
 * {error} values are the system's own error text (English, not translated).
 */
export const holderGapWords = defineMessages({
  runAsAdmin: {
    id: 'platform.holders.runAsAdmin',
    defaultMessage:
      'Run Pip Doctor as administrator (right-click it, then "Run as administrator") to see them too.',
    description: 'Use Windows\' own "Run as administrator" in this language (GLOSSARY.md)',
  },
  noReason: { id: 'platform.holders.noReason', defaultMessage: 'no reason given' },
  identityFailed: {
    id: 'platform.holders.identityFailed',
    defaultMessage: 'Whether Pip Doctor runs as administrator could not be found out: {error}',
  },
  settingsFailed: {
    id: 'platform.holders.settingsFailed',
    defaultMessage: 'Long path support and Controlled Folder Access could not be checked: {error}',
  },
  processesFailed: {
    id: 'platform.holders.processesFailed',
    defaultMessage: 'The running programs could not be listed: {error}',
  },
  restartManagerFailed: {
    id: 'platform.holders.restartManagerFailed',
    defaultMessage:
      "Windows' Restart Manager could not be asked which programs use the files: {error}",
  },
  modulesFailed: {
    id: 'platform.holders.modulesFailed',
    defaultMessage: 'The files loaded by running Python programs could not be read: {error}',
  },
  restartManagerSilent: {
    id: 'platform.holders.restartManagerSilent',
    defaultMessage: "Windows' Restart Manager did not answer for {paths} (Windows error {code}).",
    description: '{paths} are file paths, comma-separated; {code} a Windows error number',
  },
  otherAccount: {
    id: 'platform.holders.otherAccount',
    defaultMessage:
      'Some programs using these files run as another user or as administrator, and Windows does not name them to Pip Doctor.',
  },
  otherSession: {
    id: 'platform.holders.otherSession',
    defaultMessage:
      "Some programs using these files run in another user's session (another signed-in user, or a remote desktop).",
  },
  otherSessionHow: {
    id: 'platform.holders.otherSession.how',
    defaultMessage: 'Sign that user out, or restart Windows, to release them.',
  },
  notCheckedSlow: {
    id: 'platform.holders.notCheckedSlow',
    defaultMessage:
      'The program files in {folder} were not checked for programs using them: finding them took too long.',
  },
  partlyCheckedSlow: {
    id: 'platform.holders.partlyCheckedSlow',
    defaultMessage:
      '{count, plural, one {Only # program file in {folder} was checked for programs using it: finding more took too long.} other {Only # program files in {folder} were checked for programs using them: finding more took too long.}}',
  },
  partlyCheckedMany: {
    id: 'platform.holders.partlyCheckedMany',
    defaultMessage:
      '{count, plural, one {Only the first program file in {folder} was checked for programs using it: it has more than one scan looks at.} other {Only the first # program files in {folder} were checked for programs using them: it has more than one scan looks at.}}',
  },
  partlyChecked: {
    id: 'platform.holders.partlyChecked',
    defaultMessage:
      '{count, plural, one {Only the first program file in {folder} was checked for programs using it.} other {Only the first # program files in {folder} were checked for programs using them.}}',
  },
  deniedPythons: {
    id: 'platform.holders.deniedPythons',
    defaultMessage:
      '{count, plural, one {# Python process ({processes}) could not be inspected: it runs as another user or as administrator, and Windows shows the files a process has loaded only to its own user. One of them may be holding the files.} other {# Python processes ({processes}) could not be inspected: they run as another user or as administrator, and Windows shows the files a process has loaded only to its own user. One of them may be holding the files.}}',
    description: '{processes} lists each as "python.exe, pid 4242", separated by semicolons',
  },
  unreadableModules: {
    id: 'platform.holders.unreadableModules',
    defaultMessage: 'The loaded files of {processes} could not be read: {error}.',
    description: '{processes} lists each as "python.exe (pid 4242)", comma-separated',
  },
  openFilesUnread: {
    id: 'platform.holders.openFilesUnread',
    defaultMessage:
      'The open files of running programs could not be read ({error}), so no program holding the files is shown; one may still be.',
  },
  scanAgain: {
    id: 'platform.holders.scanAgain',
    defaultMessage: 'Scan again; if this repeats, restart Pip Doctor.',
  },
  openFilesSlow: {
    id: 'platform.holders.openFilesSlow',
    defaultMessage:
      'The open files of running programs could not be read within {seconds} s, so no program holding the files is shown; one may still be. A program stuck on an unreachable network drive can make reading its files wait.',
  },
  openFilesSlowHow: {
    id: 'platform.holders.openFilesSlow.how',
    defaultMessage: 'Close programs that use an unreachable network drive, then scan again.',
  },
  hiddenEvenFromRoot: {
    id: 'platform.holders.hiddenEvenFromRoot',
    defaultMessage:
      '{count, plural, one {The kernel refused to show the open files of # process, even to root (a hardened or traced process). One of them may be holding the files.} other {The kernel refused to show the open files of # processes, even to root (a hardened or traced process). One of them may be holding the files.}}',
  },
  othersProcesses: {
    id: 'platform.holders.othersProcesses',
    defaultMessage:
      "{count, plural, one {# process could not be inspected: it belongs to another user (or protects itself), and only root may see which files other users' processes have open. One of them may be holding the files.} other {# processes could not be inspected: they belong to other users (or protect themselves), and only root may see which files other users' processes have open. One of them may be holding the files.}}",
  },
  runAsRoot: {
    id: 'platform.holders.runAsRoot',
    defaultMessage: 'Run the scan as root (with sudo) to see which files those processes hold.',
  },
  lsofFailed: {
    id: 'platform.holders.lsofFailed',
    defaultMessage: 'Could not list which programs have the files open: {why}.',
    description: '{why} says what went wrong with lsof',
  },
  lsofMissing: {
    id: 'platform.holders.lsofMissing',
    defaultMessage: 'lsof was not found (looked for {places})',
  },
  lsofNotStarted: {
    id: 'platform.holders.lsofNotStarted',
    defaultMessage: 'lsof could not be started ({code})',
  },
  lsofSlow: {
    id: 'platform.holders.lsofSlow',
    defaultMessage: 'lsof did not finish within {seconds} s',
  },
  lsofError: {
    id: 'platform.holders.lsofError',
    defaultMessage: 'lsof failed: {error}',
    description: "{error} is lsof's own message, or its exit code",
  },
  lsofCut: {
    id: 'platform.holders.lsofCut',
    defaultMessage: 'the lsof listing was too long and was cut off',
  },
  lsofOwnOnly: {
    id: 'platform.holders.lsofOwnOnly',
    defaultMessage:
      "Only your own programs were inspected: other users' processes are hidden from lsof unless it runs as root. One of them may be holding the files.",
  },
  lsofRunAsRoot: {
    id: 'platform.holders.lsofRunAsRoot',
    defaultMessage: "Run the scan as root (with sudo) to include other users' processes.",
  },
});
