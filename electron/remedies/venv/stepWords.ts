import { defineMessages } from '@formatjs/intl';

/** How the virtual environment's steps ended. {folder} is a path, never translated. */
export const venvStepWords = defineMessages({
  creating: {
    id: 'run.venv.creating',
    defaultMessage: 'Creating the virtual environment',
    description: 'Names the step in "{what} failed…".',
  },
  created: { id: 'run.venv.created', defaultMessage: 'Created {folder}.' },
  goneAlready: { id: 'run.venv.goneAlready', defaultMessage: '{folder} is gone already.' },
  notVenv: {
    id: 'run.venv.notVenv',
    defaultMessage: '{folder} is no longer a virtual environment, so Pip Doctor leaves it alone.',
  },
  emptied: {
    id: 'run.venv.emptied',
    defaultMessage: 'Emptied {folder} again.',
    description: 'Undo: the folder existed, empty, before the fix; it is empty again.',
  },
  removed: { id: 'run.venv.removed', defaultMessage: 'Removed {folder}.' },
});
