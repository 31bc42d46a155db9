import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.use-python-m-pip.title',
    defaultMessage: 'Run pip as "{command}"',
    description: '{command} is the command python -m pip (keep it, in your quotes)',
  },
  changes: {
    id: 'advice.use-python-m-pip.changes',
    defaultMessage: 'Nothing changes on your computer: it is another way to start pip.',
  },
});

export const usePythonMPipWords: RemedyWords = {
  title: msg(words.title, { command: 'python -m pip' }),
  changes: () => msg(words.changes),
  actionLabel: () => null,
  packageUse: 'none',
};
