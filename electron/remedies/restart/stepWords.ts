import { defineMessages } from '@formatjs/intl';

/** Waiting for a sign-out or a restart. */
export const restartStepWords = defineMessages({
  signOut: {
    id: 'run.restart.signOut',
    defaultMessage:
      'Sign out or restart, then open Pip Doctor again: it will offer to continue from here.',
  },
  stillHeld: {
    id: 'run.restart.stillHeld',
    defaultMessage:
      '{count, plural, one {# program still holds the files. Close it, or restart, then continue.} other {# programs still hold the files. Close them, or restart, then continue.}}',
  },
  stillHeldNoRestart: {
    id: 'run.restart.stillHeldNoRestart',
    defaultMessage:
      '{count, plural, one {# program still holds the files (the computer has not restarted since). Close it, or restart, then continue.} other {# programs still hold the files (the computer has not restarted since). Close them, or restart, then continue.}}',
  },
  released: { id: 'run.restart.released', defaultMessage: 'Nothing holds the files any more.' },
});
