import { defineMessages } from '@formatjs/intl';

/** The words of the plan that closes the programs holding files; {program} is a program as the user knows it. */
export const closePlanWords = defineMessages({
  titleOne: {
    id: 'plan.close.title.one',
    defaultMessage: 'Close the {program}',
    description:
      'Title of a fix plan closing one program, e.g. "Close the Jupyter kernel (VS Code notebook)".',
  },
  titleMany: {
    id: 'plan.close.title.many',
    defaultMessage: 'Close {count, plural, one {# program} other {# programs}}: {programs}',
    description:
      'Title of a fix plan closing several programs. {count} is how many; {programs} lists their names ("a, b and c").',
  },
  askStep: { id: 'plan.close.step.ask', defaultMessage: 'Ask the programs to close' },
  askChangesWindows: {
    id: 'plan.close.step.ask.changes.windows',
    defaultMessage:
      'Asks each program to end on its own: one with a window closes it, as its close button would; a kernel or a background program just stops.',
  },
  askChangesSignal: {
    id: 'plan.close.step.ask.changes.signal',
    defaultMessage:
      'Sends each program the signal to end (SIGTERM): one with a window closes it; a kernel or a background program just stops.',
    description: 'SIGTERM is the name of a signal; keep it.',
  },
  forceStep: {
    id: 'plan.close.step.force',
    defaultMessage: 'Close by force the programs still running',
  },
  forceChangesWindows: {
    id: 'plan.close.step.force.changes.windows',
    defaultMessage:
      'Ends the programs still running at once, each checked by its start time first; programs they started are left running. Unsaved work in them is lost.',
  },
  forceChangesSignal: {
    id: 'plan.close.step.force.changes.signal',
    defaultMessage:
      'Ends the programs still running at once (SIGKILL). Unsaved work in them is lost.',
    description: 'SIGKILL is the name of a signal; keep it.',
  },
  forceConfirmation: {
    id: 'plan.close.step.force.confirmation',
    defaultMessage:
      'These programs did not close when asked. Close them by force? Anything unsaved in them is lost.',
  },
  leftAloneOtherUser: {
    id: 'plan.close.warning.otherUser',
    defaultMessage:
      '{program} is left alone: it belongs to {user}; only an administrator can close it.',
    description: '{program} is a running program, {user} the account it runs as.',
  },
  leftAloneAnotherUser: {
    id: 'plan.close.warning.anotherUser',
    defaultMessage:
      '{program} is left alone: it belongs to another user; only an administrator can close it.',
  },
  leftAloneUnknownStart: {
    id: 'plan.close.warning.unknownStart',
    defaultMessage:
      '{program} is left alone: its start time is unknown, so a reused process id could not be told apart; close it yourself.',
  },
  leftAloneProtected: {
    id: 'plan.close.warning.protected',
    defaultMessage: '{program} is left alone: {reason}.',
    description:
      '{program} is a running program; {reason} says why it must not be closed (from the system check).',
  },
  dataLoss: {
    id: 'plan.close.warning.dataLoss',
    defaultMessage: 'Unsaved work in these programs will be lost: save it first.',
  },
  dataLossKernel: {
    id: 'plan.close.warning.dataLossKernel',
    defaultMessage:
      'Unsaved work in these programs will be lost: save it first. A notebook keeps its saved file, but its kernel forgets every variable; run its cells again afterwards.',
  },
  noReopen: {
    id: 'plan.close.warning.noReopen',
    defaultMessage:
      'A closed program cannot be reopened by Undo; open it again yourself afterwards.',
  },
});
