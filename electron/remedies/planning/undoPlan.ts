import type { RunHistory } from '../run/replayJournal';
import { mayHaveChanged, stepsOf } from '../run/replayJournal';
import { parseStepFacts } from '../run/planFacts';
import type { StepFact } from '../run/planFacts';
import { STEP_KINDS } from '../steps/stepKinds';
import type { Recipe, StepKind } from './recipe';
import type { StepUndo, UndoContext, UndoScope, UndoStep } from './undoSteps';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { planWords } from './planWords';

export type { UndoContext } from './undoSteps';

/**
 * Undo is an action of its own: a plan built from what the journal recorded
 * (the venv this action created, what pip added, the saved ACL's hash, the
 * registry value before, each file's former owner), shown before it runs,
 * run and journaled like any other. Each step kind knows its own undo
 * (StepExecutor.undo) and builds its commands from the step's facts, never
 * from a command in the journal; steps are undone last first.
 */

function undoOfKind<K extends StepKind>(kind: K): StepUndo<K> | undefined {
  return STEP_KINDS[kind].undo;
}

function canUndo(run: RunHistory, step: StepFact, scope: UndoScope): boolean {
  const facts = parseStepFacts(step.kind, step.facts);
  return facts !== null && (undoOfKind(step.kind)?.canUndo(run, step.id, facts, scope) ?? false);
}

function scopeOf(run: RunHistory): UndoScope {
  const none: UndoScope = { removesEnvironment: false };
  return {
    removesEnvironment: stepsOf(run).some(
      (step) => undoOfKind(step.kind)?.removesEnvironment === true && canUndo(run, step, none),
    ),
  };
}

/** The steps of a run whose change can be taken back (a sync look, for what pendingActions offers). */
export function undoableStepIds(run: RunHistory): string[] {
  const scope = scopeOf(run);
  return stepsOf(run)
    .filter((step) => mayHaveChanged(run, step.id) && canUndo(run, step, scope))
    .map((step) => step.id);
}

async function planUndoOf(
  run: RunHistory,
  step: StepFact,
  ctx: UndoContext,
  warnings: Message[],
): Promise<UndoStep[]> {
  const undo = undoOfKind(step.kind);
  const facts = parseStepFacts(step.kind, step.facts);
  if (!undo || facts === null) return [];
  return undo.plan(run, step.id, facts, ctx, warnings);
}

export async function undoRecipe(run: RunHistory, ctx: UndoContext): Promise<Recipe> {
  const original = run.facts;
  const ids = new Set(undoableStepIds(run));
  if (original === null || ids.size === 0) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.undo.nothingUndoable',
          defaultMessage: 'This action changed nothing that Pip Doctor can undo.',
        }),
      ),
      `no undoable steps in ${run.runId}`,
    );
  }
  const undoSteps: UndoStep[] = [];
  const warnings: Message[] = [];
  for (const step of [...original.steps].reverse()) {
    if (ids.has(step.id)) undoSteps.push(...(await planUndoOf(run, step, ctx, warnings)));
  }
  if (undoSteps.length === 0) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.undo.nothingLeft',
          defaultMessage: 'Nothing is left to undo. {warnings}',
          description:
            '{warnings}: sentences saying why each change is left as it is; may be empty',
        }),
        { warnings: listOf(warnings, 'sentences') },
      ),
      `undo of ${run.runId}: every step resolved to nothing`,
    );
  }
  return {
    plan: {
      id: ctx.runId,
      remedy: original.remedy,
      installId: original.installId,
      scanId: original.scanId,
      title: msg(planWords.undoTitle, { title: original.title }),
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
