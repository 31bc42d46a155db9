import { defineMessages } from '@formatjs/intl';

/** The words of the plan that lifts Windows' 260-character limit (LongPathsEnabled is the registry value's name). */
export const longPathsPlanWords = defineMessages({
  title: { id: 'plan.longPaths.title', defaultMessage: 'Enable long paths in Windows' },
  readStep: { id: 'plan.longPaths.step.read', defaultMessage: 'Note the current setting' },
  enableStep: { id: 'plan.longPaths.step.enable', defaultMessage: 'Enable long paths' },
  enableChanges: {
    id: 'plan.longPaths.step.enable.changes',
    defaultMessage: 'Sets LongPathsEnabled to 1 in {key}, for every account on this computer.',
    description: '{key} is a registry key (HKLM\\SYSTEM\\…\\FileSystem).',
  },
  newTerminalTitle: {
    id: 'plan.longPaths.instruction.title',
    defaultMessage: 'Open a new terminal (and restart your editor) before running pip again',
  },
  newTerminalText: {
    id: 'plan.longPaths.instruction.text',
    defaultMessage: 'Programs started before the change still have the 260-character limit.',
  },
  undoStep: { id: 'plan.longPaths.undo.step', defaultMessage: 'Put the long paths setting back' },
  undoRemove: {
    id: 'plan.longPaths.undo.remove',
    defaultMessage: 'Removes LongPathsEnabled again (it was not set before).',
  },
  undoSet: {
    id: 'plan.longPaths.undo.set',
    defaultMessage: 'Sets LongPathsEnabled back to {value}.',
    description: '{value} is the number the setting had before (0 or 1); keep it as a plain value.',
  },
  undoNotRecorded: {
    id: 'plan.longPaths.undo.notRecorded',
    defaultMessage:
      'The value of LongPathsEnabled before the change was not recorded, so it is left as it is.',
  },
});
