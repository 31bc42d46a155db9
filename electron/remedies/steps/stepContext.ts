import type { OsTraits } from '../../platform/osTraits';
import type { SystemProbe } from '../../platform/systemProbe';
import type { Command, StepItem, StepStatus } from '../../shared/actionModel';
import type { Message } from '../../shared/i18n/message';
import type { StepData } from '../run/journalEntry';
import type { SpecOf, StepKind } from '../planning/recipe';
import type { StepRecord } from '../run/replayJournal';
import type { StepUndo } from '../planning/undoSteps';
import type { CloseGrace } from '../run/liveTargets';

/** What a step's work may use: the OS through the probe and the one runner, and the run's own records. */
export interface StepContext {
  runId: string;
  stepId: string;
  /** 1 on the first run of the step, more when it is resumed or retried. */
  attempt: number;
  /** The OS the plan is for (the one the app runs on: a foreign plan is refused before it runs). */
  os: OsTraits;
  signal: AbortSignal;
  probe: SystemProbe;
  /** The user's environment, which commands run in (plus each command's own variables). */
  env: NodeJS.ProcessEnv;
  /** This run's folder beside the journal (backups, elevated output). */
  runFolder: string;
  selfPid: number;
  /** When programs asked to close have had their time (close-processes); unset: GRACEFUL_WAIT_MS. */
  closeGrace?: CloseGrace;
  /** The latest record of an earlier step of this run. */
  recordOf(stepId: string): StepRecord | undefined;
  /** Asks the user and waits; false when they say no or the run is cancelled. Journaled by the runner. */
  askConsent(question: Message, items: Message[], command: Command | null): Promise<boolean>;
}

export interface StepOutcome {
  status: StepStatus;
  detail: Message;
  /** The end of what the commands printed, for the details view. */
  output: string;
  items: StepItem[];
  /** What the undo or a later step needs to know; journaled with the result. */
  data: StepData;
}

/** One step kind, whole: what it reads before, how it runs, and how it is taken back. */
export interface StepExecutor<K extends StepKind> {
  /** Reads what must be known before the change (journaled in the intent, kept across retries). */
  prepare?(spec: SpecOf<K>, ctx: StepContext): Promise<StepData>;
  execute(spec: SpecOf<K>, ctx: StepContext, before: StepData): Promise<StepOutcome>;
  /** Absent: the step changes nothing Undo can take back (a check, a close, a delete). */
  undo?: StepUndo<K>;
}

export function outcome(
  status: StepStatus,
  detail: Message,
  fields: Partial<StepOutcome> = {},
): StepOutcome {
  return { status, detail, output: '', items: [], data: null, ...fields };
}
