import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.repair-install.title',
    defaultMessage: 'Clean up what an interrupted pip run left behind',
  },
  changes: {
    id: 'advice.repair-install.changes',
    defaultMessage:
      'Deletes what the earlier run left behind (the commands name each path) and reinstalls pip if it is missing.',
  },
  action: {
    id: 'advice.repair-install.action',
    defaultMessage: 'Clean up the leftovers',
    description: 'Button that opens the plan to delete what a stopped pip run left behind',
  },
});

export const repairInstallWords: RemedyWords = {
  title: msg(words.title),
  changes: () => msg(words.changes),
  actionLabel: () => msg(words.action),
  packageUse: 'none',
};
