import { defineMessages } from '@formatjs/intl';

/** The words of the plan that upgrades pip: {python} is a program's path, {version} pip's version. */
export const upgradePipPlanWords = defineMessages({
  title: { id: 'plan.upgradePip.title', defaultMessage: 'Upgrade pip in {python}' },
  step: { id: 'plan.upgradePip.step', defaultMessage: 'Upgrade pip, setuptools and wheel' },
  changes: {
    id: 'plan.upgradePip.step.changes',
    defaultMessage:
      "Replaces pip {version} (and setuptools and wheel) in {python}'s folders with their newest versions.",
  },
  changesNoVersion: {
    id: 'plan.upgradePip.step.changesNoVersion',
    defaultMessage:
      "Replaces pip (and setuptools and wheel) in {python}'s folders with their newest versions.",
  },
  noUndoWarning: {
    id: 'plan.upgradePip.warning.noUndo',
    defaultMessage:
      'An upgrade of pip cannot be undone here; an older pip can be installed again by version.',
  },
});
