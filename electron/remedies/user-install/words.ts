import type { RemedyWords } from '../remedyWords';

export const userInstallWords: RemedyWords = {
  title: 'Install for your user only',
  changes: () =>
    'Installs the package into your own user folder. The shared Python stays as it is.',
  actionLabel: ({ loggedPackage }) =>
    loggedPackage ? `Install ${loggedPackage} for your user only` : 'Install for your user only',
  packageUse: 'required',
};
