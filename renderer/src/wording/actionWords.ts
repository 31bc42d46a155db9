import { defineMessages } from 'react-intl';
import type { ActionOutcome, StepReport } from '../../../electron/shared/contract';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message, MessageValue } from '../../../electron/shared/i18n/message';
import type { ActionSession, StepProgressStatus } from '../state/actionSession';
import { holderGroups, tickedGroups } from '../state/holderGroups';
import { packageNameProblem } from '../state/planChoices';

const stepStatus = defineMessages({
  waiting: {
    id: 'ui.action.step.waiting',
    defaultMessage: 'not started',
    description: 'The state of one step of a fix, beside its icon (lower case, a few words)',
  },
  running: {
    id: 'ui.action.step.running',
    defaultMessage: 'in progress',
    description: 'The state of one step of a fix, beside its icon',
  },
  done: {
    id: 'ui.action.step.done',
    defaultMessage: 'done',
    description: 'The state of one step of a fix, beside its icon',
  },
  failed: {
    id: 'ui.action.step.failed',
    defaultMessage: 'failed',
    description: 'The state of one step of a fix, beside its icon',
  },
  skipped: {
    id: 'ui.action.step.skipped',
    defaultMessage: 'skipped',
    description: 'The state of one step of a fix, beside its icon',
  },
  declined: {
    id: 'ui.action.step.declined',
    defaultMessage: 'not allowed',
    description: 'The state of one step of a fix: the user did not give administrator rights',
  },
  cancelled: {
    id: 'ui.action.step.cancelled',
    defaultMessage: 'cancelled',
    description: 'The state of one step of a fix, beside its icon',
  },
  notRun: {
    id: 'ui.action.step.notRun',
    defaultMessage: 'did not run',
    description: 'The state of one step of a fix that never started',
  },
  asking: {
    id: 'ui.action.step.asking',
    defaultMessage: 'Waiting for your answer',
    description: 'A step of a fix that waits for the user to answer a question',
  },
  incomplete: {
    id: 'ui.action.step.incomplete',
    defaultMessage: 'not everything worked',
    description: 'A step of a fix that ended but left something undone (a program still open)',
  },
  byUser: {
    id: 'ui.action.step.byUser',
    defaultMessage: 'waiting for you to sign out or restart',
    description: 'A step of a fix that only the user can finish, by signing out or restarting',
  },
  spoken: {
    id: 'ui.action.step.spoken',
    defaultMessage: '{step}: {status}.',
    description:
      'Read aloud by screen readers as a fix runs: {step} is the step\'s title, {status} its state ("in progress")',
  },
});

/** A step's state in a word or two, for the icon's neighbour and for screen readers. */
export const STEP_STATUS_WORDS: Readonly<Record<StepProgressStatus, Message>> = {
  waiting: msg(stepStatus.waiting),
  running: msg(stepStatus.running),
  done: msg(stepStatus.done),
  failed: msg(stepStatus.failed),
  skipped: msg(stepStatus.skipped),
  declined: msg(stepStatus.declined),
  cancelled: msg(stepStatus.cancelled),
  'not-run': msg(stepStatus.notRun),
};

/** "Close the programs: in progress.", what a screen reader says as a step moves. */
export function stepStatusSpoken(stepTitle: MessageValue, status: StepProgressStatus): Message {
  return msg(stepStatus.spoken, { step: stepTitle, status: STEP_STATUS_WORDS[status] });
}

/** How a step is shown: its state, or what its state hides (a question, things left undone). */
export type StepShownAs = StepProgressStatus | 'asking' | 'incomplete' | 'by-user';

/** The words for the states a step's status alone would misname. */
export const STEP_SHOWN_WORDS: Readonly<Record<Exclude<StepShownAs, StepProgressStatus>, Message>> =
  {
    asking: msg(stepStatus.asking),
    incomplete: msg(stepStatus.incomplete),
    'by-user': msg(stepStatus.byUser),
  };

/**
 * A step as the user should read it. "done" with things still running (a
 * program that did not close) is not a success; a step waiting on the
 * user's answer is not "in progress"; a step waiting for a sign-out is
 * the user's to do.
 */
export function stepShownAs(
  status: StepProgressStatus,
  report: StepReport | null,
  asking: boolean,
): StepShownAs {
  if (asking) return 'asking';
  if (status === 'done' && report?.items.some((item) => LEFT_UNDONE.has(item.status)))
    return 'incomplete';
  if (status === 'waiting' && report !== null) return 'by-user';
  return status;
}

const LEFT_UNDONE = new Set<StepReport['items'][number]['status']>([
  'still-running',
  'denied',
  'failed',
]);

export function stepShownWords(shown: StepShownAs): Message {
  return shown in STEP_SHOWN_WORDS
    ? STEP_SHOWN_WORDS[shown as keyof typeof STEP_SHOWN_WORDS]
    : STEP_STATUS_WORDS[shown as StepProgressStatus];
}

const itemStatus = defineMessages({
  done: {
    id: 'ui.action.item.done',
    defaultMessage: 'done',
    description: 'What became of one thing a step of a fix acted on (a program, a folder)',
  },
  gone: {
    id: 'ui.action.item.gone',
    defaultMessage: 'had already closed',
    description: 'A program the fix was to close had already closed by itself',
  },
  denied: {
    id: 'ui.action.item.denied',
    defaultMessage: 'not allowed',
    description: 'The system did not allow the fix to act on this program or folder',
  },
  refused: {
    id: 'ui.action.item.refused',
    defaultMessage: 'left alone',
    description: 'The fix chose not to touch this program (a system program, the app itself)',
  },
  stillRunning: {
    id: 'ui.action.item.stillRunning',
    defaultMessage: 'still running',
    description: 'A program the fix was to close is still running',
  },
  failed: {
    id: 'ui.action.item.failed',
    defaultMessage: 'failed',
    description: 'What became of one thing a step of a fix acted on',
  },
  skipped: {
    id: 'ui.action.item.skipped',
    defaultMessage: 'skipped',
    description: 'What became of one thing a step of a fix acted on',
  },
});

/** What a thing a step acted on ended as ("Closed", "Still running"). */
export const STEP_ITEM_WORDS: Readonly<Record<StepReport['items'][number]['status'], Message>> = {
  done: msg(itemStatus.done),
  gone: msg(itemStatus.gone),
  denied: msg(itemStatus.denied),
  refused: msg(itemStatus.refused),
  'still-running': msg(itemStatus.stillRunning),
  failed: msg(itemStatus.failed),
  skipped: msg(itemStatus.skipped),
};

export type OutcomeTone = 'success' | 'info' | 'warning' | 'error';

const headlines = defineMessages({
  checked: {
    id: 'ui.action.outcome.checked',
    defaultMessage: 'Done, and checked: it worked',
    description: 'Headline after a fix ran and the app checked that it worked',
  },
  done: {
    id: 'ui.action.outcome.done',
    defaultMessage: 'Done',
    description: 'Headline after a fix ran',
  },
  declined: {
    id: 'ui.action.outcome.declined',
    defaultMessage: 'Administrator rights were not given',
    description: 'Headline when the user said No to the administrator prompt (not an error)',
  },
  cancelled: {
    id: 'ui.action.outcome.cancelled',
    defaultMessage: 'Cancelled',
    description: 'Headline when the user cancelled a fix',
  },
  needsRestart: {
    id: 'ui.action.outcome.needsRestart',
    defaultMessage: 'Almost: a restart is needed',
    description: 'Headline when a fix worked but Windows must restart before it takes effect',
  },
  notYet: {
    id: 'ui.action.outcome.notYet',
    defaultMessage: 'Not fixed yet',
    description: 'Headline when the user chose to keep programs open, so the fix is not finished',
  },
  failed: {
    id: 'ui.action.outcome.failed',
    defaultMessage: 'The fix did not work',
    description: 'Headline when a fix failed',
  },
});

/**
 * The outcome's headline and tone. A refused administrator prompt or a
 * cancel is the user's choice: said calmly, never as an error.
 */
export function outcomeHeadline(outcome: ActionOutcome): { title: Message; tone: OutcomeTone } {
  switch (outcome.status) {
    case 'succeeded':
      return outcome.verification.ok === true
        ? { title: msg(headlines.checked), tone: 'success' }
        : { title: msg(headlines.done), tone: 'success' };
    case 'declined':
      return { title: msg(headlines.declined), tone: 'info' };
    case 'cancelled':
      return { title: msg(headlines.cancelled), tone: 'info' };
    case 'needs-restart':
      return { title: msg(headlines.needsRestart), tone: 'warning' };
    case 'failed':
      // The user's No left programs running: their choice, not a broken fix; what is left follows.
      return keptRunningByChoice(outcome)
        ? { title: msg(headlines.notYet), tone: 'warning' }
        : { title: msg(headlines.failed), tone: 'error' };
  }
}

const runLabels = defineMessages({
  undo: {
    id: 'ui.action.run.undo',
    defaultMessage: 'Undo the fix',
    description: 'Button that undoes a fix made earlier',
  },
  resume: {
    id: 'ui.action.run.resume',
    defaultMessage: 'Resume the fix',
    description: 'Button that continues a fix that was interrupted',
  },
  venv: {
    id: 'ui.action.run.venv',
    defaultMessage: 'Create the environment',
    description: 'Button that creates a virtual environment',
  },
  venvWithPackage: {
    id: 'ui.action.run.venvWithPackage',
    defaultMessage: 'Create the environment and install {package}',
    description:
      'Button that creates a virtual environment; {package} is a package name (requests)',
  },
  userInstall: {
    id: 'ui.action.run.userInstall',
    defaultMessage: 'Install for your user only',
    description: 'Button that installs with pip --user',
  },
  userInstallWithPackage: {
    id: 'ui.action.run.userInstallWithPackage',
    defaultMessage: 'Install {package} for your user only',
    description: 'Button that installs with pip --user; {package} is a package name (requests)',
  },
  elevatedInstall: {
    id: 'ui.action.run.elevatedInstall',
    defaultMessage: 'Install as administrator',
    description: 'Button that installs with administrator rights',
  },
  elevatedInstallWithPackage: {
    id: 'ui.action.run.elevatedInstallWithPackage',
    defaultMessage: 'Install {package} as administrator',
    description: 'Button that installs with administrator rights; {package} is a package name',
  },
  closePrograms: {
    id: 'ui.action.run.closePrograms',
    defaultMessage: 'Close programs',
    description: 'Button that closes the programs holding files, before any is ticked',
  },
  closeCount: {
    id: 'ui.action.run.closeCount',
    defaultMessage: '{count, plural, one {Close # program} other {Close # programs}}',
    description: 'Button that closes the ticked programs; {count} is how many',
  },
  grantAccess: {
    id: 'ui.action.run.grantAccess',
    defaultMessage: 'Give your account write access',
    description: 'Button that lets the user’s account change the Python folder',
  },
  upgradePip: {
    id: 'ui.action.run.upgradePip',
    defaultMessage: 'Upgrade pip',
    description: 'Button that upgrades pip',
  },
  enableLongPaths: {
    id: 'ui.action.run.enableLongPaths',
    defaultMessage: 'Turn on long paths',
    description: 'Button that turns on Windows’ long path support',
  },
  repairInstall: {
    id: 'ui.action.run.repairInstall',
    defaultMessage: 'Clean up the leftovers',
    description: 'Button that removes what a half-finished pip install left behind',
  },
  restart: {
    id: 'ui.action.run.restart',
    defaultMessage: 'Continue after a restart',
    description: 'Button that finishes a fix after Windows restarts',
  },
  restartWithPackage: {
    id: 'ui.action.run.restartWithPackage',
    defaultMessage: 'Install {package} after a restart',
    description: 'Button that installs after Windows restarts; {package} is a package name',
  },
  other: {
    id: 'ui.action.run.other',
    defaultMessage: '{fix}',
    description: 'Button that runs a fix without words of its own: {fix} is the fix’s title',
  },
});

/**
 * The plan's primary button says what it does ("Create the environment and
 * install requests", "Close 2 programs"), never "Do it": the last words the
 * user reads before anything changes. The package and the ticked programs
 * are the ones chosen in the dialog.
 */
export function runButtonLabel(session: ActionSession): Message {
  const { origin, choices } = session;
  if (origin.kind === 'undo') return msg(runLabels.undo);
  if (origin.kind === 'resume') return msg(runLabels.resume);
  // A name that is not one yet (being typed, refused) stays out of the button.
  const typed = choices.packageName.trim();
  const pkg = typed !== '' && packageNameProblem(typed) === null ? typed : null;
  const withPackage = pkg === null ? undefined : { package: pkg };
  switch (origin.remedy) {
    case 'venv':
      return withPackage ? msg(runLabels.venvWithPackage, withPackage) : msg(runLabels.venv);
    case 'user-install':
      return withPackage
        ? msg(runLabels.userInstallWithPackage, withPackage)
        : msg(runLabels.userInstall);
    case 'elevated-install':
      return withPackage
        ? msg(runLabels.elevatedInstallWithPackage, withPackage)
        : msg(runLabels.elevatedInstall);
    case 'close-processes': {
      const count = tickedGroups(holderGroups(choices.holders ?? []), choices.unticked).length;
      return count === 0 ? msg(runLabels.closePrograms) : msg(runLabels.closeCount, { count });
    }
    case 'grant-access':
      return msg(runLabels.grantAccess);
    case 'upgrade-pip':
      return msg(runLabels.upgradePip);
    case 'enable-long-paths':
      return msg(runLabels.enableLongPaths);
    case 'repair-install':
      return msg(runLabels.repairInstall);
    case 'restart':
      return withPackage ? msg(runLabels.restartWithPackage, withPackage) : msg(runLabels.restart);
    default:
      return msg(runLabels.other, { fix: origin.title });
  }
}

/** A step the user answered No to left things running (the force-close step's report). */
function keptRunningByChoice(outcome: ActionOutcome): boolean {
  return outcome.steps.some(
    (step) =>
      step.status === 'skipped' && step.items.some((item) => item.status === 'still-running'),
  );
}
