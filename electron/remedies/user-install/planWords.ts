import { defineMessages } from '@formatjs/intl';

/** The words of `pip install --user`'s plan: {package} is a package name, {folder} a path. */
export const userInstallPlanWords = defineMessages({
  title: {
    id: 'plan.userInstall.title',
    defaultMessage: 'Install {package} for your account only',
  },
  installStep: {
    id: 'plan.userInstall.step.install',
    defaultMessage: 'Install {package} into your own folder',
  },
  installChanges: {
    id: 'plan.userInstall.step.install.changes',
    defaultMessage: 'Installs {package} (and what it needs) into {folder}.',
  },
  installChangesNoFolder: {
    id: 'plan.userInstall.step.install.changesNoFolder',
    defaultMessage: 'Installs {package} (and what it needs) into your user site-packages folder.',
  },
  pathStep: {
    id: 'plan.userInstall.step.path',
    defaultMessage: 'Put your Scripts folder on your PATH',
    description: 'Scripts is the name of a folder; PATH is the environment variable.',
  },
  pathChanges: {
    id: 'plan.userInstall.step.path.changes',
    defaultMessage:
      "Adds {folder} to the PATH of your account (HKCU\\Environment), if it is not there yet. Terminals opened afterwards find the package's commands.",
  },
  undoPathStep: {
    id: 'plan.userInstall.undo.path',
    defaultMessage: 'Take the Scripts folder off your PATH',
  },
  undoPathChanges: {
    id: 'plan.userInstall.undo.path.changes',
    defaultMessage: "Removes {folder} from your account's PATH again.",
  },
});
