import { defineMessages } from '@formatjs/intl';

/** The words of the plan that waits for a sign-out or restart: {package} is a package name, {python} a program's path. */
export const restartPlanWords = defineMessages({
  titleInstall: {
    id: 'plan.restart.title.install',
    defaultMessage: 'Restart, then install {package}',
  },
  title: { id: 'plan.restart.title', defaultMessage: 'Restart to release the held files' },
  awaitStep: {
    id: 'plan.restart.step.await',
    defaultMessage:
      '{system, select, windows {Sign out or restart Windows} other {Log out or restart}}',
    description:
      'A step the user does: Windows says "Sign out" (use Windows\' own words), Linux and macOS "Log out". {system} is windows or other.',
  },
  installStep: { id: 'plan.restart.step.install', defaultMessage: 'Install {package}' },
  installChanges: {
    id: 'plan.restart.step.install.changes',
    defaultMessage:
      "Installs {package} into {python}'s folders, before an editor can hold them again.",
  },
  afterTitle: { id: 'plan.restart.instruction.title', defaultMessage: 'After you sign in again' },
  afterText: {
    id: 'plan.restart.instruction.text',
    defaultMessage:
      'Open Pip Doctor before your editor or Jupyter; it offers to continue where it stopped.',
  },
});
