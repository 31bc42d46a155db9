import type { ActionOutcome, StepReport } from '../../../electron/shared/contract';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import type { RemedyId } from '../../../electron/shared/model/vocabulary';
import type { StepProgressStatus } from '../state/actionSession';

type Platform = Diagnosis['platform'];

/**
 * The one-click button of each remedy Pip Doctor can carry out (those
 * electron/actions/plans/buildRecipe.ts has a builder for); null for advice
 * the user types themselves.
 */
export function actionButtonLabel(
  remedy: RemedyId,
  packageName: string,
  platform: Platform,
): string | null {
  const pkg = packageName === '' ? null : packageName;
  switch (remedy) {
    case 'venv':
      return pkg
        ? `Create a virtual environment and install ${pkg}`
        : 'Create a virtual environment';
    case 'user-install':
      return pkg ? `Install ${pkg} for your user only` : 'Install for your user only';
    case 'close-processes':
      return 'Close these programs';
    case 'elevated-install': {
      const rights = platform === 'win32' ? 'administrator rights' : 'root rights';
      return pkg ? `Install ${pkg} with ${rights}` : `Install with ${rights}`;
    }
    case 'grant-access':
      return 'Give your account write access';
    case 'upgrade-pip':
      return 'Upgrade pip';
    case 'enable-long-paths':
      return platform === 'win32' ? 'Turn on long paths' : null;
    case 'repair-install':
      return 'Clean up the leftovers';
    case 'restart':
      return 'Finish the install after a restart';
    case 'use-python-m-pip':
    case 'pipx-or-venv':
      return null;
  }
}

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
