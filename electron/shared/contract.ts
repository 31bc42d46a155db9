import { z } from 'zod';
// The action engine's own schemas: no Node imports in any of these files, so the renderer may use them too.
import {
  ActionOutcomeSchema,
  ActionPlanSchema,
  ActionProgressSchema,
  ActionRunIdSchema,
  PendingActionSchema,
} from './actionModel';
import type { ActionProgress } from './actionModel';
export type {
  ActionOutcome,
  ActionPlan,
  ActionProgress,
  ActionStep,
  Command,
  Instruction,
  PendingAction,
  StepReport,
  StepStatus,
} from './actionModel';
import { isValidPackageName } from './packageName';
import {
  RerunIdSchema,
  RerunOutcomeSchema,
  RerunOutputSchema,
  RerunPlanSchema,
  RerunStartedSchema,
} from './rerunModel';
import type { RerunOutput } from './rerunModel';
import { ChangeSummarySchema } from './changeModel';
export type { ChangeSummary } from './changeModel';
export type { RerunOutcome, RerunOutput, RerunPlan, RerunStarted } from './rerunModel';
import { PlanRequestSchema, ProcessRefSchema } from './planRequest';
import { DiagnosisSchema, ShellSchema } from './model/diagnosis';
import { LogFindingSchema } from './model/logFinding';
import { MessageSchema } from './model/message';
import { PlatformSchema } from './model/platform';
import { LOCALES, PSEUDO_LOCALE } from './i18n/locales';

/**
 * The one map of everything the renderer may ask of main (DESIGN.md, rule 2).
 * No Node imports: the renderer imports its types. Every request is checked
 * against its schema in main; the renderer names scans by the id main gave
 * it, never by a path or a command.
 */

/** A pasted log is text; anything larger is a file the user should save and drop. */
export const MAX_LOG_TEXT = 20 * 1024 * 1024;
const ScanId = z.string().regex(/^scan-[0-9a-f]{16}$/);
/** A log main classified: the text crosses IPC once, a scan names it by this id. */
const LogId = z.string().regex(/^log-[0-9a-f]{16}$/);
const InstallId = z.string().max(64);
/** A folder main's own dialog returned: the renderer holds only this id, never the path it stands for. */
const FolderId = z.string().regex(/^folder-[0-9a-f]{16}$/);
/** A step of a plan, as the plan named it. */
const StepId = z.string().max(64);

export const ScanStepSchema = z.enum([
  'installs',
  'interpreters',
  'folders',
  'processes',
  'remedies',
]);
export const ScanProgressSchema = z.object({
  scanId: ScanId,
  step: ScanStepSchema,
  state: z.enum(['running', 'done']),
  detail: MessageSchema.nullable(),
});
export type ScanProgressEvent = z.infer<typeof ScanProgressSchema>;

/** Failures reach the UI as words a user can act on, plus the technical cause for the details view. */
export const UserErrorSchema = z.object({ message: MessageSchema, cause: z.string().nullable() });
export type UserError = z.infer<typeof UserErrorSchema>;

/**
 * What the renderer may ask a plan for: the action engine's own request
 * (strict: ids from the latest scan, a package name, never a path or a
 * command), with this contract's scan id, and the package name checked
 * against PEP 508 before main looks at anything else.
 */
export const ActionPlanRequestSchema = PlanRequestSchema.extend({
  scanId: ScanId,
  packageName: z.string().refine(isValidPackageName, 'not a PEP 508 distribution name').optional(),
});
export type ActionPlanRequest = z.infer<typeof ActionPlanRequestSchema>;

/** A program that holds files of an install, as the user picks which ones to close. */
export const HolderChoiceSchema = ProcessRefSchema.extend({
  /** "python3.11 (pid 4862, Jupyter kernel started by VS Code)". */
  description: MessageSchema,
  /** What the user calls it, without a pid: "Jupyter kernel (VS Code notebook)". */
  name: MessageSchema,
  /** The program's file name: "python.exe". */
  program: z.string(),
  /** Another listed holder that started this one (a venv launcher and its kernel): one program to the user. */
  parentPid: z.number().int().nullable(),
  /** False for another user's program: only an administrator may close it. */
  sameUser: z.boolean(),
});
export type HolderChoice = z.infer<typeof HolderChoiceSchema>;

export const PickedFolderSchema = z.object({ folderId: FolderId, displayPath: z.string() });
export type PickedFolder = z.infer<typeof PickedFolderSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: PlatformSchema,
  /** The shell the user most likely has, for the commands the app shows. */
  shell: ShellSchema,
});

const LocaleSchema = z.enum([...LOCALES, PSEUDO_LOCALE]);

export const LanguageInfoSchema = z.object({
  /** The language the app speaks now: the user's choice, else the system's, else English. */
  locale: LocaleSchema,
  /** What the language menu offers (the pseudo-locale only in test builds). */
  available: z.array(LocaleSchema),
});
export type LanguageInfo = z.infer<typeof LanguageInfoSchema>;

export const channels = {
  'app:info': { request: z.object({}).strict(), response: AppInfoSchema },
  'language:get': { request: z.object({}).strict(), response: LanguageInfoSchema },
  /** The language menu's choice: remembered by main for the next start and used by the report. */
  'language:set': {
    request: z.object({ locale: LocaleSchema }).strict(),
    response: LanguageInfoSchema,
  },
  'log:classify': {
    request: z.object({ text: z.string().max(MAX_LOG_TEXT) }).strict(),
    response: z.object({ logId: LogId, finding: LogFindingSchema }),
  },
  /** A scan of this machine, about the log classified under logId (null: no log). */
  'scan:start': {
    request: z.object({ logId: LogId.nullable() }).strict(),
    response: z.object({ scanId: ScanId }),
  },
  'scan:cancel': {
    request: z.object({ scanId: ScanId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** Resolves when the scan ends: its Diagnosis, or an error (cancelled scans say so). */
  'scan:result': { request: z.object({ scanId: ScanId }).strict(), response: DiagnosisSchema },
  'report:markdown': {
    request: z.object({ scanId: ScanId, includePersonal: z.boolean() }).strict(),
    /** `changes`: what Pip Doctor changed in this session, from the journal (the report has it too). */
    response: z.object({ markdown: z.string(), changes: z.array(ChangeSummarySchema) }),
  },
  /** Main shows the save dialog; the renderer never names the file. */
  'report:save': {
    request: z.object({ scanId: ScanId, includePersonal: z.boolean() }).strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  'clipboard:write': {
    request: z.object({ text: z.string().max(MAX_LOG_TEXT) }).strict(),
    response: z.object({}),
  },
  /**
   * The clipboard's plain text, for the Paste button: the renderer has no
   * clipboard access of its own (hardening.ts refuses clipboard-read), and
   * main answers with text only, its last MAX_LOG_TEXT characters.
   */
  'clipboard:read': {
    request: z.object({}).strict(),
    response: z.object({ text: z.string().max(MAX_LOG_TEXT), truncated: z.boolean() }),
  },
  /** Only https links on the allowlist in main open; anything else is refused. */
  'external:open': {
    request: z.object({ url: z.string().url().max(2048) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  /** The programs that hold files of one install in that scan, for the list the user unticks. */
  'action:holders': {
    request: z.object({ scanId: ScanId, installId: InstallId }).strict(),
    response: z.object({ holders: z.array(HolderChoiceSchema) }),
  },
  /** A plan from the latest scan, shown before anything runs (DESIGN.md rule 6). */
  'action:plan': { request: ActionPlanRequestSchema, response: ActionPlanSchema },
  /** Runs the plan with this id exactly as shown, once; its run id is the plan's id. */
  'action:run': {
    request: z.object({ planId: ActionRunIdSchema }).strict(),
    response: z.object({ runId: ActionRunIdSchema }),
  },
  /** The user's answer to a `consent-needed` progress event. */
  'action:consent': {
    request: z.object({ runId: ActionRunIdSchema, stepId: StepId, agreed: z.boolean() }).strict(),
    response: z.object({ answered: z.boolean() }),
  },
  'action:cancel': {
    request: z.object({ runId: ActionRunIdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** Resolves when the run ends: its verified outcome, or why it could not start. */
  'action:result': {
    request: z.object({ runId: ActionRunIdSchema }).strict(),
    response: ActionOutcomeSchema,
  },
  /** The plan that would undo an action; it runs through action:run like any plan. */
  'action:undo': {
    request: z.object({ runId: ActionRunIdSchema }).strict(),
    response: ActionPlanSchema,
  },
  /** Actions the journal says did not end cleanly, newest first. */
  'action:pending': { request: z.object({}).strict(), response: z.array(PendingActionSchema) },
  /**
   * The plan Resume would run: built again by main from the journal's facts
   * and the latest scan (the journal holds no commands), shown before it runs.
   */
  'action:resume-plan': {
    request: z.object({ runId: ActionRunIdSchema }).strict(),
    response: ActionPlanSchema,
  },
  /** Goes on with a pending action, under its own run id: exactly the plan action:resume-plan showed. */
  'action:resume': {
    request: z.object({ runId: ActionRunIdSchema }).strict(),
    response: z.object({ runId: ActionRunIdSchema }),
  },
  /** The user says a pending action needs nothing more. */
  'action:dismiss': {
    request: z.object({ runId: ActionRunIdSchema }).strict(),
    response: z.object({}),
  },
  /** Main shows the folder dialog; the renderer gets an id for the folder and its path to show. */
  'folder:choose': { request: z.object({}).strict(), response: PickedFolderSchema.nullable() },
  /**
   * "Run my install again" after the fix with this run id worked: main
   * builds the command from its own record of that fix and the scan; the
   * renderer names only the fix. Output streams as `rerun:output`.
   */
  /** The install "Run my install again" would run after that fix, shown before it runs. */
  'rerun:plan': {
    request: z.object({ runId: ActionRunIdSchema }).strict(),
    response: RerunPlanSchema,
  },
  'rerun:start': {
    request: z.object({ runId: ActionRunIdSchema }).strict(),
    response: RerunStartedSchema,
  },
  /** Resolves when the install ends: what pip's exit code says, and the end of its output. */
  'rerun:result': {
    request: z.object({ rerunId: RerunIdSchema }).strict(),
    response: RerunOutcomeSchema,
  },
  'rerun:cancel': {
    request: z.object({ rerunId: RerunIdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
} as const;

export type Channel = keyof typeof channels;
export type RequestOf<C extends Channel> = z.infer<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof channels)[C]['response']>;

/** What every invoke resolves to: main never throws across the bridge. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: UserError };

/** Main → renderer events. */
export const events = {
  'scan:progress': ScanProgressSchema,
  'action:progress': ActionProgressSchema,
  'rerun:output': RerunOutputSchema,
} as const;
export type EventName = keyof typeof events;

/** window.pipDoctor, exactly: one method per channel, one subscription per event. */
export interface PipDoctorBridge {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Reply<ResponseOf<C>>>;
  onScanProgress(listener: (event: ScanProgressEvent) => void): () => void;
  onActionProgress(listener: (event: ActionProgress) => void): () => void;
  onRerunOutput(listener: (event: RerunOutput) => void): () => void;
}
