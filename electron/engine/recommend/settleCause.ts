import type { Cause } from '../../shared/model/vocabulary';
import type { PythonInstall, RunningProcess, TempDirCheck } from '../../shared/model/diagnosis';
import { logShowsFailure } from '../diagnose/observations';
import { userSiteFallback } from '../diagnose/userSiteFallback';
import { isInside } from '../../shared/paths';
import type { LogFinding } from '../../shared/model/logFinding';
import { describeHolders, sentence } from './describeHolder';
import type { Platform } from '../../shared/model/platform';

export interface CauseFacts {
  log: LogFinding | null;
  target: PythonInstall | null;
  processes: RunningProcess[];
  elevated: boolean;
  platform: Platform;
  /** Where pip unpacks: a full or missing one explains a temp-dir failure. */
  tempDir?: TempDirCheck | null;
  /** Every program could be looked at, so "none holds it" is a claim the scan can make. */
  allProcessesInspected?: boolean;
  /** PIP_BREAK_SYSTEM_PACKAGES is set: pip does not enforce PEP 668 for this user. */
  pep668Bypassed?: boolean;
}

/** "No space left on device", as POSIX and Windows number it. */
const DISK_FULL = new Set(['Errno 28', 'WinError 112', 'WinError 39']);

export interface SettledCause {
  cause: Cause | 'none';
  summary: string;
}

/**
 * The folder that stops pip: the deepest of the install's folders holding
 * the path the log names, when it is not writable (the user site, a package
 * folder root left inside a venv); else the first folder pip installs into
 * that it cannot write; else one the scan found blocking (`failing`).
 */
export function blockedFolder(install: PythonInstall | null, logPath: string | null = null) {
  if (!install) return null;
  if (logPath) {
    const holding = install.folders
      .filter((folder) => isInside(logPath, folder.path))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (holding?.writable === false) return holding;
  }
  const blocked = (roles: readonly string[]) =>
    install.folders.find((folder) => roles.includes(folder.role) && folder.writable === false);
  return blocked(['purelib', 'platlib']) ?? blocked(['failing']) ?? null;
}

/** The scan's processes that hold files of the install (worked out once by the scan: heldBy). */
export function holdersIn(install: PythonInstall | null, processes: RunningProcess[]) {
  return install === null
    ? []
    : processes.filter((process) => install.heldBy.includes(process.pid));
}

/**
 * The log says what pip saw; the machine says why. Where the log leaves the
 * cause open (a refusal in a folder the user can write), the machine's facts
 * decide; where there is no log, the facts alone do.
 */
export function settleCause(facts: CauseFacts): SettledCause {
  const { log, target } = facts;
  const blocked = blockedFolder(target, log?.path ?? null);
  const holders = holdersIn(target, facts.processes);
  const where = target
    ? `${target.executable}${target.version ? ` (Python ${target.version})` : ''}`
    : 'this Python';

  const summaryFacts: SummaryFacts = {
    where,
    blocked,
    holders,
    log,
    target,
    tempDir: facts.tempDir ?? null,
    allProcessesInspected: facts.allProcessesInspected ?? true,
  };
  const failed = logShowsFailure(log);
  if (log && failed && log.category !== 'not-permission') {
    let cause: Cause = log.category;
    if ((cause === 'lock' || cause === 'permission') && log.confidence !== 'high') {
      if (holders.length > 0) cause = 'lock';
      else if (blocked) cause = 'permission';
    }
    return { cause, summary: summaryFor(cause, summaryFacts) };
  }
  // A full disk with no folder named: when pip's own temporary folder is the full one, the
  // machine says which disk (pip unpacks and builds there before it writes anything else).
  if (log && failed && DISK_FULL.has(log.code ?? '') && facts.tempDir?.problem === 'full')
    return { cause: 'temp-dir', summary: summaryFor('temp-dir', summaryFacts) };
  // The log names what stopped pip, and it is not a permission (a read-only file system, a
  // full disk, the network): the machine's other facts do not overrule it.
  if (log && failed && log.confidence !== 'low')
    return { cause: 'not-permission', summary: log.summary };
  if (target?.status === 'broken') {
    return {
      cause: 'not-permission',
      summary: sentence(
        `${target.executable} cannot run: ${target.statusDetail ?? 'its base interpreter is gone'}`,
      ),
    };
  }
  // pip >= 20 installs into the user's own folder by itself: not a failure to report.
  const fallback = target ? userSiteFallback(target, facts.pep668Bypassed ?? false) : null;
  if (fallback && !failed) {
    return {
      cause: 'none',
      summary: `pip cannot write to ${fallback.blocked}, but it installs into your own folder ${fallback.userSite} instead: nothing to fix.`,
    };
  }
  if (target?.externallyManaged && !facts.pep668Bypassed && !(log && !failed))
    return {
      cause: 'pep668',
      summary: summaryFor('pep668', summaryFacts),
    };
  if (blocked && !blocked.readOnlyFileSystem && !facts.elevated && !(log && !failed))
    return { cause: 'permission', summary: summaryFor('permission', summaryFacts) };
  if (log && failed) return { cause: 'not-permission', summary: log.summary };
  return {
    cause: 'none',
    summary: !target
      ? 'No working Python install was found on this machine.'
      : log
        ? `Your log shows pip finishing without an error, and the scan found nothing wrong with ${where}.`
        : `pip on this machine installs into ${where}, and it can write there: no permission problem found.`,
  };
}

interface SummaryFacts {
  where: string;
  blocked: ReturnType<typeof blockedFolder>;
  holders: RunningProcess[];
  log: LogFinding | null;
  target: PythonInstall | null;
  tempDir: TempDirCheck | null;
  allProcessesInspected: boolean;
}

function summaryFor(cause: Cause, facts: SummaryFacts): string {
  const { where, blocked, holders, log } = facts;
  const holderWords = describeHolders(holders);
  switch (cause) {
    case 'permission':
      return blocked
        ? sentence(
            `pip installs into ${blocked.path}, which you cannot change: ${blocked.reason ?? 'it is not writable for you'}`,
          )
        : (log?.summary ?? `pip cannot write where ${where} installs packages.`);
    case 'lock':
      return holders.length > 0
        ? `${holderWords} ${holders.length === 1 ? 'is' : 'are'} using files pip must replace.`
        : `${log?.summary ?? 'A running program held a file pip had to replace.'} ${
            facts.allProcessesInspected
              ? 'No running process holds it now.'
              : 'No program Pip Doctor could look at holds it now, but some could not be inspected: run Pip Doctor as administrator (root) to see them.'
          }`;
    case 'pep668':
      return `${where} is managed by the operating system, which does not let pip install into it (PEP 668).`;
    case 'temp-dir':
      return facts.tempDir?.problem
        ? sentence(
            `pip could not use its temporary folder: ${facts.tempDir.reason ?? facts.tempDir.path}`,
          )
        : (log?.summary ?? '');
    default:
      return log?.summary ?? '';
  }
}
