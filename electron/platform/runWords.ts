import { defineMessages } from '@formatjs/intl';

/**
 * What running one planned command came to, for the step's one-line detail:
 * a refused password or UAC prompt, a program that would not start or did
 * not finish. {what} is the step's own words ("Creating the virtual
 * environment"); the OS's and the program's words stay as they printed them.
 */
export const runWords = defineMessages({
  pkexecDeclined: {
    id: 'platform.run.pkexecDeclined',
    defaultMessage: 'You did not give administrator rights; nothing was changed.',
    description: 'The user closed or refused the Linux administrator password dialog (polkit).',
  },
  pkexecUnavailable: {
    id: 'platform.run.pkexecUnavailable',
    defaultMessage:
      'The system could not ask for the administrator password ({reason}). Run the command in a terminal with sudo instead.',
    description: "{reason} is the system's own last line of output, untranslated.",
  },
  uacDeclined: {
    id: 'platform.run.uacDeclined',
    defaultMessage: 'You said no to the Windows administrator prompt; nothing was changed.',
    description: 'The user answered No in the Windows User Account Control prompt.',
  },
  notStarted: {
    id: 'platform.run.notStarted',
    defaultMessage: 'The program could not be started ({code}): {reason}',
    description: "{code} is the system's error code (ENOENT…), {reason} its own words.",
  },
  timedOut: {
    id: 'platform.run.timedOut',
    defaultMessage:
      'It did not finish within {minutes, plural, one {# minute} other {# minutes}} and was stopped.',
    description: 'A command ran too long and Pip Doctor stopped it.',
  },
  failedWithCode: {
    id: 'platform.run.failedWithCode',
    defaultMessage: '{what} failed (exit code {code}): {output}',
    description:
      "{what}: what the step did, a sentence of its own. {code}: the program's exit code. {output}: the last line it printed, untranslated.",
  },
  failedSilently: {
    id: 'platform.run.failedSilently',
    defaultMessage: '{what} failed (exit code {code}) without a message.',
    description: 'As platform.run.failedWithCode, when the program printed nothing.',
  },
  failed: {
    id: 'platform.run.failed',
    defaultMessage: '{what} failed: {reason}',
    description: '{what}: what the step did. {reason}: why, a sentence of its own.',
  },
  cancelled: {
    id: 'platform.run.cancelled',
    defaultMessage: '{what} was cancelled.',
    description: '{what}: what the step did ("Creating the virtual environment").',
  },
  elevatedFailed: {
    id: 'platform.run.elevatedFailed',
    defaultMessage: 'The administrator step failed: {reason}',
    description:
      "A step run as administrator on Windows failed; {reason} is PowerShell's error, untranslated.",
  },
  elevatedFolderRefused: {
    id: 'platform.run.elevatedFolderRefused',
    defaultMessage:
      'Nothing ran as administrator: the folder Pip Doctor writes to as administrator (PipDoctor\\elevated in the ProgramData folder) is a link or was made by another account, so writing there could change other files. An administrator should delete the PipDoctor folder in ProgramData; then try the step again.',
    description: 'Windows. Keep the folder names PipDoctor\\elevated and ProgramData as they are.',
  },
  elevatedScriptChanged: {
    id: 'platform.run.elevatedScriptChanged',
    defaultMessage:
      'Nothing ran as administrator: the script Pip Doctor wrote for it was changed before it could run. Try the step again.',
  },
  elevatedNoReport: {
    id: 'platform.run.elevatedNoReport',
    defaultMessage: 'The administrator step did not report back (PowerShell exit code {code}).',
    description: 'Windows. {code}: the exit code, or "none".',
  },
  elevatedNoReportWith: {
    id: 'platform.run.elevatedNoReportWith',
    defaultMessage:
      'The administrator step did not report back (PowerShell exit code {code}: {output}).',
    description:
      'Windows. {code}: the exit code, or "none"; {output}: PowerShell\'s own error, untranslated.',
  },
});
