import type { RemedyWords } from '../remedyWords';

export const pipxWords: RemedyWords = {
  title: 'Install the application with pipx',
  changes: () =>
    'Gives the tool a private environment of its own and puts its command on your PATH.',
  actionLabel: () => null,
  packageUse: 'none',
};
