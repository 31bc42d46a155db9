import { defineMessages } from '@formatjs/intl';

/** The venv plan's words: {folder} is a path, {package} a package name, {python} a program's path. */
export const venvPlanWords = defineMessages({
  createTitle: {
    id: 'plan.venv.title.create',
    defaultMessage: 'Create a virtual environment in {folder}',
    description: 'Title of a fix plan. {folder} is a path.',
  },
  createAndInstallTitle: {
    id: 'plan.venv.title.createAndInstall',
    defaultMessage: 'Create a virtual environment in {folder} and install {package} into it',
    description: 'Title of a fix plan. {folder} is a path, {package} a package name.',
  },
  reuseAndInstallTitle: {
    id: 'plan.venv.title.reuseAndInstall',
    defaultMessage: 'Use the virtual environment in {folder} and install {package} into it',
    description:
      'Title of a fix plan whose folder already is a virtual environment. {folder} is a path, {package} a package name.',
  },
  createStep: {
    id: 'plan.venv.step.create',
    defaultMessage: 'Create the virtual environment',
  },
  createChanges: {
    id: 'plan.venv.step.create.changes',
    defaultMessage:
      "Creates the folder {folder}: a private copy of Python's tools where packages can go without administrator rights.",
  },
  installStep: {
    id: 'plan.venv.step.install',
    defaultMessage: 'Install {package} into it',
    description: '"it" is the virtual environment. {package} is a package name.',
  },
  installChanges: {
    id: 'plan.venv.step.install.changes',
    defaultMessage:
      'Installs {package} (and what it needs) into {folder} only; {python} is not touched.',
    description:
      '{package} is a package name, {folder} the virtual environment, {python} the Python it was made from.',
  },
  reuseWarning: {
    id: 'plan.venv.warning.reuse',
    defaultMessage:
      '{folder} already is a virtual environment. Pip Doctor installs into it; Undo removes only what this install added, never the folder.',
  },
  undoStep: {
    id: 'plan.venv.undo.step',
    defaultMessage: 'Remove the virtual environment {folder}',
  },
  undoChanges: {
    id: 'plan.venv.undo.changes',
    defaultMessage: 'Deletes {folder}, which this action created, and everything in it.',
  },
});
