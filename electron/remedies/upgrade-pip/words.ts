import type { RemedyWords } from '../remedyWords';

export const upgradePipWords: RemedyWords = {
  title: 'Upgrade pip',
  changes: () => 'Replaces pip, setuptools and wheel in this Python with their newest versions.',
  actionLabel: () => 'Upgrade pip',
  packageUse: 'none',
};
