import type { RemedyWords } from '../remedyWords';

export const runAgainWords: RemedyWords = {
  title: 'Run your pip command again',
  changes: () => 'Nothing but what your pip command itself installs.',
  actionLabel: () => null,
  packageUse: 'none',
};
