import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.user-install.title',
    defaultMessage: 'Install for your user only',
  },
  changes: {
    id: 'advice.user-install.changes',
    defaultMessage:
      'Installs the package into your own user folder. The shared Python stays as it is.',
  },
  action: {
    id: 'advice.user-install.action',
    defaultMessage: 'Install for your user only',
    description: 'Button that opens the plan to install with pip --user',
  },
  actionWithPackage: {
    id: 'advice.user-install.actionWithPackage',
    defaultMessage: 'Install {package} for your user only',
    description: 'Button that opens the plan; {package} is the package name (requests)',
  },
});

export const userInstallWords: RemedyWords = {
  title: msg(words.title),
  changes: () => msg(words.changes),
  actionLabel: ({ loggedPackage }) =>
    loggedPackage ? msg(words.actionWithPackage, { package: loggedPackage }) : msg(words.action),
  packageUse: 'required',
};
