import type { Cause, Confidence } from '../../shared/model/vocabulary';
import { LONG_NAME_HINT } from './logSignals';
import type { OsErrorMention } from './osError';
import { pathFacts } from './pathFacts';
import type { PathFacts } from './pathFacts';
import type { LogScanner } from './logScanner';

export interface Verdict {
  category: Cause;
  confidence: Confidence;
  alternatives: Cause[];
  /** Which rule decided; picks the plain-words summary. */
  reason: VerdictReason;
  /** The path the verdict is about (the stashed original, for old stash paths). */
  facts: PathFacts | null;
}

export type VerdictReason =
  | 'pep668'
  | 'store-folder'
  | 'long-path-hint'
  | 'long-name-hint'
  | 'long-path-length'
  | 'virus-detected'
  | 'temp-invalid-argument'
  | 'temp-executable'
  | 'scanner-named'
  | 'pip-guard'
  | 'pip-launcher'
  | 'in-use'
  | 'loaded-binary'
  | 'uninstall-stash'
  | 'user-folder-denied'
  | 'temp-file'
  | 'admin-folder'
  | 'posix-denied'
  | 'read-only-fs'
  | 'denied-no-path'
  | 'other-os-error'
  | 'not-permission-signal'
  | 'nothing-matched';

/** Windows and POSIX error numbers that mean "you may not change this". */
const DENIED = new Set(['WinError 5', 'WinError 19', 'WinError 65', 'Errno 13', 'Errno 1']);
/** "Somebody else has this file open." */
const IN_USE = new Set(['WinError 32', 'WinError 33', 'Errno 16', 'Errno 26']);
const NOT_FOUND = new Set([
  'WinError 2',
  'WinError 3',
  'Errno 2',
  'WinError 206',
  'Errno 36',
  'Errno 63',
]);
const VIRUS = new Set(['WinError 225', 'WinError 226']);

const LONG_PATH = 240;
const NEAR_LONG_PATH = 200;

const verdict = (
  category: Cause,
  confidence: Confidence,
  reason: VerdictReason,
  facts: PathFacts | null,
  alternatives: Cause[] = [],
): Verdict => ({ category, confidence, reason, facts, alternatives });

/**
 * The label rules of shared/samples/README.md, applied in their order (the
 * first that applies wins), with each rule stated in terms of Python's and
 * pip's own messages rather than any particular log.
 */
export function decideCause(scan: LogScanner): Verdict {
  const error = scan.best?.error ?? null;
  const code = error ? `${error.kind} ${error.number}` : null;
  const facts = error?.path ? pathFacts(error.path) : null;
  const second = error?.secondPath ? pathFacts(error.secondPath) : null;

  if (scan.pep668Line) return verdict('pep668', 'high', 'pep668', null);

  if (facts?.storePackageFolder || second?.storePackageFolder)
    return verdict('store-python', 'high', 'store-folder', facts, ['permission']);

  const longPath = longPathVerdict(scan, code, facts);
  if (longPath) return longPath;

  const antivirus = antivirusVerdict(scan, code, facts);
  if (antivirus) return antivirus;

  if (scan.pipGuardLine && !error) return verdict('self-upgrade-lock', 'high', 'pip-guard', null);
  if (facts && code && (DENIED.has(code) || IN_USE.has(code)) && isPipSelfReplace(facts, second)) {
    return verdict('self-upgrade-lock', 'high', 'pip-launcher', facts, ['lock']);
  }

  if (code && error && (DENIED.has(code) || IN_USE.has(code) || code === 'Errno 30')) {
    return accessVerdict(scan, code, error, facts);
  }
  if (code && error) {
    return verdict(
      'not-permission',
      scan.notPermission.size > 0 ? 'high' : 'medium',
      'other-os-error',
      facts,
      [],
    );
  }
  if (scan.pipGuardLine) return verdict('self-upgrade-lock', 'high', 'pip-guard', null);
  if (scan.notPermission.size > 0)
    return verdict('not-permission', 'high', 'not-permission-signal', null);
  return verdict('not-permission', 'low', 'nothing-matched', null);
}

function longPathVerdict(
  scan: LogScanner,
  code: string | null,
  facts: PathFacts | null,
): Verdict | null {
  if (facts?.storePackageFolder) return null;
  const hint = scan.best ? scan.best.longPathHint : scan.looseLongPathHint;
  if (hint) {
    const reason = LONG_NAME_HINT.test(hint) ? 'long-name-hint' : 'long-path-hint';
    return verdict('long-path', 'high', reason, facts);
  }
  if (code === 'WinError 206' || code === 'Errno 36' || code === 'Errno 63')
    return verdict('long-path', 'high', 'long-path-length', facts);
  if (code && facts && NOT_FOUND.has(code) && facts.windows) {
    if (facts.length >= LONG_PATH) return verdict('long-path', 'high', 'long-path-length', facts);
    if (facts.length >= NEAR_LONG_PATH)
      return verdict('long-path', 'medium', 'long-path-length', facts, ['not-permission']);
  }
  return null;
}

function antivirusVerdict(
  scan: LogScanner,
  code: string | null,
  facts: PathFacts | null,
): Verdict | null {
  if (code && VIRUS.has(code)) return verdict('antivirus', 'high', 'virus-detected', facts);
  if (code === 'Errno 22' && facts && (facts.pipTempKind !== null || facts.inTemp)) {
    // pip just wrote this file; a scanner holding it open makes the next open() fail with EINVAL.
    return verdict('antivirus', 'medium', 'temp-invalid-argument', facts, ['temp-dir']);
  }
  const permissionLike = code !== null && (DENIED.has(code) || IN_USE.has(code));
  if (scan.scannerLine && (permissionLike || code === null || code === 'Errno 22')) {
    return verdict(
      'antivirus',
      'medium',
      'scanner-named',
      facts,
      permissionLike ? ['lock', 'permission'] : [],
    );
  }
  if (
    permissionLike &&
    facts?.windows &&
    facts.binary &&
    !facts.pipLauncher &&
    (facts.pipTempKind === 'build' ||
      facts.pipTempKind === 'unpack' ||
      facts.pipTempKind === 'install')
  ) {
    // A launcher or DLL pip itself just unpacked cannot be held by the user's programs;
    // scanners routinely lock (or quarantine) fresh executables such as distlib's w32.exe.
    return verdict('antivirus', 'medium', 'temp-executable', facts, ['temp-dir']);
  }
  return null;
}

/** pip.exe (or its stash copy, or the Scripts folder) failing while pip replaces itself. */
function isPipSelfReplace(facts: PathFacts, second: PathFacts | null): boolean {
  if (facts.pipLauncher || second?.pipLauncher) return true;
  return /\/~cripts(?:\/|$)/.test(facts.normalized);
}

function accessVerdict(
  scan: LogScanner,
  code: string,
  error: OsErrorMention,
  facts: PathFacts | null,
): Verdict {
  if (!facts) {
    if (IN_USE.has(code)) return verdict('lock', 'medium', 'in-use', null, ['antivirus']);
    return verdict('permission', 'low', 'denied-no-path', null, ['lock', 'antivirus']);
  }
  // Old pip's stash keeps the original path inside the temp folder: judge by where it came from.
  const stashedFrom = facts.stashedOriginal ? pathFacts(facts.stashedOriginal) : null;
  const subject = stashedFrom ?? facts;
  // pip's own temporary files; a venv that merely lives under /tmp holds installed packages.
  const tempOnly =
    facts.inTemp && !stashedFrom && facts.pipTempKind !== 'uninstall' && !facts.inSitePackages;

  if (IN_USE.has(code)) {
    if (tempOnly) return verdict('temp-dir', 'low', 'temp-file', facts, ['antivirus', 'lock']);
    return verdict('lock', 'high', 'in-use', facts, ['antivirus']);
  }
  if (code === 'Errno 30') return verdict('permission', 'medium', 'read-only-fs', subject);
  if (!subject.windows) {
    if (tempOnly) return verdict('temp-dir', 'medium', 'temp-file', facts, ['permission']);
    // POSIX has no mandatory file locks: a refusal is about ownership or mode bits.
    const sure = subject.adminOnly || /\/\.local\//.test(subject.normalized) ? 'high' : 'medium';
    return verdict('permission', sure, 'posix-denied', subject);
  }
  // Windows from here on: denied.
  if (subject.adminOnly) {
    if (subject.binary) return verdict('permission', 'medium', 'admin-folder', subject, ['lock']);
    return verdict('permission', 'high', 'admin-folder', subject, ['lock']);
  }
  if (subject.binary && !tempOnly) {
    const sure = error.kind === 'WinError' ? 'high' : 'medium';
    return verdict('lock', sure, 'loaded-binary', subject, ['permission', 'antivirus']);
  }
  if (facts.inUninstallStash)
    return verdict('lock', 'medium', 'uninstall-stash', subject, ['antivirus']);
  if (tempOnly) return verdict('temp-dir', 'medium', 'temp-file', facts, ['antivirus', 'lock']);
  if (subject.rootPythonFolder)
    return verdict('permission', 'medium', 'admin-folder', subject, ['lock']);
  // A user-writable folder that still refused: a process holding files inside it is the usual
  // reason (renaming a folder fails with WinError 5 when a file in it is open); a DENY entry or a
  // scanner are the others, which only the machine's facts can tell apart.
  const sure = scan.best?.checkPermissionsOnly || scan.context.inProgress ? 'medium' : 'low';
  return verdict('lock', sure, 'user-folder-denied', subject, ['permission', 'antivirus']);
}
