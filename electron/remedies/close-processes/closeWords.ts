import { defineMessages } from '@formatjs/intl';

/**
 * What closing programs came to, program by program and as a whole, and the
 * question before closing by force. {programs} is a list of programs as the
 * user knows them ("Jupyter kernel (VS Code notebook, pid 8852)"); {pid} is a
 * process id and {reason} the system's own words, both untranslated.
 */
export const closeWords = defineMessages({
  nothingLeft: {
    id: 'run.close.nothingLeft',
    defaultMessage: 'Nothing is left that Pip Doctor may close.',
  },
  forceQuestion: {
    id: 'run.close.forceQuestion',
    defaultMessage:
      '{programs} did not close when asked. Close {count, plural, one {it} other {them}} by force? Anything unsaved in {count, plural, one {it} other {them}} is lost.',
    description:
      'Asked before ending programs by force. {programs}: the programs (a list); {count}: how many.',
  },
  keptRunning: {
    id: 'run.close.keptRunning',
    defaultMessage:
      '{count, plural, one {You chose not to close it by force; it is still running.} other {You chose not to close them by force; they are still running.}}',
    description: 'After the user answered No to closing programs by force; {count}: how many.',
  },
  leftRunning: {
    id: 'run.close.item.leftRunning',
    defaultMessage: 'left running, as you chose',
    description: 'Beside one program the user chose not to close by force.',
  },
  didNotClose: {
    id: 'run.close.summary.didNotClose',
    defaultMessage:
      '{count, plural, one {# program did not close.} other {# programs did not close.}}',
    description: 'How closing programs went, first sentence: those still running.',
  },
  denied: {
    id: 'run.close.summary.denied',
    defaultMessage:
      '{count, plural, one {# program could not be closed (not allowed).} other {# programs could not be closed (not allowed).}}',
    description: 'How closing programs went: those the system did not allow Pip Doctor to close.',
  },
  closed: {
    id: 'run.close.summary.closed',
    defaultMessage: '{count, plural, one {# program closed.} other {# programs closed.}}',
    description: 'How closing programs went: those that closed.',
  },
  someGone: {
    id: 'run.close.summary.someGone',
    defaultMessage: 'Some had closed already.',
    description: 'How closing programs went: some programs had ended on their own before.',
  },
  nothingToClose: {
    id: 'run.close.summary.nothing',
    defaultMessage: 'Nothing was left to close.',
  },
  gone: {
    id: 'run.close.item.gone',
    defaultMessage: 'It had already closed.',
  },
  reused: {
    id: 'run.close.item.reused',
    defaultMessage:
      'Left alone: process id {pid} now belongs to a program that started at {startedAt}, not the one the scan found (started {startTime}).',
    description:
      '{startedAt}, {startTime}: times as the system gives them (ISO 8601), untranslated.',
  },
  protected: {
    id: 'run.close.item.protected',
    defaultMessage: 'Left alone: {reason}.',
    description: '{reason}: why the app never closes this program, a sentence of its own.',
  },
  unverifiable: {
    id: 'run.close.item.unverifiable',
    defaultMessage:
      'Left alone: its start time cannot be read, so Pip Doctor cannot be sure process id {pid} is still the program the scan found. Close it yourself.',
  },
  reusedNow: {
    id: 'run.close.item.reusedNow',
    defaultMessage: 'Left alone: {reason}, not the one the scan found (started {startTime}).',
    description:
      "{reason}: the system's words saying the process id now belongs to another program (untranslated); {startTime}: a time (ISO 8601).",
  },
  deniedItem: {
    id: 'run.close.item.denied',
    defaultMessage:
      'The system did not allow Pip Doctor to close it ({reason}). Close it yourself, or ask an administrator.',
    description: "{reason}: the system's own error (EPERM…), untranslated.",
  },
  deniedItemOwner: {
    id: 'run.close.item.deniedOwner',
    defaultMessage:
      'The system did not allow Pip Doctor to close it ({reason}): it runs as {owner}. Close it yourself, or ask an administrator.',
    description: "{reason}: the system's own error, untranslated; {owner}: a user account name.",
  },
  stillRunningForced: {
    id: 'run.close.item.stillRunningForced',
    defaultMessage: 'It is still running after being ended by force ({reason}).',
    description: "{reason}: the system's own words, untranslated.",
  },
  stillRunning: {
    id: 'run.close.item.stillRunning',
    defaultMessage:
      'It did not close within {seconds, plural, one {# second} other {# seconds}} ({reason}).',
    description: "{reason}: the system's own words, untranslated.",
  },
  closedByForce: {
    id: 'run.close.item.closedByForce',
    defaultMessage: 'Closed by force.',
  },
  closedItem: {
    id: 'run.close.item.closed',
    defaultMessage: 'Closed.',
  },
});
