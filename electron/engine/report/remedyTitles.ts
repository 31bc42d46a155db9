import type { RemedyId } from '../../shared/model/vocabulary';

/** Each remedy in a few plain words, for headings in the exported report. */
export const REMEDY_TITLES: Readonly<Record<RemedyId, string>> = {
  venv: 'Use a virtual environment',
  'user-install': 'Install for your user only',
  'close-processes': 'Close the programs that hold the files',
  'elevated-install': 'Install with administrator rights',
  'grant-access': 'Give your account write access to the folder',
  'upgrade-pip': 'Upgrade pip',
  'enable-long-paths': 'Turn on long paths in Windows',
  'use-python-m-pip': 'Run pip as "python -m pip"',
  'pipx-or-venv': 'Install the application with pipx',
  'repair-install': 'Clean up what an interrupted pip run left behind',
  restart: 'Restart the computer',
};
