import type { Cause, Confidence } from '../../shared/model/vocabulary';
import { LONG_NAME_HINT, RESET_CODES } from './logSignals';
import type { OsErrorMention } from './osError';
import { isInside, pathFacts, tempFolderOf } from './pathFacts';
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
  /** The path the finding reports: the one the deciding message names, as printed. */
  path: string | null;
  secondPath: string | null;
  /** The deciding OS error (`WinError 5`), null when the deciding message has none. */
  code: string | null;
  /** For a temporary-folder verdict: the folder, as printed, for the summary to name. */
  tempFolder: string | null;
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
  | 'scanner-reset'
  | 'pip-guard'
  | 'pip-launcher'
  | 'in-use'
  | 'loaded-binary'
  | 'stash-binary'
  | 'uninstall-stash'
  | 'user-folder-denied'
  | 'temp-file'
  | 'temp-not-owned'
  | 'cache-not-owned'
  | 'no-temp-dir'
  | 'broken-launcher'
  | 'temp-disk-full'
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
/** ENOSPC, and Windows' ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL. */
const DISK_FULL = new Set(['Errno 28', 'WinError 112', 'WinError 39']);

const LONG_PATH = 240;
const NEAR_LONG_PATH = 200;

/** What a verdict reports besides its cause: the path, the code, the temporary folder. */
interface About {
  path: string | null;
  secondPath: string | null;
  code: string | null;
  tempFolder?: string | null;
}
const NOTHING: About = { path: null, secondPath: null, code: null };

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
  const fromError: About = {
    path: error?.path ?? null,
    secondPath: error?.path ? (error.secondPath ?? null) : null,
    code,
  };
  const verdict = (
    category: Cause,
    confidence: Confidence,
    reason: VerdictReason,
    about: PathFacts | null,
    alternatives: Cause[] = [],
    reported: About = fromError,
  ): Verdict => ({
    category,
    confidence,
    reason,
    facts: about,
    alternatives,
    path: reported.path,
    secondPath: reported.secondPath,
    code: reported.code,
    tempFolder: reported.tempFolder ?? null,
  });

  if (scan.pep668Line) return verdict('pep668', 'high', 'pep668', null, [], NOTHING);

  const stopped = scan.buildFolderNotOwned;
  if (stopped?.path) {
    // pip 1.x stops here before anything else: its shared build folder belongs to someone else.
    const about = { ...NOTHING, path: stopped.path, tempFolder: stopped.path };
    return verdict('temp-dir', 'high', 'temp-not-owned', pathFacts(stopped.path), [], about);
  }
  if (scan.noUsableTempDir) {
    const first = scan.noUsableTempDir.path;
    const about = {
      path: first,
      secondPath: null,
      code: code !== null && error?.path === null && error.number === 2 ? code : null,
      tempFolder: first,
    };
    return verdict('temp-dir', 'high', 'no-temp-dir', first ? pathFacts(first) : null, [], about);
  }

  const launcher = scan.brokenLauncher;
  if (!error && launcher?.path) {
    // Not a permission: the Python the launcher starts is gone, so pip never ran.
    const about = { ...NOTHING, path: launcher.path };
    return verdict(
      'not-permission',
      'high',
      'broken-launcher',
      pathFacts(launcher.path),
      [],
      about,
    );
  }

  if (facts?.storePackageFolder || second?.storePackageFolder)
    return verdict('store-python', 'high', 'store-folder', facts, ['permission']);

  const longPath = longPathRule(scan, code, facts);
  if (longPath) return verdict(...longPath);

  const antivirus = antivirusRule(scan, code, facts);
  if (antivirus) return verdict(...antivirus);

  if (scan.pipGuardLine && !error)
    return verdict('self-upgrade-lock', 'high', 'pip-guard', null, [], NOTHING);
  if (facts && code && (DENIED.has(code) || IN_USE.has(code)) && isPipSelfReplace(facts, second)) {
    return verdict('self-upgrade-lock', 'high', 'pip-launcher', facts, ['lock']);
  }

  if (code && error && (DENIED.has(code) || IN_USE.has(code))) {
    return verdict(...accessRule(scan, code, error, facts));
  }
  if (code === 'Errno 30') {
    // EROFS: the file system itself refuses every writer, root included.
    const stashedFrom = facts?.stashedOriginal ? pathFacts(facts.stashedOriginal) : null;
    return verdict('not-permission', 'high', 'read-only-fs', stashedFrom ?? facts);
  }
  if (code && DISK_FULL.has(code) && facts && isPipTempPath(facts, error!.path!, scan)) {
    const tempFolder = tempFolderOf(error!.path!, scan.context.tempSetting);
    return verdict('temp-dir', 'high', 'temp-disk-full', facts, ['not-permission'], {
      ...fromError,
      tempFolder,
    });
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
  if (scan.pipGuardLine)
    return verdict('self-upgrade-lock', 'high', 'pip-guard', null, [], NOTHING);
  const cache = scan.cacheNotOwned;
  if (cache?.path && scan.notPermission.size === 0) {
    // pip only warns and goes on without a cache; with nothing else failing, it is what is wrong.
    const cacheFacts = pathFacts(cache.path);
    const inTemp = cacheFacts.inTemp || cacheFacts.pipTempKind !== null;
    const about = { ...NOTHING, path: cache.path, tempFolder: inTemp ? cache.path : null };
    return verdict(
      inTemp ? 'temp-dir' : 'permission',
      'low',
      'cache-not-owned',
      cacheFacts,
      ['not-permission'],
      about,
    );
  }
  if (scan.notPermission.size > 0)
    return verdict('not-permission', 'high', 'not-permission-signal', null, [], NOTHING);
  return verdict('not-permission', 'low', 'nothing-matched', null, [], NOTHING);
}

/** A rule's ruling before the verdict adds what it reports. */
type Ruling = [Cause, Confidence, VerdictReason, PathFacts | null, Cause[]];
const rule = (
  category: Cause,
  confidence: Confidence,
  reason: VerdictReason,
  facts: PathFacts | null,
  alternatives: Cause[] = [],
): Ruling => [category, confidence, reason, facts, alternatives];

/**
 * One of pip's own temporary files: in a `pip-…` work folder, or under the
 * temporary folder but not in an environment that merely lives there.
 */
function isPipTempPath(facts: PathFacts, path: string, scan: LogScanner): boolean {
  if (facts.pipTempKind !== null) return true;
  if (facts.inSitePackages) return false;
  const setting = scan.context.tempSetting;
  return facts.inTemp || (setting !== null && isInside(path, setting));
}

function longPathRule(
  scan: LogScanner,
  code: string | null,
  facts: PathFacts | null,
): Ruling | null {
  if (facts?.storePackageFolder) return null;
  const hint = scan.best ? scan.best.longPathHint : scan.looseLongPathHint;
  if (hint) {
    const reason = LONG_NAME_HINT.test(hint) ? 'long-name-hint' : 'long-path-hint';
    return rule('long-path', 'high', reason, facts);
  }
  if (code === 'WinError 206' || code === 'Errno 36' || code === 'Errno 63')
    return rule('long-path', 'high', 'long-path-length', facts);
  if (code && facts && NOT_FOUND.has(code) && facts.windows) {
    if (facts.length >= LONG_PATH) return rule('long-path', 'high', 'long-path-length', facts);
    if (facts.length >= NEAR_LONG_PATH)
      return rule('long-path', 'medium', 'long-path-length', facts, ['not-permission']);
  }
  return null;
}

function antivirusRule(
  scan: LogScanner,
  code: string | null,
  facts: PathFacts | null,
): Ruling | null {
  if (code && VIRUS.has(code)) return rule('antivirus', 'high', 'virus-detected', facts);
  const reset = code === null ? scan.connectionResetLine !== null : RESET_CODES.has(code);
  if (reset && scan.securitySuiteLine) {
    // A download cut off mid-way while the log names a product that inspects traffic or files.
    return rule('antivirus', 'medium', 'scanner-reset', facts, ['not-permission']);
  }
  if (code === 'Errno 22' && facts && (facts.pipTempKind !== null || facts.inTemp)) {
    // pip just wrote this file; a scanner holding it open makes the next open() fail with EINVAL.
    return rule('antivirus', 'medium', 'temp-invalid-argument', facts, ['temp-dir']);
  }
  const permissionLike = code !== null && (DENIED.has(code) || IN_USE.has(code));
  if (scan.scannerLine && (permissionLike || code === null || code === 'Errno 22')) {
    return rule(
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
    return rule('antivirus', 'medium', 'temp-executable', facts, ['temp-dir']);
  }
  return null;
}

/** pip.exe (or its stash copy, or the Scripts folder) failing while pip replaces itself. */
function isPipSelfReplace(facts: PathFacts, second: PathFacts | null): boolean {
  if (facts.pipLauncher || second?.pipLauncher) return true;
  return /\/~cripts(?:\/|$)/.test(facts.normalized);
}

function accessRule(
  scan: LogScanner,
  code: string,
  error: OsErrorMention,
  facts: PathFacts | null,
): Ruling {
  if (!facts) {
    if (IN_USE.has(code)) return rule('lock', 'medium', 'in-use', null, ['antivirus']);
    return rule('permission', 'low', 'denied-no-path', null, ['lock', 'antivirus']);
  }
  // Old pip's stash keeps the original path inside the temp folder: judge by where it came from.
  const stashedFrom = facts.stashedOriginal ? pathFacts(facts.stashedOriginal) : null;
  const subject = stashedFrom ?? facts;
  // pip's own temporary files; a venv that merely lives under /tmp holds installed packages.
  const tempOnly =
    facts.inTemp && !stashedFrom && facts.pipTempKind !== 'uninstall' && !facts.inSitePackages;

  if (IN_USE.has(code)) {
    if (tempOnly) return rule('temp-dir', 'low', 'temp-file', facts, ['antivirus', 'lock']);
    return rule('lock', 'high', 'in-use', facts, ['antivirus']);
  }
  if (facts.windows && facts.binary && (facts.inUninstallStash || stashedFrom)) {
    // pip already moved this module into its own stash (`~umpy`, `pip-uninstall-*`), so it could
    // write there; deleting it then fails only because a running program still has it loaded.
    return rule('lock', 'high', 'stash-binary', facts, ['antivirus']);
  }
  if (!subject.windows) {
    if (tempOnly) return rule('temp-dir', 'medium', 'temp-file', facts, ['permission']);
    // POSIX has no mandatory file locks: a refusal is about ownership or mode bits.
    const sure = subject.adminOnly || /\/\.local\//.test(subject.normalized) ? 'high' : 'medium';
    return rule('permission', sure, 'posix-denied', subject);
  }
  // Windows from here on: denied.
  if (subject.adminOnly) {
    if (subject.binary) return rule('permission', 'medium', 'admin-folder', subject, ['lock']);
    return rule('permission', 'high', 'admin-folder', subject, ['lock']);
  }
  if (subject.binary && !tempOnly) {
    const sure = error.kind === 'WinError' ? 'high' : 'medium';
    return rule('lock', sure, 'loaded-binary', subject, ['permission', 'antivirus']);
  }
  if (facts.inUninstallStash)
    return rule('lock', 'medium', 'uninstall-stash', subject, ['antivirus']);
  if (tempOnly) return rule('temp-dir', 'medium', 'temp-file', facts, ['antivirus', 'lock']);
  if (subject.rootPythonFolder)
    return rule('permission', 'medium', 'admin-folder', subject, ['lock']);
  // A user-writable folder that still refused: a process holding files inside it is the usual
  // reason (renaming a folder fails with WinError 5 when a file in it is open); a DENY entry or a
  // scanner are the others, which only the machine's facts can tell apart.
  const sure = scan.best?.checkPermissionsOnly || scan.context.inProgress ? 'medium' : 'low';
  return rule('lock', sure, 'user-folder-denied', subject, ['permission', 'antivirus']);
}
