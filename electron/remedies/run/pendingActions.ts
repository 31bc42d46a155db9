import type { PendingAction, PendingChoice } from '../../shared/actionModel';
import { restartedSince } from '../../platform/bootTime';
import type { RunHistory } from './replayJournal';
import { isUndone, mayHaveChanged, nextStepIndex, stepsOf } from './replayJournal';
import { undoableStepIds } from '../planning/undoPlan';
import { recordedPlan } from './recordedPlan';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { planWords } from '../planning/planWords';

const words = defineMessages({
  unverifiable: {
    id: 'run.pending.unverifiable',
    defaultMessage:
      '"{title}" was written down by an older version of Pip Doctor in a form this version cannot check, so it will not continue or undo it. Dismiss it; if the problem is still there, scan again and choose the fix again.',
    description: '{title}: the fix, as its plan named it',
  },
  unchecked: {
    id: 'run.pending.unchecked',
    defaultMessage:
      '"{title}" ran every step, but Pip Doctor stopped before it could check the result. Continue to check it now.{undo, select, yes { Undo takes back what it changed.} other {}}',
    description:
      '{title}: the fix; {undo}: yes when Undo is offered. Continue and Undo are buttons.',
  },
});

/** Where an interrupted fix stopped, in words: {title} is the fix, {step} the step's title. */
const STOPPED = defineMessages({
  started: {
    id: 'run.pending.started',
    defaultMessage:
      'Pip Doctor stopped while "{title}" was at the step "{step}"; whether that step finished is not known. Continue runs it again (it is safe to repeat).{undo, select, yes { Undo takes back what it changed.} other {}}',
    description: '{title}: the fix; {step}: the step; {undo}: yes when Undo is offered',
  },
  'not-started': {
    id: 'run.pending.notStarted',
    defaultMessage:
      'Pip Doctor stopped after the steps before "{step}" of "{title}". Continue goes on from there.{undo, select, yes { Undo takes back what it changed.} other {}}',
    description: '{title}: the fix; {step}: the step; {undo}: yes when Undo is offered',
  },
  waiting: {
    id: 'run.pending.waiting',
    defaultMessage:
      '"{title}" is waiting for you to sign out or restart. When you have, continue: it checks that nothing holds the files and finishes the fix.{undo, select, yes { Undo takes back what it changed.} other {}}',
    description: '{title}: the fix; {step}: unused; {undo}: yes when Undo is offered',
  },
  failed: {
    id: 'run.pending.failed',
    defaultMessage:
      '"{title}" failed at "{step}". Continue tries that step again.{undo, select, yes { Undo takes back what it changed.} other {}}',
    description: '{title}: the fix; {step}: the step; {undo}: yes when Undo is offered',
  },
  declined: {
    id: 'run.pending.declined',
    defaultMessage:
      'Administrator rights were refused at "{step}" of "{title}", after earlier steps had run. Continue asks again.{undo, select, yes { Undo takes back what it changed.} other {}}',
    description: '{title}: the fix; {step}: the step; {undo}: yes when Undo is offered',
  },
  cancelled: {
    id: 'run.pending.cancelled',
    defaultMessage:
      '"{title}" was cancelled at "{step}", after earlier steps had run. Continue goes on from there.{undo, select, yes { Undo takes back what it changed.} other {}}',
    description: '{title}: the fix; {step}: the step; {undo}: yes when Undo is offered',
  },
});

/**
 * What the app says on its next start about actions that did not end
 * cleanly: those the app stopped in the middle of (a crash, a power cut),
 * those waiting for a restart, and those that failed, were cancelled or were
 * declined after something had already changed. Each with where it stopped
 * and what can be done: go on, undo what it did, or mark it resolved. The
 * plan on each card is the journal's words only, without commands: Resume
 * and Undo show the commands once they have rebuilt them from a fresh scan.
 */
export function pendingFromHistories(
  runs: ReadonlyMap<string, RunHistory>,
  bootTime: Date,
): PendingAction[] {
  const pending: PendingAction[] = [];
  for (const run of runs.values()) {
    const entry = pendingOf(run, runs, bootTime);
    if (entry) pending.push(entry);
  }
  return pending.sort((a, b) =>
    a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0,
  );
}

function pendingOf(
  run: RunHistory,
  runs: ReadonlyMap<string, RunHistory>,
  bootTime: Date,
): PendingAction | null {
  if (run.resolved || isUndone(run, runs)) return null;
  // An undo under way stands for the action it undoes: one entry, not two.
  if (run.undoRuns.some((id) => runs.get(id)?.resolved === false)) return null;
  const status = run.outcome?.status ?? null;
  if (status === 'succeeded') return null;
  if (run.facts === null) return unverifiable(run, status);
  const steps = stepsOf(run);
  const changed = steps.some(({ id }) => mayHaveChanged(run, id));
  // A run that ended before it changed anything (declined at the first prompt) leaves nothing to do.
  if (status !== null && status !== 'needs-restart' && !changed) return null;

  const plan = recordedPlan(run.runId, run.facts);
  const stopped = steps[nextStepIndex(run)];
  const stoppedAt = stopped
    ? { stepId: stopped.id, title: stopped.title, state: stateOf(run, stopped.id) }
    : null;
  const undoAvailable = plan.undoOf === null && undoableStepIds(run).length > 0;
  const choices: PendingChoice[] = [
    'resume',
    ...(undoAvailable ? ['undo' as const] : []),
    'mark-resolved',
  ];
  return {
    runId: run.runId,
    plan,
    startedAt: run.startedAt,
    status,
    stoppedAt,
    completedSteps: steps
      .filter(({ id }) => run.results.get(id)?.status === 'done')
      .map(({ id }) => id),
    explanation: explain(run, stoppedAt, undoAvailable),
    choices,
    restartedSince: waitingSince(run, bootTime),
  };
}

/**
 * A run an older Pip Doctor wrote down with its commands: nothing in it can
 * be checked, so it is offered for dismissal only, in plain words.
 */
function unverifiable(run: RunHistory, status: PendingAction['status']): PendingAction {
  return {
    runId: run.runId,
    plan: recordedPlan(run.runId, null, run.title),
    startedAt: run.startedAt,
    status,
    stoppedAt: null,
    completedSteps: [],
    explanation: msg(words.unverifiable, { title: run.title }),
    choices: ['mark-resolved'],
    restartedSince: null,
  };
}

type StoppedState = NonNullable<PendingAction['stoppedAt']>['state'];

function stateOf(run: RunHistory, stepId: string): StoppedState {
  const status = run.results.get(stepId)?.status;
  if (status === undefined) return run.intents.has(stepId) ? 'started' : 'not-started';
  if (
    status === 'failed' ||
    status === 'declined' ||
    status === 'cancelled' ||
    status === 'waiting'
  )
    return status;
  return 'started';
}

function explain(
  run: RunHistory,
  stoppedAt: PendingAction['stoppedAt'],
  undoAvailable: boolean,
): Message {
  // One message per state, with Undo's sentence chosen inside it: a translator sees whole sentences.
  const undo = undoAvailable ? 'yes' : 'no';
  const title = run.facts?.title ?? msg(planWords.olderTitle, { title: run.title });
  if (stoppedAt === null) return msg(words.unchecked, { title, undo });
  return msg(STOPPED[stoppedAt.state], { title, step: stoppedAt.title, undo });
}

/** For a run waiting on a restart: whether the machine has started again since it began waiting. */
function waitingSince(run: RunHistory, bootTime: Date): boolean | null {
  for (const { id, kind } of stepsOf(run)) {
    if (kind !== 'await-restart') continue;
    const data = run.intents.get(id)?.data;
    const recorded =
      data !== null && typeof data === 'object' && !Array.isArray(data) ? data.bootTime : undefined;
    if (typeof recorded === 'string') return restartedSince(recorded, bootTime);
  }
  return null;
}
