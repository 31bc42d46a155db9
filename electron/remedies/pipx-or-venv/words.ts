import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.pipx-or-venv.title',
    defaultMessage: 'Install the application with pipx',
    description: 'pipx is a program name: keep it',
  },
  changes: {
    id: 'advice.pipx-or-venv.changes',
    defaultMessage:
      'Gives the tool a private environment of its own and puts its command on your PATH.',
    description: 'PATH is the environment variable: keep it',
  },
});

export const pipxWords: RemedyWords = {
  title: msg(words.title),
  changes: () => msg(words.changes),
  actionLabel: () => null,
  packageUse: 'none',
};
