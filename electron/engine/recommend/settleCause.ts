import type { Cause } from '../../shared/model/vocabulary';
import type { PythonInstall, RunningProcess, TempDirCheck } from '../../shared/model/diagnosis';
import { logShowsFailure } from '../diagnose/observations';
import { userSiteFallback } from '../diagnose/userSiteFallback';
import { isInside } from '../../shared/paths';
import type { LogFinding } from '../../shared/model/logFinding';
import { holdersSentence, pythonForPeople } from './plainCause';
import type { Platform } from '../../shared/model/platform';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';

const words = defineMessages({
  fromLog: {
    id: 'diagnosis.cause.fromLog',
    defaultMessage: '{summary}',
    description:
      "The log's own summary of what stopped pip, passed on as it is: keep it as {summary}",
  },
  broken: {
    id: 'diagnosis.cause.brokenTarget',
    defaultMessage:
      'The Python your pip command runs with cannot start any more ({detail, select, yes {see the evidence} other {its base interpreter is gone}}). Make the environment again with a Python that exists, or reinstall Python.',
    description: 'detail=yes when the evidence says why it cannot start',
  },
  userSiteFallback: {
    id: 'diagnosis.cause.userSiteFallback',
    defaultMessage:
      "pip cannot write to this Python's own folder, so it installs into your user folder instead. Nothing to fix.",
  },
  noPython: {
    id: 'diagnosis.cause.noPython',
    defaultMessage: 'No working Python install was found on this machine.',
  },
  logFine: {
    id: 'diagnosis.cause.logFine',
    defaultMessage:
      'Your log shows pip finishing without an error, and the scan found nothing wrong with {where}.',
    description: '{where} names the install ("Python 3.12", "this virtual environment")',
  },
  allFine: {
    id: 'diagnosis.cause.allFine',
    defaultMessage:
      'pip installs into {where}, and it can write there. No permission problem found.',
    description: '{where} names the install ("Python 3.12", "this virtual environment")',
  },
  permission: {
    id: 'diagnosis.cause.permission',
    defaultMessage:
      'You are not allowed to change the folder where {where} installs packages. Install into a virtual environment instead.',
    description: '{where} names the install ("Python 3.12", "this virtual environment")',
  },
  permissionUnknownFolder: {
    id: 'diagnosis.cause.permissionNoFolder',
    defaultMessage: 'pip cannot write where {where} installs packages.',
    description: '{where} names the install ("Python 3.12", "this virtual environment")',
  },
  lockGone: {
    id: 'diagnosis.cause.lock.gone',
    defaultMessage:
      '{allInspected, select, yes {A program was using {what} when pip ran. Nothing holds it now: run your pip command again.} other {A program was using {what} when pip ran. Pip Doctor could not look at every program: close the Python programs you have open, then install again.}}',
    description:
      '{what} is a package name or "a file pip had to replace"; allInspected=yes when every running program could be checked',
  },
  fileToReplace: {
    id: 'diagnosis.cause.lock.fileToReplace',
    defaultMessage: 'a file pip had to replace',
    description: 'Stands for the package in "A program was using {what}" when the log names none',
  },
  pep668: {
    id: 'diagnosis.cause.pep668',
    defaultMessage:
      '{where} is managed by your operating system, which does not let pip install into it. Install into a virtual environment instead, or use pipx for command-line tools.',
    description:
      '{where} names the install at the start of the sentence ("Python 3.12", "This virtual environment")',
  },
  pep668LogOnly: {
    id: 'diagnosis.cause.pep668.logOnly',
    defaultMessage:
      'The Python pip ran with is managed by your operating system, which does not let pip install into it. Install into a virtual environment instead, or use pipx for command-line tools.',
  },
  tempFull: {
    id: 'diagnosis.cause.tempDir.full',
    defaultMessage:
      "The disk that holds pip's temporary folder is full. Free some space on it, then install again.",
  },
  tempUnusable: {
    id: 'diagnosis.cause.tempDir.unusable',
    defaultMessage:
      'pip cannot use its temporary folder. Point TMPDIR (TEMP and TMP on Windows) to a folder you can write, then install again.',
  },
});

/** The log's own summary (what pip saw, in the classifier's words), or nothing without a log. */
function logSummary(log: LogFinding | null): Message {
  return log ? log.summary : msg(words.fromLog, { summary: '' });
}

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
  summary: Message;
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
  // The install as a person names it: its path is evidence, not the first sentence.
  const where = pythonForPeople(target);

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
    return { cause: 'not-permission', summary: logSummary(log) };
  if (target?.status === 'broken') {
    return {
      cause: 'not-permission',
      summary: msg(words.broken, { detail: target.statusDetail ? 'yes' : 'no' }),
    };
  }
  // pip >= 20 installs into the user's own folder by itself: not a failure to report.
  const fallback = target ? userSiteFallback(target, facts.pep668Bypassed ?? false) : null;
  if (fallback && !failed) {
    return {
      cause: 'none',
      summary: msg(words.userSiteFallback),
    };
  }
  if (target?.externallyManaged && !facts.pep668Bypassed && !(log && !failed))
    return {
      cause: 'pep668',
      summary: summaryFor('pep668', summaryFacts),
    };
  if (blocked && !blocked.readOnlyFileSystem && !facts.elevated && !(log && !failed))
    return { cause: 'permission', summary: summaryFor('permission', summaryFacts) };
  if (log && failed) return { cause: 'not-permission', summary: logSummary(log) };
  return {
    cause: 'none',
    summary: !target
      ? msg(words.noPython)
      : log
        ? msg(words.logFine, { where })
        : msg(words.allFine, { where }),
  };
}

interface SummaryFacts {
  where: Message;
  blocked: ReturnType<typeof blockedFolder>;
  holders: RunningProcess[];
  log: LogFinding | null;
  target: PythonInstall | null;
  tempDir: TempDirCheck | null;
  allProcessesInspected: boolean;
}

function summaryFor(cause: Cause, facts: SummaryFacts): Message {
  const { where, blocked, holders, log } = facts;
  switch (cause) {
    case 'permission':
      // Who owns the folder and why it refuses (owner, mode, ACL) are the evidence.
      return blocked
        ? msg(words.permission, { where })
        : log
          ? logSummary(log)
          : msg(words.permissionUnknownFolder, { where });
    case 'lock':
      if (holders.length > 0) return holdersSentence(holders, log?.package ?? null);
      return msg(words.lockGone, {
        what: log?.package ?? msg(words.fileToReplace),
        allInspected: facts.allProcessesInspected ? 'yes' : 'no',
      });
    case 'pep668':
      // The log's word when the scan's target is not the managed one (pip3 on PATH may be a venv's).
      return facts.target?.externallyManaged
        ? msg(words.pep668, { where: pythonForPeople(facts.target, 'yes') })
        : msg(words.pep668LogOnly);
    case 'temp-dir':
      return facts.tempDir?.problem === 'full'
        ? msg(words.tempFull)
        : facts.tempDir?.problem
          ? msg(words.tempUnusable)
          : logSummary(log);
    default:
      return logSummary(log);
  }
}
