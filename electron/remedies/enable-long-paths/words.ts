import type { RemedyWords } from '../remedyWords';

export const enableLongPathsWords: RemedyWords = {
  title: 'Turn on long paths in Windows',
  changes: () =>
    'Changes one Windows setting for the whole computer. Needs administrator rights once.',
  actionLabel: ({ os }) => (os.pathLengthLimit !== null ? 'Turn on long paths' : null),
  packageUse: 'none',
};
