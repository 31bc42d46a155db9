import type { OsTraits } from '../../platform/osTraits';
import type { Message, MessageValue } from '../../shared/i18n/message';
import type {
  AccessCheck,
  Diagnosis,
  Observation,
  PythonInstall,
  RunningProcess,
  TempDirCheck,
} from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import type { Cause, RemedyId } from '../../shared/model/vocabulary';

/**
 * Everything a remedy's advice is decided from: the scan's facts about the
 * install pip failed in, and what the engine worked out from them once
 * (its holders, the folder pip cannot write, the package for commands).
 */
export interface RemedyFacts {
  os: OsTraits;
  cause: Cause | 'none';
  target: PythonInstall;
  installs: PythonInstall[];
  log: LogFinding | null;
  projectDir: string;
  pipOnPath: Diagnosis['pipOnPath'];
  settings: Diagnosis['settings'] | undefined;
  /** The programs that hold files of the target (or the file the log names). */
  holders: RunningProcess[];
  /** Every running program could be looked at: "none holds it" is a claim the scan can make. */
  allProcessesInspected: boolean;
  /** The first folder pip installs into that it cannot write; null when it can write everywhere. */
  blocked: AccessCheck | null;
  /** The package the log names, when it is a name that may go on a command line. */
  loggedPackage: string | null;
  /** What goes into a shown command: the logged package, or the PACKAGE placeholder. */
  packageName: string;
  /** "/usr/bin/python3 (Python 3.11.2)": the target as the reasons name it (a path alone without a version). */
  where: MessageValue;
  /** Where a new virtual environment goes (Diagnosis.newVenvFolder). */
  venvFolder: string;
  /** What the scan noticed (a venv activated in name only, a full TMPDIR…). */
  observations: Observation[];
  /** Where pip unpacks; null where it could not be checked. */
  tempDir: TempDirCheck | null;
  /** The install `python3` (`python` on Windows) on PATH runs: the Python the user means by "python". */
  pythonOnPath: PythonInstall | null;
  /** The scanning user's account name, for the commands that hand files back to them. */
  userName: string;
  /** Windows: the scanning user's SID (`*S-1-5-…` names the account in icacls); null elsewhere or unknown. */
  userSid: string | null;
  /**
   * A Python that runs, to make virtual environments with: the target, or
   * when the target is broken one of the same version, else the user's
   * `python`, else any working base install; null when there is none.
   */
  basePython: PythonInstall | null;
}

/** Whether a remedy helps on this machine, why, and what the user would type. */
export interface Advice {
  reason: Message;
  /** The exact commands, in the shell the OS's users have (OsTraits.shell). */
  commands: string[];
  /** False: listed only to say why it would not help. */
  applicable: boolean;
}

/** What the engine asks of each remedy: its advice, why not when it would not help, and its words. */
export interface RemedyAdvisor {
  /** null when the remedy has nothing to say here (it is then not listed). */
  advise(facts: RemedyFacts): Advice | null;
  /** Why it would not help, said instead of its reason when advise() found it not applicable. */
  whyNot?(facts: RemedyFacts): Message;
  title: Message;
  /** What carrying it out changes on this machine (naming the folder it creates, where it makes one). */
  changes(facts: Pick<RemedyFacts, 'os' | 'projectDir' | 'venvFolder'>): Message;
  /** The button of the one-click fix; null for advice the user types. */
  actionLabel(facts: Pick<RemedyFacts, 'os' | 'loggedPackage'>): Message | null;
  packageUse: 'required' | 'optional' | 'none';
}

/** The remedies the engine ranks, by id: given by the caller, so the engine imports no remedy. */
export type RemedyCatalog = { readonly [R in RemedyId]: RemedyAdvisor };
