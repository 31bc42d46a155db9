import type { RemedyWords } from '../remedyWords';

export const grantAccessWords: RemedyWords = {
  title: 'Give your account write access to the folder',
  changes: () =>
    'Changes who may write to that folder. Other programs may rely on it staying as it is.',
  actionLabel: () => 'Give your account write access',
  packageUse: 'none',
};
