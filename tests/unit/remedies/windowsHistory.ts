import type { JournalEntry, StepData } from '../../../electron/remedies/run/journalEntry';
import type { Recipe } from '../../../electron/remedies/planning/recipe';
import { replayEntries } from '../../../electron/remedies/run/replayJournal';
import type { RunHistory } from '../../../electron/remedies/run/replayJournal';

/**
 * The journal of a Windows run as it would read after the given steps ended,
 * with the data each step recorded (parsed from the recorded outputs in the
 * fixtures): what an undo plan is built from.
 */
export function historyAfter(
  recipe: Recipe,
  steps: Record<string, { before?: StepData; data?: StepData; status?: 'done' | 'failed' }>,
): RunHistory {
  const runId = recipe.plan.id;
  const at = '2026-11-24T09:01:00.000Z';
  const entries: JournalEntry[] = [{ v: 1, at, runId, type: 'planned', recipe }];
  for (const [stepId, step] of Object.entries(steps)) {
    entries.push({
      v: 1,
      at,
      runId,
      type: 'step-intent',
      stepId,
      attempt: 1,
      data: step.before ?? null,
    });
    entries.push({
      v: 1,
      at,
      runId,
      type: 'step-result',
      stepId,
      attempt: 1,
      status: step.status ?? 'done',
      detail: '',
      output: '',
      items: [],
      data: step.data ?? null,
    });
  }
  return replayEntries(entries).get(runId)!;
}
