import { defineMessages } from '@formatjs/intl';

/** The words of the plan that runs pip as administrator: {package} is a package name, {python} a program's path. */
export const elevatedPlanWords = defineMessages({
  title: {
    id: 'plan.elevatedInstall.title',
    defaultMessage: 'Install {package} as administrator',
  },
  changes: {
    id: 'plan.elevatedInstall.step.changes',
    defaultMessage:
      "Installs {package} (and what it needs) into {python}'s own folders, as administrator.",
    description:
      '{python} is the path of a Python program, e.g. C:\\Program Files\\Python312\\python.exe.',
  },
  againWarning: {
    id: 'plan.elevatedInstall.warning.again',
    defaultMessage:
      'Every later install or upgrade of this package needs administrator rights again.',
  },
});
