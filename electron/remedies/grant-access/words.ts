import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.grant-access.title',
    defaultMessage: 'Give your account write access to the folder',
  },
  changes: {
    id: 'advice.grant-access.changes',
    defaultMessage:
      'Changes who may write to that folder. Other programs may rely on it staying as it is.',
  },
  action: {
    id: 'advice.grant-access.action',
    defaultMessage: 'Give your account write access',
    description: 'Button that opens the plan to change the folder permissions',
  },
});

export const grantAccessWords: RemedyWords = {
  title: msg(words.title),
  changes: () => msg(words.changes),
  actionLabel: () => msg(words.action),
  packageUse: 'none',
};
