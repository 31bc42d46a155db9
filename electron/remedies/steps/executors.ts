import type { StepData } from '../run/journalEntry';
import type { StepKind, StepSpec } from '../planning/recipe';
import { awaitRestartStep } from './awaitRestartStep';
import { closeByForceStep, closeGracefullyStep } from './closeProcessSteps';
import {
  chownStep,
  commandStep,
  createVenvStep,
  grantAclStep,
  readLongPathsStep,
  saveAclStep,
  setLongPathsStep,
  userPathStep,
} from './commandSteps';
import { checkUnheldStep, removePathsStep, removeVenvStep } from './fileSteps';
import { pipInstallStep } from './pipInstallStep';
import { recordOwnersStep } from './recordOwnersStep';
import type { StepContext, StepExecutor, StepOutcome } from './stepContext';

const EXECUTORS: { readonly [K in StepKind]: StepExecutor<K> } = {
  command: commandStep,
  'create-venv': createVenvStep,
  'pip-install': pipInstallStep,
  'save-acl': saveAclStep,
  'grant-acl': grantAclStep,
  'read-long-paths': readLongPathsStep,
  'set-long-paths': setLongPathsStep,
  'user-path': userPathStep,
  'record-owners': recordOwnersStep,
  chown: chownStep,
  'close-gracefully': closeGracefullyStep,
  'close-by-force': closeByForceStep,
  'check-unheld': checkUnheldStep,
  'remove-paths': removePathsStep,
  'remove-venv': removeVenvStep,
  'await-restart': awaitRestartStep,
};

/** The one place a spec's kind picks its executor; typed so each gets its own spec. */
function executorOf<K extends StepKind>(spec: Extract<StepSpec, { kind: K }>): StepExecutor<K> {
  return EXECUTORS[spec.kind as K];
}

export function prepareStep(spec: StepSpec, ctx: StepContext): Promise<StepData> {
  const executor = executorOf(spec);
  return executor.prepare ? executor.prepare(spec, ctx) : Promise.resolve(null);
}

export function executeStep(
  spec: StepSpec,
  ctx: StepContext,
  before: StepData,
): Promise<StepOutcome> {
  return executorOf(spec).execute(spec, ctx, before);
}
