import { defineMessages } from '@formatjs/intl';
import type { ActionStatus, StepReport, Verification } from '../../shared/actionModel';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import type { Recipe } from '../planning/recipe';

/*
 * Each outcome is one message with Undo's sentence chosen inside it ({undo}:
 * yes or no), so a translator sees whole sentences. {check} and {detail} are
 * what the check or the step said.
 */
const words = defineMessages({
  succeeded: {
    id: 'run.outcome.succeeded',
    defaultMessage: 'Done: {title}. {check}',
    description: '{title}: the fix, as its plan named it; {check}: what the check afterwards found',
  },
  waitingStep: {
    id: 'run.outcome.waitingStep',
    defaultMessage: '{detail}',
    description: 'A fix that waits for a restart: what its waiting step said, as it is',
  },
  waiting: {
    id: 'run.outcome.waiting',
    defaultMessage:
      '{title}: {check} Pip Doctor remembers this and offers to continue after you sign out or restart.',
    description: '{title}: the fix; {check}: what the check afterwards found',
  },
  declined: {
    id: 'run.outcome.declined',
    defaultMessage:
      'Administrator rights were not given at "{step}", so that step did not run.{undo, select, yes { Undo takes back what was changed.} other {}}',
    description: '{step}: the step; {undo}: yes when Undo is offered',
  },
  cancelled: {
    id: 'run.outcome.cancelled',
    defaultMessage:
      'Cancelled at "{step}".{undo, select, yes { Undo takes back what was changed.} other {}}',
    description: '{step}: the step; {undo}: yes when Undo is offered',
  },
  cancelledAtStart: {
    id: 'run.outcome.cancelledAtStart',
    defaultMessage:
      'Cancelled at the start.{undo, select, yes { Undo takes back what was changed.} other {}}',
    description: '{undo}: yes when Undo is offered',
  },
  kept: {
    id: 'run.outcome.kept',
    defaultMessage:
      '{count, plural, one {You chose to keep {programs} running, so the files are still in use. Save your work, close it yourself, then run your pip command again.} other {You chose to keep {programs} running, so the files are still in use. Save your work, close them yourself, then run your pip command again.}}{undo, select, yes { Undo takes back what was changed.} other {}}',
    description:
      '{programs}: the programs, such as "Jupyter (pid 4120) and python.exe (pid 8812)"; {count}: how many; {undo}: yes when Undo is offered',
  },
  stepFailed: {
    id: 'run.outcome.stepFailed',
    defaultMessage:
      '"{step}" failed: {detail}{undo, select, yes { Undo takes back what was changed.} other {}}',
    description: '{step}: the step; {detail}: what went wrong; {undo}: yes when Undo is offered',
  },
  checkFailed: {
    id: 'run.outcome.checkFailed',
    defaultMessage:
      'The steps ran, but the check afterwards failed: {check}{undo, select, yes { Undo takes back what was changed.} other {}}',
    description: '{check}: what the check found; {undo}: yes when Undo is offered',
  },
});

/** The outcome in one or two sentences, from what happened. */
export function outcomeSummary(
  recipe: Recipe,
  status: ActionStatus,
  stoppedAt: StepReport | null,
  verification: Verification,
  undoAvailable: boolean,
  /** What the user chose to keep as it was when asked (programs left running). */
  kept: readonly Message[] = [],
): Message {
  const title = recipe.plan.title;
  const check = verification.detail;
  const step = stoppedAt
    ? (recipe.plan.steps.find((candidate) => candidate.id === stoppedAt.stepId)?.title ??
      stoppedAt.stepId)
    : null;
  const undo = undoAvailable ? 'yes' : 'no';
  switch (status) {
    case 'succeeded':
      return msg(words.succeeded, { title, check });
    case 'needs-restart':
      return stoppedAt
        ? msg(words.waitingStep, { detail: stoppedAt.detail })
        : msg(words.waiting, { title, check });
    case 'declined':
      return msg(words.declined, { step: step ?? '', undo });
    case 'cancelled':
      return step === null
        ? msg(words.cancelledAtStart, { undo })
        : msg(words.cancelled, { step, undo });
    case 'failed':
      if (!stoppedAt && kept.length > 0) {
        return msg(words.kept, { programs: listOf(kept), count: kept.length, undo });
      }
      return stoppedAt
        ? msg(words.stepFailed, { step: step ?? stoppedAt.stepId, detail: stoppedAt.detail, undo })
        : msg(words.checkFailed, { check, undo });
  }
}
