import { defineMessages } from '@formatjs/intl';

/** How changing the user's PATH ended. {entry} is a folder path; PATH is the variable's name: keep it. */
export const userPathWords = defineMessages({
  changing: {
    id: 'run.userPath.changing',
    defaultMessage: 'Changing your PATH',
    description: 'Names the step in "{what} failed…".',
  },
  noReport: {
    id: 'run.userPath.noReport',
    defaultMessage: 'The PATH script did not report what it did.',
  },
  added: {
    id: 'run.userPath.added',
    defaultMessage: 'Added {entry} to your PATH. Terminals opened from now on find it.',
  },
  wasThere: { id: 'run.userPath.wasThere', defaultMessage: '{entry} was on your PATH already.' },
  removed: { id: 'run.userPath.removed', defaultMessage: 'Took {entry} off your PATH.' },
  wasGone: {
    id: 'run.userPath.wasGone',
    defaultMessage: '{entry} was not on your PATH any more.',
  },
});
