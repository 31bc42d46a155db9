import type {
  ActionOutcome,
  ActionPlan,
  ActionProgress,
  Command,
  HolderChoice,
  PendingAction,
  PickedFolder,
  StepReport,
  UserError,
} from '../../../electron/shared/contract';
import type { Message } from '../../../electron/shared/i18n/message';
import type { RemedyId } from '../../../electron/shared/model/vocabulary';

/**
 * One fix as the dialog shows it: what it was opened for, the choices the
 * user can still change, the plan main made from them, and the run. Plain
 * data and pure functions; actionSlice.ts calls the bridge.
 */

/** Whether a remedy's plan installs a package (Recommendation.action.packageUse). */
export type PackageUse = 'required' | 'optional' | 'none';

export type ActionOrigin =
  /** A remedy of the latest scan: its plan is remade whenever a choice changes. */
  | {
      kind: 'remedy';
      remedy: RemedyId;
      installId: string;
      /** The remedy's title, as the fix card showed it (formatted in the user's language where shown). */
      title: Message;
      /** Whether its plan installs a package, and whether it can do without one. */
      packageUse: PackageUse;
    }
  /** Taking back an earlier action: main's undo plan, shown like any plan. */
  | { kind: 'undo'; of: string }
  /** An action the journal says did not finish, going on where it stopped. */
  | { kind: 'resume'; pending: PendingAction };

export interface PlanChoices {
  /** As typed; checked against PEP 508 before it is sent. */
  packageName: string;
  /** A folder from main's dialog; null for the project's own .venv. */
  folder: PickedFolder | null;
  /** The programs that hold the files, for close-processes; null until main listed them. */
  holders: HolderChoice[] | null;
  /** The pids the user unticked. */
  unticked: number[];
}

export type PlanState =
  | { status: 'loading' }
  | { status: 'ready'; plan: ActionPlan }
  /** The choices cannot make a plan yet (no program ticked, a package name that is not one). */
  | { status: 'incomplete'; reason: Message }
  | { status: 'failed'; error: UserError };

export type StepProgressStatus = 'waiting' | 'running' | StepReport['status'];

export interface StepProgress {
  status: StepProgressStatus;
  report: StepReport | null;
}

export interface ConsentQuestion {
  stepId: string;
  question: Message;
  items: Message[];
  command: Command | null;
}

export type RunState =
  | {
      status: 'running';
      runId: string;
      steps: Record<string, StepProgress>;
      consent: ConsentQuestion | null;
      verifying: boolean;
      cancelling: boolean;
    }
  | { status: 'finished'; runId: string; outcome: ActionOutcome }
  /** The run could not start or its end could not be read (a refusal, main gone). */
  | { status: 'failed'; runId: string; error: UserError };

export interface ActionSession {
  /** Grows with every session: late replies meant for an earlier one are dropped. */
  id: number;
  origin: ActionOrigin;
  choices: PlanChoices;
  plan: PlanState;
  run: RunState | null;
}

export function startedRun(plan: ActionPlan, doneAlready: readonly string[] = []): RunState {
  return {
    status: 'running',
    runId: plan.id,
    steps: Object.fromEntries(
      plan.steps.map((step) => [
        step.id,
        { status: doneAlready.includes(step.id) ? 'done' : 'waiting', report: null },
      ]),
    ),
    consent: null,
    verifying: false,
    cancelling: false,
  };
}

/** One progress event applied to a running run; events of other runs change nothing. */
export function applyActionProgress(run: RunState, event: ActionProgress): RunState {
  if (run.status !== 'running' || event.runId !== run.runId) return run;
  switch (event.type) {
    case 'step-started':
      return {
        ...run,
        steps: { ...run.steps, [event.stepId]: { status: 'running', report: null } },
      };
    case 'step-finished':
      return {
        ...run,
        consent: run.consent?.stepId === event.report.stepId ? null : run.consent,
        steps: {
          ...run.steps,
          [event.report.stepId]: { status: event.report.status, report: event.report },
        },
      };
    case 'consent-needed':
      return {
        ...run,
        consent: {
          stepId: event.stepId,
          question: event.question,
          items: event.items,
          command: event.command,
        },
      };
    case 'verifying':
      return { ...run, verifying: true };
  }
}
