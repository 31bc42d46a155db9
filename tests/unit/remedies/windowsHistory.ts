import { win32 } from 'node:path';
import type { JournalEntry, StepData } from '../../../electron/remedies/run/journalEntry';
import type { Recipe } from '../../../electron/remedies/planning/recipe';
import { factsOf } from '../../../electron/remedies/run/planFacts';
import { replayEntries } from '../../../electron/remedies/run/replayJournal';
import type { RunHistory } from '../../../electron/remedies/run/replayJournal';
import type { UndoContext } from '../../../electron/remedies/planning/undoPlan';
import { scanFactsFor } from '../../../electron/remedies/run/rebuildRun';
import type { ElevationFacts } from '../../../electron/platform/elevation';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import { msg } from '../../../electron/shared/i18n/message';
import { stepWords } from '../../../electron/remedies/steps/stepWords';
import { DATA_DIR, HOME, PROJECT, WINDOWS_DIAGNOSIS } from './windowsScan';

/**
 * The journal of a Windows run as it would read after the given steps ended,
 * with the data each step recorded (parsed from the recorded outputs in the
 * fixtures): what an undo plan is built from. Like the app, it records the
 * recipe's facts, never its commands.
 */
export function historyAfter(
  recipe: Recipe,
  steps: Record<string, { before?: StepData; data?: StepData; status?: 'done' | 'failed' }>,
): RunHistory {
  const runId = recipe.plan.id;
  const at = '2026-11-24T09:01:00.000Z';
  const facts = factsOf(recipe, { installId: recipe.plan.installId ?? '' });
  const entries: JournalEntry[] = [{ v: 1, at, runId, type: 'planned', facts }];
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
      detail: msg(stepWords.commandDone),
      output: '',
      items: [],
      data: step.data ?? null,
    });
  }
  return replayEntries(entries).get(runId)!;
}

const NOT_ELEVATED: ElevationFacts = {
  platform: 'win32',
  elevated: false,
  systemRoot: 'C:\\Windows',
  pkexecPath: null,
  ownerWindow: null,
};

/** What the service hands the undo builders on the Windows scan: a fresh scan vouching for its installs. */
export function windowsUndoContext(
  run: RunHistory,
  diagnosis: Diagnosis = WINDOWS_DIAGNOSIS,
  folders: { dataDir: string; projectDir: string; homeDir: string } = {
    dataDir: DATA_DIR,
    projectDir: PROJECT,
    homeDir: HOME,
  },
): UndoContext {
  const runId = 'act-00000000000000b2';
  return {
    runId,
    runFolder: win32.join(folders.dataDir, 'actions', runId),
    originalRunFolder: win32.join(folders.dataDir, 'actions', run.runId),
    elevation: NOT_ELEVATED,
    env: {},
    signal: new AbortController().signal,
    scan: scanFactsFor(
      run,
      { scanId: 'scan-00000000000000b2', diagnosis },
      { projectDir: folders.projectDir, homeDir: folders.homeDir },
    ),
  };
}
