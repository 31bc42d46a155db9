import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.close-processes.title',
    defaultMessage: 'Close the programs that hold the files',
  },
  changes: {
    id: 'advice.close-processes.changes',
    defaultMessage: 'Stops the programs listed. Save your work in them first.',
  },
  action: {
    id: 'advice.close-processes.action',
    defaultMessage: 'Close these programs',
    description: 'Button that opens the plan to close the programs listed on the fix card',
  },
});

export const closeProcessesWords: RemedyWords = {
  title: msg(words.title),
  changes: () => msg(words.changes),
  actionLabel: () => msg(words.action),
  packageUse: 'none',
};
