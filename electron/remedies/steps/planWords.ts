import { defineMessages } from '@formatjs/intl';

/** The words of the undo of a pip install: {packages} lists package names. */
export const pipUndoPlanWords = defineMessages({
  uninstallStep: {
    id: 'plan.pipUndo.step',
    defaultMessage: 'Uninstall {packages}',
    description: '{packages} lists package names ("a, b and c").',
  },
  uninstallChanges: {
    id: 'plan.pipUndo.step.changes',
    defaultMessage: 'Removes {packages}, which this action installed.',
    description: '{packages} lists package names ("a, b and c").',
  },
  notRecorded: {
    id: 'plan.pipUndo.warning.notRecorded',
    defaultMessage: 'What the install added was not recorded, so nothing is uninstalled.',
  },
  upgraded: {
    id: 'plan.pipUndo.warning.upgraded',
    defaultMessage:
      '{package} was upgraded from {from} to {to}; the old version cannot be brought back offline, so it stays.',
    description: '{package} is a package name, {from} and {to} are version numbers.',
  },
  notNames: {
    id: 'plan.pipUndo.warning.notNames',
    defaultMessage: 'Some names in the record are not package names, so they are left out.',
  },
});
