import type { SystemProbe } from '../../platform/systemProbe';
import type { Command, StepItem, StepStatus } from '../../shared/actionModel';
import type { StepData } from '../run/journalEntry';
import type { Platform, StepKind, StepSpec } from '../planning/recipe';
import type { StepRecord } from '../run/replayJournal';

/** What a step's work may use: the OS through the probe and the one runner, and the run's own records. */
export interface StepContext {
  runId: string;
  stepId: string;
  /** 1 on the first run of the step, more when it is resumed or retried. */
  attempt: number;
  platform: Platform;
  signal: AbortSignal;
  probe: SystemProbe;
  /** The user's environment, which commands run in (plus each command's own variables). */
  env: NodeJS.ProcessEnv;
  /** This run's folder beside the journal (backups, elevated output). */
  runFolder: string;
  selfPid: number;
  /** The latest record of an earlier step of this run. */
  recordOf(stepId: string): StepRecord | undefined;
  /** Asks the user and waits; false when they say no or the run is cancelled. Journaled by the runner. */
  askConsent(question: string, items: string[], command: Command | null): Promise<boolean>;
}

export interface StepOutcome {
  status: StepStatus;
  detail: string;
  /** The end of what the commands printed, for the details view. */
  output: string;
  items: StepItem[];
  /** What the undo or a later step needs to know; journaled with the result. */
  data: StepData;
}

export interface StepExecutor<K extends StepKind> {
  /** Reads what must be known before the change (journaled in the intent, kept across retries). */
  prepare?(spec: Extract<StepSpec, { kind: K }>, ctx: StepContext): Promise<StepData>;
  execute(
    spec: Extract<StepSpec, { kind: K }>,
    ctx: StepContext,
    before: StepData,
  ): Promise<StepOutcome>;
}

export function outcome(
  status: StepStatus,
  detail: string,
  fields: Partial<StepOutcome> = {},
): StepOutcome {
  return { status, detail, output: '', items: [], data: null, ...fields };
}
