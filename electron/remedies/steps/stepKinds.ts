import { closeByForceStep, closeGracefullyStep } from '../close-processes/steps';
import { readLongPathsStep, setLongPathsStep } from '../enable-long-paths/steps';
import { grantAclStep } from '../grant-access/aclSteps';
import { chownStep, recordOwnersStep } from '../grant-access/ownerSteps';
import type { SpecOf, StepKind, StepSpec } from '../planning/recipe';
import { checkUnheldStep, removePathsStep } from '../repair-install/steps';
import type { StepData } from '../run/journalEntry';
import { awaitRestartStep } from '../restart/steps';
import { userPathStep } from '../user-install/steps';
import { createVenvStep, removeVenvStep } from '../venv/steps';
import { commandStep } from './command';
import { pipInstallStep } from './pipInstall';
import type { StepContext, StepExecutor, StepOutcome } from './stepContext';

/** Every step kind by its name: the generic ones and those of the remedies that own them. */
export const STEP_KINDS: { readonly [K in StepKind]: StepExecutor<K> } = {
  command: commandStep,
  'pip-install': pipInstallStep,
  'create-venv': createVenvStep,
  'remove-venv': removeVenvStep,
  'user-path': userPathStep,
  'grant-acl': grantAclStep,
  'record-owners': recordOwnersStep,
  chown: chownStep,
  'read-long-paths': readLongPathsStep,
  'set-long-paths': setLongPathsStep,
  'close-gracefully': closeGracefullyStep,
  'close-by-force': closeByForceStep,
  'check-unheld': checkUnheldStep,
  'remove-paths': removePathsStep,
  'await-restart': awaitRestartStep,
};

/** The one place a spec's kind picks its module; typed so each gets its own spec. */
export function stepKindOf<K extends StepKind>(spec: SpecOf<K>): StepExecutor<K> {
  return STEP_KINDS[spec.kind as K];
}

export function prepareStep(spec: StepSpec, ctx: StepContext): Promise<StepData> {
  const kind = stepKindOf(spec);
  return kind.prepare ? kind.prepare(spec, ctx) : Promise.resolve(null);
}

export function executeStep(
  spec: StepSpec,
  ctx: StepContext,
  before: StepData,
): Promise<StepOutcome> {
  return stepKindOf(spec).execute(spec, ctx, before);
}
