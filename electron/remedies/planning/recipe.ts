import { z } from 'zod';
import { ActionPlanSchema, CommandSchema } from '../../shared/actionModel';

/**
 * What main keeps of a plan to run it: the plan the user saw, and for each of
 * its steps the exact work behind it. Plain data, written whole to the
 * journal before the first step, so that a run can be resumed or undone
 * after a crash by a new process that has nothing else.
 */

export const PlatformSchema = z.enum(['linux', 'darwin', 'win32']);
export type Platform = z.infer<typeof PlatformSchema>;

/** A command, and how it gets administrator rights if it needs them. */
export const ElevatedRunSchema = z.object({
  command: CommandSchema,
  elevation: z.enum(['none', 'pkexec', 'uac']),
  /** uac: where the elevated side writes its output and exit code. */
  outputDir: z.string().nullable(),
  /** uac: how the elevated program encodes what it prints. */
  outputEncoding: z.enum(['utf8', 'oem']),
  timeoutMs: z.number().int().positive(),
});
export type ElevatedRun = z.infer<typeof ElevatedRunSchema>;

/** A process as the scan saw it, with what the user is told about it. */
export const ProcessTargetSchema = z.object({
  pid: z.number().int(),
  startTime: z.string(),
  label: z.string(),
});
export type ProcessTarget = z.infer<typeof ProcessTargetSchema>;

export const OwnedEntrySchema = z.object({
  path: z.string(),
  uid: z.number().int(),
  gid: z.number().int(),
});
export type OwnedEntry = z.infer<typeof OwnedEntrySchema>;

export const StepSpecSchema = z.discriminatedUnion('kind', [
  /** A command whose exit code 0 is success, and that needs no record to be undone. */
  z.object({ kind: z.literal('command'), run: ElevatedRunSchema }),
  z.object({ kind: z.literal('create-venv'), run: ElevatedRunSchema, folder: z.string() }),
  z.object({
    kind: z.literal('pip-install'),
    run: ElevatedRunSchema,
    python: z.string(),
    /** How the distributions are listed before and after, to know what the install added. */
    scope: z.enum(['environment', 'user']),
    dryRun: z.boolean(),
  }),
  z.object({
    kind: z.literal('save-acl'),
    run: ElevatedRunSchema,
    backupFile: z.string(),
  }),
  z.object({
    kind: z.literal('grant-acl'),
    run: ElevatedRunSchema,
    /** The undo, fixed before anything changes. */
    restore: ElevatedRunSchema,
  }),
  z.object({ kind: z.literal('read-long-paths'), run: ElevatedRunSchema }),
  z.object({
    kind: z.literal('set-long-paths'),
    run: ElevatedRunSchema,
    /** The step that read the value before, whose record the undo puts back. */
    readStepId: z.string(),
  }),
  z.object({
    kind: z.literal('user-path'),
    run: ElevatedRunSchema,
    entry: z.string(),
    mode: z.enum(['add', 'remove']),
  }),
  z.object({
    kind: z.literal('record-owners'),
    root: z.string(),
    targetUid: z.number().int(),
    /** The files the plan showed: the run refuses when what it finds differs. */
    planned: z.array(OwnedEntrySchema),
  }),
  z.object({
    kind: z.literal('chown'),
    run: ElevatedRunSchema,
    paths: z.array(z.string()),
    recordStepId: z.string(),
  }),
  /**
   * Windows: taskkill (without /F) for the targets still running when the
   * step runs, so `systemRoot` rather than a fixed command; POSIX: signals
   * sent by the app itself (systemRoot null).
   */
  z.object({
    kind: z.literal('close-gracefully'),
    targets: z.array(ProcessTargetSchema),
    systemRoot: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('close-by-force'),
    targets: z.array(ProcessTargetSchema),
    systemRoot: z.string().nullable(),
    gracefulStepId: z.string(),
  }),
  /** Refuses to go on while a program holds any of the paths. */
  z.object({
    kind: z.literal('check-unheld'),
    roots: z.array(z.string()),
    paths: z.array(z.string()),
  }),
  z.object({ kind: z.literal('remove-paths'), paths: z.array(z.string()) }),
  /** Removes a folder the action created, only while it still is what it created. */
  z.object({
    kind: z.literal('remove-venv'),
    folder: z.string(),
    /** The folder existed (empty) before: it is emptied, not removed. */
    keepFolder: z.boolean(),
  }),
  z.object({
    kind: z.literal('await-restart'),
    roots: z.array(z.string()),
    paths: z.array(z.string()),
  }),
]);
export type StepSpec = z.infer<typeof StepSpecSchema>;
export type StepKind = StepSpec['kind'];

export const VerifySpecSchema = z.discriminatedUnion('kind', [
  /** The package imports in that Python, by the module names its metadata lists. */
  z.object({
    kind: z.literal('imports'),
    python: z.string(),
    packageName: z.string(),
    env: z.record(z.string(), z.string()),
  }),
  z.object({
    kind: z.literal('unheld'),
    roots: z.array(z.string()),
    paths: z.array(z.string()),
    /**
     * Close steps whose leftovers (still running, or not ours to close) count
     * as holders too: a process of another user holds files a scan by this
     * user cannot see.
     */
    closeStepIds: z.array(z.string()),
  }),
  z.object({ kind: z.literal('writable'), folder: z.string() }),
  z.object({ kind: z.literal('owned-by'), recordStepId: z.string(), uid: z.number().int() }),
  z.object({ kind: z.literal('pip-runs'), python: z.string() }),
  z.object({ kind: z.literal('paths-gone'), paths: z.array(z.string()) }),
  z.object({ kind: z.literal('long-paths-on'), run: ElevatedRunSchema }),
]);
export type VerifySpec = z.infer<typeof VerifySpecSchema>;

export const RecipeSchema = z.object({
  plan: ActionPlanSchema,
  platform: PlatformSchema,
  /** In the order of plan.steps, with the same ids. */
  specs: z.array(z.object({ stepId: z.string(), spec: StepSpecSchema })),
  verify: z.array(VerifySpecSchema),
  /** When the scan behind it was taken; the run refuses a plan from an old scan. */
  scannedAt: z.string(),
});
export type Recipe = z.infer<typeof RecipeSchema>;
