import type { RemedyWords } from '../remedyWords';

export const repairInstallWords: RemedyWords = {
  title: 'Clean up what an interrupted pip run left behind',
  changes: () =>
    'Deletes what the earlier run left behind (the commands name each path) and reinstalls pip if it is missing.',
  actionLabel: () => 'Clean up the leftovers',
  packageUse: 'none',
};
