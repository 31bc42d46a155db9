import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.run-again.title',
    defaultMessage: 'Run your pip command again',
  },
  changes: {
    id: 'advice.run-again.changes',
    defaultMessage: 'Nothing but what your pip command itself installs.',
    description: 'What running the same pip command again changes on the computer',
  },
});

export const runAgainWords: RemedyWords = {
  title: msg(words.title),
  changes: () => msg(words.changes),
  actionLabel: () => null,
  packageUse: 'none',
};
