import { z } from 'zod';
import { LogFindingSchema } from './logFinding';
import { CauseSchema, RemedySchema } from './vocabulary';
import { PlatformSchema } from './platform';
import { MessageSchema } from './message';

/**
 * The one Diagnosis document: what `diagnose --json` prints and what the UI
 * receives over IPC. Paths are as the operating system gives them.
 */

export const InstallKindSchema = z.enum([
  'venv',
  'system',
  'conda',
  'pyenv',
  'uv',
  'homebrew',
  'user',
  'store',
  'per-user',
  'all-users',
  'unknown',
]);
export type InstallKind = z.infer<typeof InstallKindSchema>;

/** How asking an interpreter about itself went (one spawn per interpreter). */
/** `broken`: the install is there but cannot run (a venv whose base interpreter was deleted or moved). */
export const ProbeStatusSchema = z.enum([
  'ok',
  'timed-out',
  'crashed',
  'malformed',
  'not-python',
  'broken',
]);
export type ProbeStatus = z.infer<typeof ProbeStatusSchema>;

export const FolderRoleSchema = z.enum([
  'purelib',
  'platlib',
  'scripts',
  'user-site',
  'user-scripts',
  /** The folder holding the file pip failed on, when its own folders are writable but it is not. */
  'failing',
]);
export type FolderRole = z.infer<typeof FolderRoleSchema>;

/** One entry of a Windows folder's access-control list, as the reason's evidence. */
export const AclEntrySchema = z.object({
  /** A readable name ("BUILTIN\\Users"), or the SID when it has none. */
  principal: z.string(),
  sid: z.string().nullable(),
  type: z.enum(['allow', 'deny']),
  /** The rights in words of the user's language ("full control", "modify", "read and execute"). */
  rights: MessageSchema,
  inherited: z.boolean(),
  /** Whether this entry applies to the scanning user (their SID or one of their groups). */
  appliesToUser: z.boolean(),
});
export type AclEntry = z.infer<typeof AclEntrySchema>;

/** The result of writing (and deleting) a probe file in one folder. */
export const AccessCheckSchema = z.object({
  role: FolderRoleSchema,
  path: z.string(),
  exists: z.boolean(),
  /** null when it could not be decided (the folder and its parents do not exist, a timeout). */
  writable: z.boolean().nullable(),
  /** Why not, in words from the real facts; null when writable. */
  reason: MessageSchema.nullable(),
  /** The facts behind the reason, for the detail view. */
  owner: z.string().nullable(),
  mode: z.string().nullable(),
  /** Windows only: the entries that decide access (null elsewhere, or when unreadable). */
  acl: z.array(AclEntrySchema).nullable(),
  /** It lies on a read-only file system (a mount): no one can write there, administrators included. */
  readOnlyFileSystem: z.boolean(),
  /**
   * POSIX: the highest folder of the user's own home on the way to this one
   * that another account owns (root, after a `sudo pip`): `chown -R` of it
   * gives the user their tree back. null elsewhere.
   */
  reclaim: z.string().nullable(),
});
export type AccessCheck = z.infer<typeof AccessCheckSchema>;

/** Traces of a pip run that stopped half-way. */
export const LeftoverSchema = z.object({
  kind: z.enum(['stash-folder', 'deleteme-file', 'pip-missing']),
  path: z.string(),
  /** The distribution it belonged to, when known. */
  package: z.string().nullable(),
});
export type Leftover = z.infer<typeof LeftoverSchema>;

export const PythonInstallSchema = z.object({
  /** Stable for one machine: derived from the interpreter's real path. */
  id: z.string(),
  executable: z.string(),
  /** Every path and command that reaches this interpreter (symlinks, shims, PATH names). */
  names: z.array(z.string()),
  version: z.string().nullable(),
  implementation: z.string().nullable(),
  kind: InstallKindSchema,
  prefix: z.string().nullable(),
  basePrefix: z.string().nullable(),
  status: ProbeStatusSchema,
  /** What went wrong when status is not ok, in words. */
  statusDetail: MessageSchema.nullable(),
  pipVersion: z.string().nullable(),
  externallyManaged: z.boolean(),
  userSiteEnabled: z.boolean().nullable(),
  folders: z.array(AccessCheckSchema),
  leftovers: z.array(LeftoverSchema),
  /**
   * Pids of the scan's processes that hold files of this install (or the
   * file the log names), worked out once by the scan for everything after it.
   */
  heldBy: z.array(z.number().int()),
});
export type PythonInstall = z.infer<typeof PythonInstallSchema>;

export const PipOnPathSchema = z.object({
  command: z.string(),
  /** The file the command runs, after symlinks and shims; null when not on PATH. */
  path: z.string().nullable(),
  installId: z.string().nullable(),
});

export const ProcessParentSchema = z.object({
  pid: z.number().int(),
  name: z.string(),
  executable: z.string().nullable(),
});

/** What a process does for the user, when recognisable: a kernel, a language server, a debugger. */
export const HolderRoleSchema = z.enum([
  'spyder-kernel',
  'jupyter-kernel',
  'pylance',
  'language-server',
  'debugpy',
  'pycharm-debugger',
  'pycharm-console',
  'idle-shell',
]);
export type HolderRole = z.infer<typeof HolderRoleSchema>;

/**
 * Who started a process, as facts rather than a phrase to take apart: its
 * role, the app among its parents, and the phrase to show ("Jupyter kernel
 * started by VS Code").
 */
export const StarterSchema = z.object({
  role: HolderRoleSchema.nullable(),
  /**
   * The app as a person knows it: its own name ("VS Code", never translated),
   * or words for what Windows names in the user's language (Command Prompt).
   */
  app: z.union([z.string(), MessageSchema]).nullable(),
  /** A shell is only where the program was typed; an app or terminal is what the user opened. */
  appKind: z.enum(['app', 'terminal', 'shell']).nullable(),
  phrase: MessageSchema,
});
export type Starter = z.infer<typeof StarterSchema>;

export const RunningProcessSchema = z.object({
  pid: z.number().int(),
  /** With the pid, identifies the process (PIDs are reused). ISO 8601. */
  startTime: z.string(),
  executable: z.string().nullable(),
  commandLine: z.string(),
  user: z.string().nullable(),
  /** False for processes of other users: reported, never hidden. */
  sameUser: z.boolean(),
  installId: z.string().nullable(),
  /** Nearest parent first, up to the app that started it. */
  parents: z.array(ProcessParentSchema),
  /** The app a person would recognise ("VS Code", "Jupyter"), from the parents. */
  startedBy: StarterSchema.nullable(),
  /** Files of the inspected installs it has open or mapped. */
  holds: z.array(z.string()),
});
export type RunningProcess = z.infer<typeof RunningProcessSchema>;

/** Why this install is taken for the one pip failed in. */
export const TargetReasonSchema = z.enum([
  /** The failing path in the log lies in it. */
  'log-path',
  /** The log shows this interpreter running pip. */
  'log-interpreter',
  /** VIRTUAL_ENV names it (activated, or activated in name only). */
  'virtual-env',
  /** What `pip` (or `python`) on PATH runs. */
  'pip-on-path',
  'python-on-path',
  /** The only working install found. */
  'only-install',
]);
export type TargetReason = z.infer<typeof TargetReasonSchema>;

/** Where pip unpacks and builds: TMPDIR (TEMP, TMP on Windows), checked by writing. */
export const TempDirCheckSchema = z.object({
  path: z.string(),
  /** The environment variable that chose it, or null for the system default. */
  variable: z.string().nullable(),
  problem: z.enum(['missing', 'not-writable', 'full']).nullable(),
  /** The problem in words; null when it works. */
  reason: MessageSchema.nullable(),
  /** A folder of the user's that works, for `TMPDIR=... pip install`; null when none was found. */
  alternative: z.string().nullable(),
  /**
   * The folder Python's tempfile takes instead when this one refuses a test
   * file (pip then works, in that folder); null when it takes this one anyway
   * (a nearly full disk) or none works.
   */
  usedInstead: z.string().nullable(),
});
export type TempDirCheck = z.infer<typeof TempDirCheckSchema>;

/** Something the scan noticed that the user should know, beyond the cause itself. */
export const ObservationSchema = z.object({
  kind: z.enum([
    /** VIRTUAL_ENV is set, but its bin/ (Scripts\) is not on PATH: `pip` is another install's. */
    'venv-not-on-path',
    /** site-packages is not writable but the user site is: pip installs there by itself (pip >= 20). */
    'user-site-fallback',
    /** TMPDIR (TEMP) is missing, not writable or full: pip cannot unpack anything. */
    'temp-dir-unusable',
    /** The install lies on a read-only file system: no one, administrator included, can write there. */
    'read-only-file-system',
    /** A package left half-installed (a `~name` stash of it): it must be reinstalled. */
    'half-installed-package',
    /** A `python` on PATH did not answer. */
    'interpreter-hangs',
    /** The file pip failed on belongs to a distribution other than the one asked for. */
    'file-owner',
    /** The log shows success and the scan found nothing wrong. */
    'nothing-wrong',
  ]),
  /** In plain words, from this machine's facts. */
  message: MessageSchema,
  /** The folder or file it is about, when there is one. */
  path: z.string().nullable(),
});
export type Observation = z.infer<typeof ObservationSchema>;

/** Something that could not be inspected, and what would reveal it. */
export const GapSchema = z.object({
  area: z.enum(['installs', 'folders', 'processes', 'elevation']),
  message: MessageSchema,
  howToReveal: MessageSchema.nullable(),
});
export type Gap = z.infer<typeof GapSchema>;

export const ShellSchema = z.enum(['bash', 'cmd', 'powershell']);
export type Shell = z.infer<typeof ShellSchema>;

export const RecommendationSchema = z.object({
  id: RemedySchema,
  /** 1 is the fix to try first. */
  rank: z.number().int().positive(),
  /** Why, from this machine's facts. */
  reason: MessageSchema,
  /** The exact commands a user would type, in `shell`. */
  commands: z.array(z.string()),
  shell: ShellSchema,
  /** False for remedies listed only to say why they would not help here. */
  applicable: z.boolean(),
  installId: z.string().nullable(),
  /** The remedy in a few plain words, the same on screen and in the exported report. */
  title: MessageSchema,
  /** What carrying it out changes on the computer: the user decides with this. */
  changes: MessageSchema,
  /** The one-click fix Pip Doctor can carry out; null for advice the user types themselves. */
  action: z
    .object({
      label: MessageSchema,
      /** Whether the plan installs a package, and whether it can do without one. */
      packageUse: z.enum(['required', 'optional', 'none']),
    })
    .nullable(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** System settings whose effects look like permission errors (Windows; null elsewhere or unknown). */
export const SystemSettingsSchema = z.object({
  longPathsEnabled: z.boolean().nullable(),
  controlledFolderAccess: z.boolean().nullable(),
  /** Not elevated now, but an administrator who could be (UAC split token). */
  canElevate: z.boolean().nullable(),
});
export type SystemSettings = z.infer<typeof SystemSettingsSchema>;

export const DiagnosisSchema = z.object({
  schemaVersion: z.literal(1),
  platform: PlatformSchema,
  scannedAt: z.string(),
  /** The scanning user: a uid on POSIX, a SID on Windows (account names are localised). */
  user: z.object({
    name: z.string(),
    uid: z.number().int().nullable(),
    sid: z.string().nullable(),
  }),
  elevated: z.boolean(),
  settings: SystemSettingsSchema,
  installs: z.array(PythonInstallSchema),
  pipOnPath: z.array(PipOnPathSchema),
  /** The install pip failed in (or, without a log, the one `pip` on PATH reaches). */
  targetInstallId: z.string().nullable(),
  /** How the target was found, most telling first (DESIGN.md rule 11); null without one. */
  targetBecause: TargetReasonSchema.nullable(),
  /**
   * Where a new virtual environment for the project goes: its `.venv`, or
   * `.venv-new` when `.venv` is the environment pip failed in (it may be in
   * use, or root's). Null without a working target install.
   */
  newVenvFolder: z.string().nullable(),
  processes: z.array(RunningProcessSchema),
  /** Where pip unpacks; null where it could not be checked. */
  tempDir: TempDirCheckSchema.nullable(),
  log: LogFindingSchema.nullable(),
  /** The cause the diagnosis settles on, from the log and the machine together; `none` when all is well. */
  cause: z.union([CauseSchema, z.literal('none')]),
  /** That cause in one sentence, from this machine's facts. */
  causeSummary: MessageSchema,
  recommendations: z.array(RecommendationSchema),
  observations: z.array(ObservationSchema),
  gaps: z.array(GapSchema),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
