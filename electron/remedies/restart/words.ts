import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.restart.title',
    defaultMessage: 'Restart the computer',
  },
  changes: {
    id: 'advice.restart.changes',
    defaultMessage: 'Closes every program. Nothing else changes.',
  },
  action: {
    id: 'advice.restart.action',
    defaultMessage: 'Finish the install after a restart',
    description:
      'Button that opens the plan: Pip Doctor installs the package once the computer has restarted',
  },
});

export const restartWords: RemedyWords = {
  title: msg(words.title),
  changes: () => msg(words.changes),
  actionLabel: () => msg(words.action),
  packageUse: 'optional',
};
