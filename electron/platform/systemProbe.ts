import type {
  AccessCheck,
  FolderRole,
  Gap,
  InstallKind,
  Leftover,
  ProbeStatus,
  SystemSettings,
  TempDirCheck,
} from '../shared/model/diagnosis';
import type { Platform } from '../shared/model/platform';
import type { Message } from '../shared/i18n/message';

/**
 * Marks the interpreter probe: its module is named so, and so is the key of
 * the JSON it prints. A process whose command line carries it is the scan's
 * own probe, never a program of the user's.
 */
export const PROBE_MARKER = 'pipDoctorProbe';

/** What one spawn of an interpreter told about itself (DESIGN.md rule 4). */
export interface InterpreterFacts {
  status: ProbeStatus;
  /** Why the status is not ok, in words plus the technical cause; also set when some facts are missing. */
  statusDetail: Message | null;
  /** The path that was asked, exactly as given. */
  executable: string;
  /** os.path.realpath(sys.executable): for a venv this is the base interpreter, not the venv. */
  realExecutable: string | null;
  version: string | null;
  implementation: string | null;
  prefix: string | null;
  basePrefix: string | null;
  inVenv: boolean;
  purelib: string | null;
  platlib: string | null;
  scripts: string | null;
  stdlib: string | null;
  userSite: string | null;
  userScripts: string | null;
  userSiteEnabled: boolean | null;
  pipVersion: string | null;
  externallyManaged: boolean;
  condaPrefix: boolean;
  platform: string | null;
  durationMs: number;
}

/**
 * How an install the user's log points at is named among a candidate's
 * names (InterpreterCandidate.names, BrokenInstall.names), the same on every
 * OS, so the engine can tell which install the log meant.
 */
/** The install a path in the log lies in (found by walking up from that path). */
export const LOG_PATH_SIGHTING = 'the install your log names';
/** The interpreter the log shows running pip. */
export const LOG_INTERPRETER_SIGHTING = 'the interpreter your log shows running pip';

/** An interpreter found on the machine, with every name that reaches it. */
export interface InterpreterCandidate {
  /** Same for every path that reaches this interpreter (its binary, and its venv if any). */
  identity: string;
  /** The file to run: a real interpreter, never a shim or a launcher script. */
  executable: string;
  /** How it was found ("python3 on PATH", "VIRTUAL_ENV", "pyenv 3.11.7", "--python"). */
  names: string[];
}

/** Which interpreter a command on PATH really runs. */
export interface CommandResolution {
  command: string;
  /** The file found on PATH, null when the command is not on PATH. */
  path: string | null;
  /** The interpreter it runs (through symlinks, pyenv shims, pip's shebang). */
  interpreter: string | null;
}

export interface DiscoveryOptions {
  projectDir: string;
  extraPythons: string[];
  env: NodeJS.ProcessEnv;
  /**
   * Paths the user's log names (the failing file): the install each lies in
   * is found by walking up to its root (pyvenv.cfg, conda-meta/, lib/pythonX.Y,
   * Lib\site-packages) and searched even when it is on no PATH.
   */
  logPaths?: string[];
  /** The interpreter the log shows running pip, searched like --python. */
  logInterpreter?: string | null;
}

/** A virtual environment that is there but cannot run: its base interpreter was deleted or moved. */
export interface BrokenInstall {
  /** The venv's interpreter (a link or copy that no longer starts). */
  executable: string;
  /** The venv's folder (where pyvenv.cfg is). */
  prefix: string;
  /** From pyvenv.cfg (`version` / `version_info`), when it says. */
  version: string | null;
  /** The base interpreter pyvenv.cfg names (`home`, `executable`), which no longer exists. */
  base: string | null;
  /** Why it cannot run, in words ("its base interpreter /opt/python3.9/bin/python3.9 no longer exists"). */
  reason: Message;
  /** How it was found, as InterpreterCandidate.names. */
  names: string[];
}

export interface Discovery {
  candidates: InterpreterCandidate[];
  commands: CommandResolution[];
  /** Virtual environments found on the way (VIRTUAL_ENV, the project's, the log's) that cannot run. */
  broken: BrokenInstall[];
  /** VIRTUAL_ENV, when set: its folder, and whether its bin/ (Scripts\) is on PATH. */
  activeVenv: { prefix: string; onPath: boolean } | null;
  gaps: Gap[];
}

/** Files inside a folder of the user's own home that another account owns (after a `sudo pip`). */
export interface ForeignTree {
  /** The folder to take back whole (`chown -R`). */
  tree: string;
  /** Whose they are, as a name ("root"). */
  owner: string;
  count: number;
  /** More were there than were counted. */
  truncated: boolean;
}

/** The distribution that installed a file, from the RECORD files of the site-packages it lies in. */
export interface FileOwner {
  name: string;
  version: string;
}

/** Enough of a process to draw parent chains and spot interpreters. */
export interface ProcessSummary {
  pid: number;
  ppid: number;
  /** With the pid, identifies the process (pids are reused). ISO 8601. */
  startTime: string;
  name: string;
  executable: string | null;
}

/** A process as a diagnosis shows it. */
export interface ProcessInfo extends ProcessSummary {
  commandLine: string;
  uid: number | null;
  /** Windows: the owner's SID (what decides "your own program"); null elsewhere or when unknown. */
  sid: string | null;
  user: string | null;
}

export interface LeftoverOptions {
  /** The pip the interpreter reported; null when `import pip` failed. */
  pipVersion: string | null;
  /** The interpreter, to tell its own pip launchers from another Python's in a shared bin folder. */
  executable: string;
}

export interface HolderScan {
  holders: Array<{ pid: number; holds: string[] }>;
  gaps: Gap[];
}

/**
 * Everything the engine asks of the operating system. The POSIX backend
 * (Linux, macOS) and the Windows backend implement it; nothing above
 * platform/ knows which one it talks to (DESIGN.md rule 8).
 */
export interface SystemProbe {
  readonly platform: Platform;
  currentUser(): { name: string; uid: number | null };
  /** Windows: the scanning user's SID, from the probe (null when it could not be read); POSIX: null. */
  userSid(): Promise<string | null>;
  isElevated(): Promise<boolean>;
  /**
   * Windows: the System32 folder as Windows reports it (GetSystemDirectory,
   * not %SystemRoot%), null when the probe could not say; POSIX: null.
   */
  systemDirectory(): Promise<string | null>;
  /** Long paths, Controlled Folder Access, whether the user could elevate. */
  systemSettings(): Promise<SystemSettings>;
  /**
   * `onFound` is called the first time each interpreter is seen, before the
   * rest of the search finishes, so that probing it can start at once.
   */
  discoverInterpreters(
    options: DiscoveryOptions,
    onFound?: (identity: string, executable: string) => void,
  ): Promise<Discovery>;
  /** One spawn of the interpreter, answering with its facts (never rejects). */
  probeInterpreter(executable: string, signal?: AbortSignal): Promise<InterpreterFacts>;
  /** venv, conda, pyenv, system… from where the interpreter lives on this OS. */
  installKind(facts: InterpreterFacts): InstallKind;
  checkFolder(role: FolderRole, path: string): Promise<AccessCheck>;
  /** Every process, by pid: cheap, read while the interpreters are probed. */
  listProcesses(): Promise<ReadonlyMap<number, ProcessSummary>>;
  /** Command line and user of the processes a diagnosis shows; exited ones are left out. */
  describeProcesses(
    summaries: ReadonlyMap<number, ProcessSummary>,
    pids: readonly number[],
  ): Promise<ReadonlyMap<number, ProcessInfo>>;
  /** Where pip unpacks and builds (TMPDIR; TEMP/TMP on Windows), checked by writing; never throws. */
  checkTempDir(env: NodeJS.ProcessEnv): Promise<TempDirCheck>;
  /**
   * POSIX: files inside this folder of the user's own home that another
   * account owns; null when there are none, outside home, and on Windows
   * (where ownership does not decide who may write).
   */
  foreignTree(folder: string): Promise<ForeignTree | null>;
  /** Which installed distribution a file belongs to (its RECORD lists it); null when none does. */
  fileOwner(sitePackagesDirs: string[], file: string): Promise<FileOwner | null>;
  /** Traces of pip runs that stopped half-way, in an install's site-packages and scripts folders. */
  findLeftovers(
    sitePackagesDirs: string[],
    scriptsDirs: string[],
    options: LeftoverOptions,
  ): Promise<Leftover[]>;
  findHolders(
    prefixes: string[],
    priorityPaths: string[],
    signal?: AbortSignal,
  ): Promise<HolderScan>;
}
