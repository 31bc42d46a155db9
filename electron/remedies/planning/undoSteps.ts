import type { ElevatedRun, ElevationFacts, PlannedRun } from '../../platform/elevation';
import { administratorRun, elevatedOutputDir, plainRun } from '../../platform/elevation';
import { withPkexec } from '../../platform/posix/pkexec';
import type { ActionStep, Command } from '../../shared/actionModel';
import type { RunHistory } from '../run/replayJournal';
import type { SpecOf, StepKind, StepSpec, VerifySpec } from './recipe';

/**
 * The pieces every step kind's undo is made of. Undo is an action of its
 * own: a plan built from what the journal recorded, shown before it runs,
 * run and journaled like any other (planning/undoPlan.ts puts it together).
 */

export interface UndoContext {
  runId: string;
  runFolder: string;
  /** The user's home folder: owners are only ever changed inside it (never, without one). */
  homeDir?: string;
  elevation: ElevationFacts;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
}

/** One step of an undo plan, with the checks that prove it worked. */
export interface UndoStep {
  step: ActionStep;
  spec: StepSpec;
  verify: VerifySpec[];
}

/** What the other steps of the same run mean for this one's undo. */
export interface UndoScope {
  /** Another step's undo removes the whole environment, and what was installed into it with it. */
  removesEnvironment: boolean;
}

export interface StepUndo<K extends StepKind> {
  /** Whether the step changed something its undo can take back, from the journal alone (sync). */
  canUndo(run: RunHistory, stepId: string, spec: SpecOf<K>, scope: UndoScope): boolean;
  /** The steps that take it back; none, with a warning, when the journal recorded too little. */
  plan(
    run: RunHistory,
    stepId: string,
    spec: SpecOf<K>,
    ctx: UndoContext,
    warnings: string[],
  ): Promise<UndoStep[]>;
  /** Undoing this step removes everything installed into its environment too. */
  removesEnvironment?: boolean;
}

/** A step of an undo plan as the user sees it. */
export function undoStep(
  id: string,
  title: string,
  planned: PlannedRun | null,
  changes: string,
): ActionStep {
  return {
    id,
    title,
    command: planned?.run.command ?? null,
    script: planned?.script ?? null,
    changes,
    confirmation: null,
    elevated: planned?.elevated ?? false,
  };
}

/** The undo command with the same rights the change had: pkexec again, UAC again, or none. */
export function sameElevation(
  original: ElevatedRun,
  command: Command,
  stepId: string,
  run: RunHistory,
  ctx: UndoContext,
): PlannedRun {
  if (original.elevation === 'pkexec') {
    const pkexec = original.command.program;
    return {
      run: { ...original, command: withPkexec(pkexec, command) },
      script: null,
      elevated: true,
    };
  }
  if (original.elevation === 'uac') {
    return administratorRun(
      command,
      { ...ctx.elevation, elevated: false },
      elevatedOutputDir(ctx.runFolder, stepId, run.recipe.platform),
      original.outputEncoding,
      original.timeoutMs,
    )!;
  }
  return plainRun(command, original.timeoutMs);
}
