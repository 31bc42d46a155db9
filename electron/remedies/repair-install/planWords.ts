import { defineMessages } from '@formatjs/intl';

/** The words of the plan that clears what an interrupted pip run left: {python} is a program's path. */
export const repairPlanWords = defineMessages({
  title: {
    id: 'plan.repair.title',
    defaultMessage: 'Repair {python} after an interrupted pip run',
  },
  checkStep: {
    id: 'plan.repair.step.check',
    defaultMessage: 'Check that no program uses the leftovers',
    description: 'Leftovers: files pip set aside during an install and meant to delete.',
  },
  ensurepipStep: { id: 'plan.repair.step.ensurepip', defaultMessage: 'Bring pip back' },
  ensurepipChanges: {
    id: 'plan.repair.step.ensurepip.changes',
    defaultMessage: "Installs the pip that ships with Python into {python}'s folders.",
  },
  removeStep: { id: 'plan.repair.step.remove', defaultMessage: 'Remove the leftovers' },
  removeChanges: {
    id: 'plan.repair.step.remove.changes',
    defaultMessage: 'Deletes {paths}: copies pip had set aside and meant to delete.',
    description: '{paths} lists the paths of the files and folders deleted.',
  },
  noBackWarning: {
    id: 'plan.repair.warning.noBack',
    defaultMessage:
      'Deleted leftovers cannot be brought back; they are copies pip itself meant to delete.',
  },
});
