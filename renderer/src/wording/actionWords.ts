import type { ActionOutcome, StepReport } from '../../../electron/shared/contract';
import type { Message } from '../../../electron/shared/i18n/message';
import type { ActionSession, StepProgressStatus } from '../state/actionSession';
import { holderGroups, tickedGroups } from '../state/holderGroups';
import { packageNameProblem } from '../state/planChoices';

/** A step's state in a word or two, for the icon's neighbour and for screen readers. */
export const STEP_STATUS_WORDS: Readonly<Record<StepProgressStatus, string>> = {
  waiting: 'not started',
  running: 'in progress',
  done: 'done',
  failed: 'failed',
  skipped: 'skipped',
  declined: 'not allowed',
  cancelled: 'cancelled',
  'not-run': 'did not run',
};

/** How a step is shown: its state, or what its state hides (a question, things left undone). */
export type StepShownAs = StepProgressStatus | 'asking' | 'incomplete' | 'by-user';

/** The words for the states a step's status alone would misname. */
export const STEP_SHOWN_WORDS: Readonly<Record<Exclude<StepShownAs, StepProgressStatus>, string>> =
  {
    asking: 'Waiting for your answer',
    incomplete: 'not everything worked',
    'by-user': 'waiting for you to sign out or restart',
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

export function stepShownWords(shown: StepShownAs): string {
  return shown in STEP_SHOWN_WORDS
    ? STEP_SHOWN_WORDS[shown as keyof typeof STEP_SHOWN_WORDS]
    : STEP_STATUS_WORDS[shown as StepProgressStatus];
}

/** What a thing a step acted on ended as ("Closed", "Still running"). */
export const STEP_ITEM_WORDS: Readonly<Record<StepReport['items'][number]['status'], string>> = {
  done: 'done',
  gone: 'had already closed',
  denied: 'not allowed',
  refused: 'left alone',
  'still-running': 'still running',
  failed: 'failed',
  skipped: 'skipped',
};

export type OutcomeTone = 'success' | 'info' | 'warning' | 'error';

/**
 * The outcome's headline and tone. A refused administrator prompt or a
 * cancel is the user's choice: said calmly, never as an error.
 */
export function outcomeHeadline(outcome: ActionOutcome): { title: string; tone: OutcomeTone } {
  switch (outcome.status) {
    case 'succeeded':
      return outcome.verification.ok === true
        ? { title: 'Done, and checked: it worked', tone: 'success' }
        : { title: 'Done', tone: 'success' };
    case 'declined':
      return { title: 'Administrator rights were not given', tone: 'info' };
    case 'cancelled':
      return { title: 'Cancelled', tone: 'info' };
    case 'needs-restart':
      return { title: 'Almost: a restart is needed', tone: 'warning' };
    case 'failed':
      // The user's No left programs running: their choice, not a broken fix; what is left follows.
      return keptRunningByChoice(outcome)
        ? { title: 'Not fixed yet', tone: 'warning' }
        : { title: 'The fix did not work', tone: 'error' };
  }
}

/**
 * The plan's primary button says what it does ("Create the environment and
 * install requests", "Close 2 programs"), never "Do it": the last words the
 * user reads before anything changes. The package and the ticked programs
 * are the ones chosen in the dialog.
 */
export function runButtonLabel(session: ActionSession, text: (message: Message) => string): string {
  const { origin, choices } = session;
  if (origin.kind === 'undo') return 'Undo the fix';
  if (origin.kind === 'resume') return 'Resume the fix';
  // A name that is not one yet (being typed, refused) stays out of the button.
  const typed = choices.packageName.trim();
  const pkg = packageNameProblem(typed) === '' ? typed : '';
  switch (origin.remedy) {
    case 'venv':
      return pkg ? `Create the environment and install ${pkg}` : 'Create the environment';
    case 'user-install':
      return pkg ? `Install ${pkg} for your user only` : 'Install for your user only';
    case 'elevated-install':
      return pkg ? `Install ${pkg} as administrator` : 'Install as administrator';
    case 'close-processes': {
      const count = tickedGroups(holderGroups(choices.holders ?? []), choices.unticked).length;
      if (count === 0) return 'Close programs';
      return `Close ${count} ${count === 1 ? 'program' : 'programs'}`;
    }
    case 'grant-access':
      return 'Give your account write access';
    case 'upgrade-pip':
      return 'Upgrade pip';
    case 'enable-long-paths':
      return 'Turn on long paths';
    case 'repair-install':
      return 'Clean up the leftovers';
    case 'restart':
      return pkg ? `Install ${pkg} after a restart` : 'Continue after a restart';
    default:
      return text(origin.title);
  }
}

/** A step the user answered No to left things running (the force-close step's report). */
function keptRunningByChoice(outcome: ActionOutcome): boolean {
  return outcome.steps.some(
    (step) =>
      step.status === 'skipped' && step.items.some((item) => item.status === 'still-running'),
  );
}
