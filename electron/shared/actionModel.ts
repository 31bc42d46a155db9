import { z } from 'zod';
import { RemedySchema } from './model/vocabulary';
import { MessageSchema } from './model/message';

/**
 * What the user sees of a fix (DESIGN.md rule 6): the plan before anything
 * changes, the progress while it runs, the outcome after it was verified, and
 * what the app remembers of actions that did not finish. No Node imports: the
 * IPC contract and the renderer use these schemas and types.
 */

export const ActionRunIdSchema = z.string().regex(/^act-[0-9a-f]{16}$/);

/** A program and its arguments, exactly as they are run: never through a shell. */
export const CommandSchema = z.object({
  program: z.string(),
  args: z.array(z.string()),
  /** Variables set for this command on top of the user's own environment. */
  env: z.record(z.string(), z.string()),
});
export type Command = z.infer<typeof CommandSchema>;

export const ActionStepSchema = z.object({
  id: z.string(),
  /** Plain words: "Create the virtual environment". */
  title: MessageSchema,
  /** The exact command; null when the app does it itself (deleting a folder, signalling a process). */
  command: CommandSchema.nullable(),
  /** A PowerShell script a command carries as -EncodedCommand, decoded, so it can be read. */
  script: z.string().nullable(),
  /**
   * What `command` runs, as a person reads it, where `command` carries it
   * encoded: the program a UAC step starts as administrator. Null when
   * `command` reads as it is, or carries a whole script (then `script` is it).
   */
  readable: CommandSchema.nullable(),
  /** The user does this step (signs out, restarts); the app waits and goes on afterwards. */
  byUser: z.boolean(),
  /** What the step changes on this machine, in plain words; null for a check that changes nothing. */
  changes: MessageSchema.nullable(),
  /** Asked, with what is left to do, right before the step runs; the step is skipped on "no". */
  confirmation: MessageSchema.nullable(),
  /** Runs with administrator (root) rights, so Windows or polkit asks first. */
  elevated: z.boolean(),
});
export type ActionStep = z.infer<typeof ActionStepSchema>;

/**
 * Something the user types or clicks themselves: the app shows it, never runs
 * it. What is typed (a command, a profile line) is text exactly as it is, never
 * translated; what is read (`note`, the clicks in VS Code) is words.
 */
export const InstructionSchema = z.discriminatedUnion('where', [
  z.object({
    title: MessageSchema,
    /** Where it goes: a shell or a profile file. */
    where: z.enum(['bash', 'zsh', 'fish', 'powershell', 'cmd', 'profile']),
    text: z.string(),
  }),
  z.object({
    title: MessageSchema,
    /** An editor's menus, or a sentence: read, nothing to copy. */
    where: z.enum(['vscode', 'note']),
    text: MessageSchema,
  }),
]);
export type Instruction = z.infer<typeof InstructionSchema>;

export const ActionPlanSchema = z.object({
  id: ActionRunIdSchema,
  remedy: RemedySchema,
  installId: z.string().nullable(),
  /** The scan the plan was built from: a newer scan makes it stale. */
  scanId: z.string(),
  /** Plain words: "Create a virtual environment in /home/ana/project/.venv and install requests". */
  title: MessageSchema,
  steps: z.array(ActionStepSchema),
  /** What the user does themselves, before or after (activation, a profile line, a sudo command). */
  instructions: z.array(InstructionSchema),
  undoable: z.boolean(),
  needsElevation: z.boolean(),
  warnings: z.array(MessageSchema),
  /** Set when this plan undoes an earlier action. */
  undoOf: ActionRunIdSchema.nullable(),
});
export type ActionPlan = z.infer<typeof ActionPlanSchema>;

export const StepStatusSchema = z.enum([
  'done',
  'failed',
  'skipped',
  /** Windows' UAC prompt or polkit's password dialog was refused: an answer, not an error. */
  'declined',
  'cancelled',
  /** Waits for something outside the app (a sign-out or a restart). */
  'waiting',
  'not-run',
]);
export type StepStatus = z.infer<typeof StepStatusSchema>;

/** One thing a step acted on (a process, a file), when there are several. */
export const StepItemSchema = z.object({
  /** The thing as the user knows it ("Jupyter kernel (VS Code notebook)"). */
  label: MessageSchema,
  status: z.enum(['done', 'gone', 'denied', 'refused', 'still-running', 'failed', 'skipped']),
  detail: MessageSchema,
});
export type StepItem = z.infer<typeof StepItemSchema>;

export const StepReportSchema = z.object({
  stepId: z.string(),
  status: StepStatusSchema,
  /** In words; the end of the command's output follows for the details view. */
  detail: MessageSchema,
  output: z.string(),
  items: z.array(StepItemSchema),
});
export type StepReport = z.infer<typeof StepReportSchema>;

export const ActionProgressSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('step-started'), runId: ActionRunIdSchema, stepId: z.string() }),
  z.object({
    type: z.literal('step-finished'),
    runId: ActionRunIdSchema,
    report: StepReportSchema,
  }),
  /** The run waits for answerConsent(runId, stepId, yes/no). */
  z.object({
    type: z.literal('consent-needed'),
    runId: ActionRunIdSchema,
    stepId: z.string(),
    question: MessageSchema,
    items: z.array(MessageSchema),
    /** The exact command the step would run for these items (Windows' PowerShell, closeProcessesScript.ts); null for signals. */
    command: CommandSchema.nullable(),
  }),
  z.object({ type: z.literal('verifying'), runId: ActionRunIdSchema }),
]);
export type ActionProgress = z.infer<typeof ActionProgressSchema>;

export const ActionStatusSchema = z.enum([
  'succeeded',
  'failed',
  'cancelled',
  'declined',
  'needs-restart',
]);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const VerificationSchema = z.object({
  /** null when nothing could be checked (the run stopped before anything changed). */
  ok: z.boolean().nullable(),
  detail: MessageSchema,
});
export type Verification = z.infer<typeof VerificationSchema>;

export const ActionOutcomeSchema = z.object({
  runId: ActionRunIdSchema,
  remedy: RemedySchema,
  status: ActionStatusSchema,
  /** One or two sentences for the user. */
  summary: MessageSchema,
  steps: z.array(StepReportSchema),
  verification: VerificationSchema,
  undoAvailable: z.boolean(),
  instructions: z.array(InstructionSchema),
});
export type ActionOutcome = z.infer<typeof ActionOutcomeSchema>;

export const PendingChoiceSchema = z.enum(['resume', 'undo', 'mark-resolved']);
export type PendingChoice = z.infer<typeof PendingChoiceSchema>;

/** An action that started and did not end cleanly: what the app says on its next start. */
export const PendingActionSchema = z.object({
  runId: ActionRunIdSchema,
  plan: ActionPlanSchema,
  startedAt: z.string(),
  /** How it ended, when it did; null when the app stopped while it ran (a crash, a power cut). */
  status: ActionStatusSchema.nullable(),
  /** The step it stopped at; null when every step ran (the verification did not). */
  stoppedAt: z
    .object({
      stepId: z.string(),
      /** The step's title as the plan showed it. */
      title: MessageSchema,
      /** `started`: it began and whether it finished is unknown. */
      state: z.enum(['not-started', 'started', 'failed', 'declined', 'cancelled', 'waiting']),
    })
    .nullable(),
  completedSteps: z.array(z.string()),
  /** Plain words: where it stopped and what each choice would do. */
  explanation: MessageSchema,
  choices: z.array(PendingChoiceSchema),
  /** For actions that wait for a restart: whether the machine has restarted since (null: unknown). */
  restartedSince: z.boolean().nullable(),
});
export type PendingAction = z.infer<typeof PendingActionSchema>;

/** An action of the journal, for the list of recent fixes (and their Undo). */
export const RecentActionSchema = z.object({
  runId: ActionRunIdSchema,
  plan: ActionPlanSchema,
  startedAt: z.string(),
  /** null while it runs, or when the app stopped before it ended. */
  outcome: ActionOutcomeSchema.nullable(),
  undone: z.boolean(),
  undoAvailable: z.boolean(),
});
export type RecentAction = z.infer<typeof RecentActionSchema>;
