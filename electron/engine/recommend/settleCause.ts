import type { Cause } from '../../shared/model/vocabulary';
import type { PythonInstall, RunningProcess } from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { describeHolders, sentence } from './describeHolder';
import type { Platform } from '../../shared/model/platform';

export interface CauseFacts {
  log: LogFinding | null;
  target: PythonInstall | null;
  processes: RunningProcess[];
  elevated: boolean;
  platform: Platform;
}

export interface SettledCause {
  cause: Cause | 'none';
  summary: string;
}

/** The first folder pip installs into that it cannot write, if any. */
export function blockedFolder(install: PythonInstall | null) {
  return (
    install?.folders.find(
      (folder) =>
        (folder.role === 'purelib' || folder.role === 'platlib') && folder.writable === false,
    ) ?? null
  );
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
  const blocked = blockedFolder(target);
  const holders = holdersIn(target, facts.processes);
  const where = target
    ? `${target.executable}${target.version ? ` (Python ${target.version})` : ''}`
    : 'this Python';

  if (log && log.category !== 'not-permission') {
    let cause: Cause = log.category;
    if ((cause === 'lock' || cause === 'permission') && log.confidence !== 'high') {
      if (holders.length > 0) cause = 'lock';
      else if (blocked) cause = 'permission';
    }
    return { cause, summary: summaryFor(cause, { where, blocked, holders, log, target }) };
  }
  if (target?.externallyManaged)
    return {
      cause: 'pep668',
      summary: summaryFor('pep668', { where, blocked, holders, log, target }),
    };
  if (blocked && !facts.elevated)
    return {
      cause: 'permission',
      summary: summaryFor('permission', { where, blocked, holders, log, target }),
    };
  if (log) return { cause: 'not-permission', summary: log.summary };
  return {
    cause: 'none',
    summary: target
      ? `pip on this machine installs into ${where}, and it can write there: no permission problem found.`
      : 'No working Python install was found on this machine.',
  };
}

interface SummaryFacts {
  where: string;
  blocked: ReturnType<typeof blockedFolder>;
  holders: RunningProcess[];
  log: LogFinding | null;
  target: PythonInstall | null;
}

function summaryFor(cause: Cause, { where, blocked, holders, log }: SummaryFacts): string {
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
        : `${log?.summary ?? 'A running program held a file pip had to replace.'} No running process holds it now.`;
    case 'pep668':
      return `${where} is managed by the operating system, which does not let pip install into it (PEP 668).`;
    default:
      return log?.summary ?? '';
  }
}
