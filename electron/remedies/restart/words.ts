import type { RemedyWords } from '../remedyWords';

export const restartWords: RemedyWords = {
  title: 'Restart the computer',
  changes: () => 'Closes every program. Nothing else changes.',
  actionLabel: () => 'Finish the install after a restart',
  packageUse: 'optional',
};
