import type { RemedyWords } from '../remedyWords';

export const usePythonMPipWords: RemedyWords = {
  title: 'Run pip as "python -m pip"',
  changes: () => 'Nothing changes on your computer: it is another way to start pip.',
  actionLabel: () => null,
  packageUse: 'none',
};
