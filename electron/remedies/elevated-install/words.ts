import type { RemedyWords } from '../remedyWords';

export const elevatedInstallWords: RemedyWords = {
  title: 'Install with administrator rights',
  changes: ({ os }) =>
    `Changes the shared Python for every user of this computer, with ${os.administrator === 'root' ? 'root (sudo)' : 'administrator'} rights.`,
  actionLabel: ({ os, loggedPackage }) => {
    const rights = `${os.administrator} rights`;
    return loggedPackage ? `Install ${loggedPackage} with ${rights}` : `Install with ${rights}`;
  },
  packageUse: 'required',
};
