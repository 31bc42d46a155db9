import type {
  AccessCheck,
  FolderRole,
  Gap,
  InstallKind,
  SystemSettings,
} from '../shared/model/diagnosis';
import type { InterpreterFacts } from './interpreterProbe';

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
}

export interface Discovery {
  candidates: InterpreterCandidate[];
  commands: CommandResolution[];
  gaps: Gap[];
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
  user: string | null;
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
  readonly platform: 'linux' | 'darwin' | 'win32';
  currentUser(): { name: string; uid: number | null };
  isElevated(): Promise<boolean>;
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
  findHolders(
    prefixes: string[],
    priorityPaths: string[],
    signal?: AbortSignal,
  ): Promise<HolderScan>;
}
