import { defineMessages } from '@formatjs/intl';

/** How removing the leftovers of an interrupted pip run ended. {code} and {reason} are the system's words. */
export const leftoverWords = defineMessages({
  removedAll: {
    id: 'run.leftovers.removed',
    defaultMessage: '{count, plural, one {Removed # leftover.} other {Removed # leftovers.}}',
  },
  notRemoved: {
    id: 'run.leftovers.notRemoved',
    defaultMessage:
      '{count, plural, one {# leftover could not be removed.} other {# leftovers could not be removed.}}',
  },
  removed: {
    id: 'run.leftovers.item.removed',
    defaultMessage: 'removed',
    description: 'Beside one leftover file or folder that is gone now.',
  },
  removedAfterRetries: {
    id: 'run.leftovers.item.removedAfterRetries',
    defaultMessage:
      'removed (after {retries, plural, one {# more try} other {# more tries}}: no program held it, so something like a virus scanner had it open for a moment)',
    description: 'Beside one leftover file or folder that is gone now, after trying again.',
  },
  failed: {
    id: 'run.leftovers.item.failed',
    defaultMessage: '{code}: {reason}',
    description: "The system's error code and message, untranslated. Keep as it is.",
  },
});
