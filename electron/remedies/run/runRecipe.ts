import { mkdir } from 'node:fs/promises';
import { osTraits } from '../../platform/osTraits';
import { join } from 'node:path';
import type { SystemProbe } from '../../platform/systemProbe';
import type {
  ActionOutcome,
  ActionProgress,
  ActionStatus,
  Command,
  StepReport,
  Verification,
} from '../../shared/actionModel';
import type { ActionJournal } from './journal';
import type { StepData } from './journalEntry';
import { outcomeSummary } from './outcomeSummary';
import type { Recipe } from '../planning/recipe';
import type { RunHistory, StepRecord } from './replayJournal';
import { isFinished, newRunHistory } from './replayJournal';
import type { PlanFacts } from './planFacts';
import { executeStep, prepareStep } from '../steps/stepKinds';
import type { StepContext, StepOutcome } from '../steps/stepContext';
import { outcome as stepOutcome } from '../steps/stepContext';
import { undoableStepIds } from '../planning/undoPlan';
import { verifyAction } from '../checks/verifyAction';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { stepWords } from '../steps/stepWords';
import type { CloseGrace } from './liveTargets';

export interface RunnerDeps {
  journal: ActionJournal;
  probe: SystemProbe;
  env: NodeJS.ProcessEnv;
  selfPid: number;
  closeGrace?: CloseGrace;
  emit(progress: ActionProgress): void;
  /** Shows the question and resolves with the user's answer (false when the run is cancelled). */
  waitForConsent(
    runId: string,
    stepId: string,
    question: Message,
    items: Message[],
    command: Command | null,
  ): Promise<boolean>;
}

/**
 * Runs a recipe's steps in order, each bracketed by journal entries that are
 * on disk before the step starts and after it ends, then verifies and
 * journals the outcome. Given the history of an interrupted run it goes on
 * where that stopped: steps that ended done or skipped are not run again,
 * and a step's record from before its first attempt (did the folder exist,
 * what was installed) is kept for every later attempt.
 */
export async function runRecipe(
  recipe: Recipe,
  facts: PlanFacts,
  previous: RunHistory | null,
  deps: RunnerDeps,
  signal: AbortSignal,
): Promise<ActionOutcome> {
  const runId = recipe.plan.id;
  const { journal } = deps;
  const run = previous ?? newRunHistory(runId, facts, new Date().toISOString());
  // The journal gets facts only: a command written there could be swapped before a resume.
  if (previous === null) await journal.append({ type: 'planned', runId, facts });
  const runFolder = journal.runFolder(runId);
  await mkdir(runFolder, { recursive: true });

  let stopped: StepReport | null = null;
  for (const { stepId, spec } of recipe.specs) {
    if (signal.aborted) break;
    if (isFinished(run, stepId)) continue;

    const attempt = (run.intents.get(stepId)?.attempt ?? 0) + 1;
    const ctx = stepContext(recipe, run, stepId, attempt, runFolder, deps, signal);
    const before: StepData = run.intents.has(stepId)
      ? run.intents.get(stepId)!.data
      : await prepareStep(spec, ctx).catch(() => null);
    await journal.append({ type: 'step-intent', runId, stepId, attempt, data: before });
    run.intents.set(stepId, { attempt, data: before });
    deps.emit({ type: 'step-started', runId, stepId });

    let result: StepOutcome;
    try {
      result = await executeStep(spec, ctx, before);
    } catch (error) {
      result = stepOutcome('failed', msg(stepWords.couldNotRun, { reason: messageOf(error) }));
    }
    // A step cut short by the cancel reports how the kill looked to it; the cause was the cancel.
    if (signal.aborted && result.status === 'failed') result = { ...result, status: 'cancelled' };
    const record: StepRecord = { attempt, ...result };
    await journal.append({ type: 'step-result', runId, stepId, ...record });
    run.results.set(stepId, record);
    const report = reportOf(stepId, record);
    deps.emit({ type: 'step-finished', runId, report });
    if (result.status !== 'done' && result.status !== 'skipped') {
      stopped = report;
      break;
    }
  }

  let status: ActionStatus;
  let verification: Verification;
  if (stopped !== null) {
    status = statusOfStop(stopped);
    verification = {
      ok: null,
      detail: msg(stepWords.notCheckedStopped, { step: titleOf(recipe, stopped.stepId) }),
    };
  } else if (signal.aborted) {
    status = 'cancelled';
    verification = { ok: null, detail: msg(stepWords.notCheckedCancelled) };
  } else {
    deps.emit({ type: 'verifying', runId });
    const checked = await verifyAction(recipe.verify, {
      probe: deps.probe,
      env: deps.env,
      signal,
      selfPid: deps.selfPid,
      scratchDir: join(runFolder, 'scratch'),
      recordOf: (stepId) => run.results.get(stepId),
      stepContext: stepContext(recipe, run, 'verify', 1, runFolder, deps, signal),
    });
    verification = checked.verification;
    // Programs the user chose to keep running hold the files: a restart is not what is left, their answer is.
    const keptByChoice = [...run.consents.values()].some((agreed) => !agreed);
    status =
      verification.ok === false
        ? checked.onlyHeld && !keptByChoice
          ? 'needs-restart'
          : 'failed'
        : 'succeeded';
  }

  const undoAvailable = recipe.plan.undoOf === null && undoableStepIds(run).length > 0;
  const finished: ActionOutcome = {
    runId,
    remedy: recipe.plan.remedy,
    status,
    summary: outcomeSummary(recipe, status, stopped, verification, undoAvailable, keptRunning(run)),
    steps: recipe.specs.map(({ stepId }) => {
      const record = run.results.get(stepId);
      return record ? reportOf(stepId, record) : notRun(stepId);
    }),
    verification,
    undoAvailable,
    instructions:
      status === 'succeeded' || status === 'needs-restart' ? recipe.plan.instructions : [],
  };
  // The lines to type stay out of the journal: text to paste is as much a command as one to run.
  await journal.append({ type: 'finished', runId, outcome: { ...finished, instructions: [] } });
  run.outcome = finished;
  return finished;
}

function stepContext(
  recipe: Recipe,
  run: RunHistory,
  stepId: string,
  attempt: number,
  runFolder: string,
  deps: RunnerDeps,
  signal: AbortSignal,
): StepContext {
  const runId = run.runId;
  return {
    runId,
    stepId,
    attempt,
    os: osTraits(recipe.platform),
    signal,
    probe: deps.probe,
    env: deps.env,
    runFolder,
    selfPid: deps.selfPid,
    closeGrace: deps.closeGrace,
    recordOf: (id) => run.results.get(id),
    async askConsent(question, items, command) {
      const agreed = signal.aborted
        ? false
        : await deps.waitForConsent(runId, stepId, question, items, command);
      await deps.journal.append({ type: 'consent', runId, stepId, agreed });
      run.consents.set(stepId, agreed);
      return agreed;
    },
  };
}

function reportOf(stepId: string, record: StepRecord): StepReport {
  return {
    stepId,
    status: record.status,
    detail: record.detail,
    output: record.output,
    items: record.items,
  };
}

/** The things the user chose to leave as they were when asked (the programs kept running). */
function keptRunning(run: RunHistory): Message[] {
  return [...run.consents.entries()]
    .filter(([, agreed]) => !agreed)
    .flatMap(([stepId]) => run.results.get(stepId)?.items ?? [])
    .filter((item) => item.status === 'still-running')
    .map((item) => item.label);
}

function notRun(stepId: string): StepReport {
  return { stepId, status: 'not-run', detail: msg(stepWords.didNotRun), output: '', items: [] };
}

function statusOfStop(report: StepReport): ActionStatus {
  switch (report.status) {
    case 'declined':
      return 'declined';
    case 'cancelled':
      return 'cancelled';
    case 'waiting':
      return 'needs-restart';
    default:
      return 'failed';
  }
}

function titleOf(recipe: Recipe, stepId: string): Message | string {
  return recipe.plan.steps.find((step) => step.id === stepId)?.title ?? stepId;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
