import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.elevated-install.title',
    defaultMessage: 'Install with administrator rights',
  },
  changes: {
    id: 'advice.elevated-install.changes',
    defaultMessage:
      '{administrator, select, root {Changes the shared Python for every user of this computer, with root (sudo) rights.} other {Changes the shared Python for every user of this computer, with administrator rights.}}',
    description:
      '{administrator} is "root" on Linux and macOS (keep "root" and "sudo" as they are), "administrator" on Windows',
  },
  action: {
    id: 'advice.elevated-install.action',
    defaultMessage:
      '{administrator, select, root {Install with root rights} other {Install with administrator rights}}',
    description:
      'Button that opens the plan; {administrator} is "root" on Linux and macOS (keep "root"), "administrator" on Windows',
  },
  actionWithPackage: {
    id: 'advice.elevated-install.actionWithPackage',
    defaultMessage:
      '{administrator, select, root {Install {package} with root rights} other {Install {package} with administrator rights}}',
    description:
      'Button that opens the plan; {package} is the package name (requests), {administrator} is "root" on Linux and macOS (keep "root"), "administrator" on Windows',
  },
});

export const elevatedInstallWords: RemedyWords = {
  title: msg(words.title),
  changes: ({ os }) => msg(words.changes, { administrator: os.administrator }),
  actionLabel: ({ os, loggedPackage }) =>
    loggedPackage
      ? msg(words.actionWithPackage, { administrator: os.administrator, package: loggedPackage })
      : msg(words.action, { administrator: os.administrator }),
  packageUse: 'required',
};
