import type { RemedyWords } from '../remedyWords';

export const closeProcessesWords: RemedyWords = {
  title: 'Close the programs that hold the files',
  changes: () => 'Stops the programs listed. Save your work in them first.',
  actionLabel: () => 'Close these programs',
  packageUse: 'none',
};
