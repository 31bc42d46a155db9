import type { RemedyWords } from '../remedyWords';

export const venvWords: RemedyWords = {
  title: 'Use a virtual environment',
  changes: () =>
    'Creates a .venv folder in your project and installs the package there. Nothing outside that folder changes.',
  actionLabel: ({ loggedPackage }) =>
    loggedPackage
      ? `Create a virtual environment and install ${loggedPackage}`
      : 'Create a virtual environment',
  packageUse: 'optional',
};
