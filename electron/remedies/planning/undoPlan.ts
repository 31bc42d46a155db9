import type { RunHistory } from '../run/replayJournal';
import { mayHaveChanged } from '../run/replayJournal';
import { stepKindOf } from '../steps/stepKinds';
import type { Recipe, SpecOf, StepKind, StepSpec } from './recipe';
import type { UndoContext, UndoScope, UndoStep } from './undoSteps';
import { UserFacingError } from '../../shared/userFacingError';

export type { UndoContext } from './undoSteps';

/**
 * Undo is an action of its own: a plan built from what the journal recorded
 * (the venv this action created, what pip added, the saved ACL, the previous
 * registry value, each file's former owner), shown before it runs, run and
 * journaled like any other. Each step kind knows its own undo
 * (StepExecutor.undo); steps are undone last first.
 */

function canUndo(run: RunHistory, stepId: string, spec: StepSpec, scope: UndoScope): boolean {
  return stepKindOf(spec).undo?.canUndo(run, stepId, spec, scope) ?? false;
}

function planUndoOf<K extends StepKind>(
  run: RunHistory,
  stepId: string,
  spec: SpecOf<K>,
  ctx: UndoContext,
  warnings: string[],
): Promise<UndoStep[]> {
  const undo = stepKindOf(spec).undo;
  return undo ? undo.plan(run, stepId, spec, ctx, warnings) : Promise.resolve([]);
}

function scopeOf(run: RunHistory): UndoScope {
  const none: UndoScope = { removesEnvironment: false };
  return {
    removesEnvironment: run.recipe.specs.some(
      ({ stepId, spec }) =>
        stepKindOf(spec).undo?.removesEnvironment === true && canUndo(run, stepId, spec, none),
    ),
  };
}

/** The steps of a run whose change can be taken back (a sync look, for what pendingActions offers). */
export function undoableStepIds(run: RunHistory): string[] {
  const scope = scopeOf(run);
  return run.recipe.specs
    .filter(({ stepId, spec }) => mayHaveChanged(run, stepId) && canUndo(run, stepId, spec, scope))
    .map(({ stepId }) => stepId);
}

export async function undoRecipe(run: RunHistory, ctx: UndoContext): Promise<Recipe> {
  const original = run.recipe;
  const ids = new Set(undoableStepIds(run));
  if (ids.size === 0) {
    throw new UserFacingError(
      'This action changed nothing that Pip Doctor can undo.',
      `no undoable steps in ${run.runId}`,
    );
  }
  const undoSteps: UndoStep[] = [];
  const warnings: string[] = [];
  for (const { stepId, spec } of [...original.specs].reverse()) {
    if (ids.has(stepId)) undoSteps.push(...(await planUndoOf(run, stepId, spec, ctx, warnings)));
  }
  if (undoSteps.length === 0) {
    throw new UserFacingError(
      `Nothing is left to undo. ${warnings.join(' ')}`.trim(),
      `undo of ${run.runId}: every step resolved to nothing`,
    );
  }
  return {
    plan: {
      id: ctx.runId,
      remedy: original.plan.remedy,
      installId: original.plan.installId,
      scanId: original.plan.scanId,
      title: `Undo: ${original.plan.title}`,
      steps: undoSteps.map((undo) => undo.step),
      instructions: [],
      undoable: false,
      needsElevation: undoSteps.some((undo) => undo.step.elevated),
      warnings,
      undoOf: run.runId,
    },
    platform: original.platform,
    specs: undoSteps.map((undo) => ({ stepId: undo.step.id, spec: undo.spec })),
    verify: undoSteps.flatMap((undo) => undo.verify),
    scannedAt: original.scannedAt,
  };
}
