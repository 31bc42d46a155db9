import type { ActionOutcome, StepItem, StepStatus } from '../../shared/actionModel';
import type { RerunStatus } from '../../shared/rerunModel';
import type { JournalLine, StepData } from './journalEntry';
import type { PlanFacts, StepFact } from './planFacts';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';

const recorded = defineMessages({
  summary: {
    id: 'run.outcome.recorded',
    defaultMessage: '{summary}',
    description:
      'How a fix ended, as an older version of Pip Doctor recorded it (in English): keep as it is',
  },
});

/** Everything the journal says about one run, the latest entry of each kind winning. */
export interface RunHistory {
  runId: string;
  /** What was planned, as facts; null for a line of an older app that recorded commands (never run). */
  facts: PlanFacts | null;
  /** The title an older app wrote down (English), for a run known only by it; facts.title otherwise. */
  title: string;
  startedAt: string;
  intents: Map<string, { attempt: number; data: StepData }>;
  results: Map<string, StepRecord>;
  consents: Map<string, boolean>;
  outcome: ActionOutcome | null;
  resolved: boolean;
  /** The undo runs of this run, oldest first. */
  undoRuns: string[];
  /** The user's install, run again after this fix, oldest first. */
  installsAgain: InstallAgainRecord[];
}

export interface InstallAgainRecord {
  at: string;
  packageName: string;
  /** A string only in lines written before the app was translated. */
  where: Message | string;
  status: RerunStatus;
  exitCode: number | null;
}

export interface StepRecord {
  attempt: number;
  status: StepStatus;
  detail: Message;
  output: string;
  items: StepItem[];
  data: StepData;
}

/**
 * Folds the journal's lines into one history per run. Entries of a run
 * whose `planned` line is missing (torn, or from a damaged file) are
 * dropped: without the recipe nothing about them can be resumed or undone.
 */
export function replayEntries(entries: readonly JournalLine[]): Map<string, RunHistory> {
  const runs = new Map<string, RunHistory>();
  for (const entry of entries) {
    if (entry.type === 'planned') {
      runs.set(entry.runId, newRunHistory(entry.runId, entry.facts, entry.at));
      const undoOf = entry.facts.undoOf;
      if (undoOf) runs.get(undoOf)?.undoRuns.push(entry.runId);
      continue;
    }
    if (entry.type === 'legacy-planned') {
      runs.set(entry.runId, { ...newRunHistory(entry.runId, null, entry.at), title: entry.title });
      continue;
    }
    const run = runs.get(entry.runId);
    if (!run) continue;
    switch (entry.type) {
      case 'step-intent':
        run.intents.set(entry.stepId, { attempt: entry.attempt, data: entry.data });
        // A new attempt makes the old result history, not the state of the step.
        if ((run.results.get(entry.stepId)?.attempt ?? 0) < entry.attempt)
          run.results.delete(entry.stepId);
        // A run that goes on after it ended (resumed) is open again.
        run.outcome = null;
        break;
      case 'step-result':
        run.results.set(entry.stepId, {
          attempt: entry.attempt,
          status: entry.status,
          detail: entry.detail,
          output: entry.output,
          items: entry.items,
          data: entry.data,
        });
        break;
      case 'consent':
        run.consents.set(entry.stepId, entry.agreed);
        break;
      case 'finished':
        run.outcome = {
          ...entry.outcome,
          summary:
            typeof entry.outcome.summary === 'string'
              ? msg(recorded.summary, { summary: entry.outcome.summary })
              : entry.outcome.summary,
        };
        break;
      case 'resolved':
        run.resolved = true;
        break;
      case 'install-again':
        run.installsAgain.push({
          at: entry.at,
          packageName: entry.packageName,
          where: entry.where,
          status: entry.status,
          exitCode: entry.exitCode,
        });
        break;
    }
  }
  return runs;
}

/** Whether an undo of this run has succeeded. */
export function isUndone(run: RunHistory, runs: ReadonlyMap<string, RunHistory>): boolean {
  return run.undoRuns.some((id) => runs.get(id)?.outcome?.status === 'succeeded');
}

/** The steps the journal recorded for a run, in order (none for an older app's line). */
export function stepsOf(run: RunHistory): StepFact[] {
  return run.facts?.steps ?? [];
}

/** The step a run would go on with: the first that has not ended as done or skipped. */
export function nextStepIndex(run: RunHistory): number {
  const steps = stepsOf(run);
  const index = steps.findIndex(({ id }) => !isFinished(run, id));
  return index === -1 ? steps.length : index;
}

/** A step that ended done or skipped: not run again. */
export function isFinished(run: RunHistory, stepId: string): boolean {
  const status = run.results.get(stepId)?.status;
  return status === 'done' || status === 'skipped';
}

/** Whether a step may have changed something: it began (an intent was written) and it is one that changes. */
export function mayHaveChanged(run: RunHistory, stepId: string): boolean {
  const step = stepsOf(run).find((s) => s.id === stepId);
  if (!step || step.changes === null || !run.intents.has(stepId)) return false;
  const status = run.results.get(stepId)?.status;
  // Declined and skipped steps never started their change; a failed one may have got half-way.
  return status !== 'declined' && status !== 'skipped';
}

/** The history of a run that has only been planned: nothing done, nothing decided yet. */
export function newRunHistory(
  runId: string,
  facts: PlanFacts | null,
  startedAt: string,
): RunHistory {
  return {
    runId,
    facts,
    title: '',
    startedAt,
    intents: new Map(),
    results: new Map(),
    consents: new Map(),
    outcome: null,
    resolved: false,
    undoRuns: [],
    installsAgain: [],
  };
}
