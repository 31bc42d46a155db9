import type { ActionOutcome, StepReport } from '../../../electron/shared/contract';
import type { StepProgressStatus } from '../state/actionSession';

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
      return { title: 'The fix did not work', tone: 'error' };
  }
}
