import {
  COULD_NOT_INSTALL,
  CONNECTION_RESET,
  EXCEPTION_LINE,
  LONG_PATH_HINT,
  NOT_PERMISSION_SIGNALS,
  PEP668,
  PIP_SELF_GUARD,
  SELF_UPGRADE_CONTEXT,
  SETUP_ERROR_LINE,
  USER_OPTION_HINT,
  CHECK_PERMISSIONS_ONLY,
  securityProductIn,
} from './logSignals';
import type { NotPermissionKind } from './logSignals';
import {
  EASY_INSTALL_CANT_WRITE,
  distutilsPathUnclosed,
  notOwnedUnclosed,
  parseDistutilsError,
  parseBrokenLauncher,
  parseNoUsableTempDir,
  parseNotOwned,
} from './fileMessages';
import { OS_ERROR_CODE, hasUnclosedPath, mayMentionOsError, parseOsError } from './osError';
import type { OsErrorMention } from './osError';
import { lineHead } from './lineHead';
import type { LineHead } from './lineHead';
import { LogContext } from './logContext';
import type { Invocation } from './logContext';

/** The OS error the log blames, with the line it came from. */
export interface ErrorCandidate {
  error: OsErrorMention;
  line: string;
  weight: number;
  /** pip's long-path HINT printed right after this error (it never refers to another one). */
  longPathHint: string | null;
  /** pip's `Check the permissions.` alone after this error: a venv or a --user install. */
  checkPermissionsOnly: boolean;
  /** The pip run the error happened in. */
  run: Invocation;
}

/** A message that names a path but no OS error, with the line it came from. */
export interface PathMessage {
  path: string | null;
  line: string;
}

const EVIDENCE_WIDTH = 400;
/** Lines joined at most when a terminal wrapped a quoted path. */
const MAX_WRAP_LINES = 6;
/** easy_install prints the OS error this many lines after its headline at most. */
const EASY_INSTALL_REACH = 8;

/**
 * Reads a log line by line and keeps only what the verdict needs, so a log
 * of any length is scanned in constant memory.
 */
export class LogScanner {
  readonly context = new LogContext();
  best: ErrorCandidate | null = null;
  pep668Line: string | null = null;
  /** A long-path HINT with no OS error before it (an excerpt that starts mid-way). */
  looseLongPathHint: string | null = null;
  pipGuardLine: string | null = null;
  scannerLine: string | null = null;
  /** A security product named anywhere (a scanner, or a web filter such as Zscaler). */
  securitySuiteLine: string | null = null;
  connectionResetLine: string | null = null;
  selfUpgradeLine: string | null = null;
  userOptionHint = false;
  /** pip 1.x's shared build folder belongs to someone else: pip stopped. */
  buildFolderNotOwned: PathMessage | null = null;
  /** pip's warning that its cache folder belongs to someone else. */
  cacheNotOwned: PathMessage | null = null;
  /** Python's tempfile found no folder it could write to. */
  noUsableTempDir: PathMessage | null = null;
  /** A shell could not start a pip/python launcher: the interpreter it names is gone. */
  brokenLauncher: PathMessage | null = null;
  notPermission = new Map<NotPermissionKind, string>();
  lines = 0;
  private wrapped: string[] = [];
  /** A line whose OS error has no path yet; held for one line in case the path follows. */
  private beforePath: string | null = null;
  /** The most recent error mentioned, whatever its weight: hints attach to it. */
  private latest: ErrorCandidate | null = null;
  /** Lines left in which easy_install's indented error belongs to its headline. */
  private easyInstallReach = 0;

  push(rawLine: string): void {
    this.lines++;
    if (this.beforePath !== null) {
      // The previous line's OS error stopped before its path: a terminal wrapped the message.
      const held = this.beforePath;
      this.beforePath = null;
      if (continuesWithPath(held, rawLine)) rawLine = joinWrapped(held, rawLine);
      else this.inspect(held, true, lineHead(held));
    }
    if (this.wrapped.length > 0) {
      this.wrapped.push(continuationRow(rawLine));
      const joined = this.wrapped.join('');
      const osLine = mayMentionOsError(joined);
      const head = lineHead(joined);
      if (!opensUnclosedPath(joined, osLine, head) || this.wrapped.length >= MAX_WRAP_LINES) {
        this.wrapped = [];
        this.inspect(joined, osLine, head);
      }
      return;
    }
    const osLine = mayMentionOsError(rawLine);
    const head = lineHead(rawLine);
    if (opensUnclosedPath(rawLine, osLine, head)) {
      this.wrapped = [rawLine.trimEnd()];
      return;
    }
    if (osLine && endsBeforePath(rawLine)) {
      this.beforePath = rawLine;
      return;
    }
    this.inspect(rawLine, osLine, head);
  }

  finish(): void {
    if (this.beforePath !== null) this.inspect(this.beforePath, true, lineHead(this.beforePath));
    if (this.wrapped.length > 0) {
      const joined = this.wrapped.join('');
      this.inspect(joined, mayMentionOsError(joined), lineHead(joined));
    }
    this.beforePath = null;
    this.wrapped = [];
  }

  /** `osLine`: the line may hold a Python OS error (mayMentionOsError); `head`: its kind. */
  private inspect(line: string, osLine: boolean, head: LineHead | null): void {
    if (line.trim() === '') return;
    const pep668 = PEP668.test(line);
    const guard = PIP_SELF_GUARD.test(line);
    this.context.observe(line, head, pep668, guard);
    if (this.easyInstallReach > 0) this.easyInstallReach--;

    if (osLine) {
      const error = parseOsError(line);
      if (error) this.consider(error, line);
      const noTemp = parseNoUsableTempDir(line);
      if (noTemp) this.noUsableTempDir ??= { path: noTemp.first, line: clip(line) };
    } else if (head === 'setup-error') {
      const error = parseDistutilsError(line);
      if (error) this.consider(error, line);
      if (EASY_INSTALL_CANT_WRITE.test(line)) this.easyInstallReach = EASY_INSTALL_REACH;
    }
    if (this.brokenLauncher === null) {
      const launcher = parseBrokenLauncher(line);
      if (launcher) this.brokenLauncher = { path: launcher, line: clip(line) };
    }
    if (head === 'pip-folder') {
      const owned = parseNotOwned(line);
      if (owned?.buildFolder) this.buildFolderNotOwned ??= { path: owned.path, line: clip(line) };
      else if (owned) this.cacheNotOwned ??= { path: owned.path, line: clip(line) };
    }
    if (
      this.connectionResetLine === null &&
      line.includes('onnection') &&
      CONNECTION_RESET.test(line)
    ) {
      this.connectionResetLine = clip(line);
    }
    if (this.pep668Line === null && pep668) this.pep668Line = clip(line);
    if (LONG_PATH_HINT.test(line)) {
      // pip prints the 255-character hint before the 260-character one; the first is the one
      // that long path support does not fix, so it is kept.
      if (this.latest) this.latest.longPathHint ??= clip(line);
      else this.looseLongPathHint ??= clip(line);
    }
    if (guard) this.pipGuardLine = clip(line);
    if (SELF_UPGRADE_CONTEXT.test(line)) this.selfUpgradeLine = clip(line);
    if (USER_OPTION_HINT.test(line)) this.userOptionHint = true;
    if (this.latest && CHECK_PERMISSIONS_ONLY.test(line)) this.latest.checkPermissionsOnly = true;
    if (this.scannerLine === null) {
      const product = securityProductIn(line);
      if (product !== null) this.securitySuiteLine ??= clip(line);
      if (product === 'scanner') this.scannerLine = clip(line);
    }
    for (const { kind, pattern } of NOT_PERMISSION_SIGNALS) {
      if (!this.notPermission.has(kind) && pattern.test(line))
        this.notPermission.set(kind, clip(line));
    }
  }

  /**
   * pip's own `ERROR: Could not install packages…` line is the verdict, and so
   * is the error easy_install says it could not write with; a traceback's
   * exception line or setup.py's final `error:` come next; an error merely
   * mentioned in passing last. Among equals, the later one is what finally
   * stopped pip.
   */
  private consider(error: OsErrorMention, line: string): void {
    let weight =
      COULD_NOT_INSTALL.test(line) || this.easyInstallReach > 0
        ? 3
        : EXCEPTION_LINE.test(line) || SETUP_ERROR_LINE.test(line)
          ? 2
          : 1;
    if (error.path !== null) weight += 0.5;
    if (this.easyInstallReach > 0) this.easyInstallReach = 0;
    const candidate = {
      error,
      line: clip(line),
      weight,
      longPathHint: null,
      checkPermissionsOnly: false,
      run: this.context.current,
    };
    this.latest = candidate;
    if (this.best === null || weight >= this.best.weight) this.best = candidate;
  }
}

/** A message whose quoted path does not close on this line: a terminal wrapped it. */
function opensUnclosedPath(line: string, osLine: boolean, head: LineHead | null): boolean {
  if (osLine) return hasUnclosedPath(line);
  if (head === 'setup-error') return distutilsPathUnclosed(line);
  return head === 'pip-folder' && notOwnedUnclosed(line);
}

/**
 * A wrapped row of a path, as the next piece of it. A terminal wraps at a
 * fixed width, so a row that starts with one blank kept a space of the path;
 * a deeper indent is the log's own layout.
 */
function continuationRow(row: string): string {
  const trimmed = row.trim();
  return /^\s\S/.test(row) ? ` ${trimmed}` : trimmed;
}

/** `…[WinError 5] Access is d` : an OS error whose message is cut before any quoted path. */
function endsBeforePath(line: string): boolean {
  const at = line.search(OS_ERROR_CODE);
  return at >= 0 && !/['"]/.test(line.slice(at));
}

/**
 * The rest of a wrapped OS error message: `enied: 'C:\\…'`, or the quoted
 * path itself when the held line already ends with the colon.
 */
function continuesWithPath(held: string, next: string): boolean {
  if (/^\s*[^'"[\]]*:\s*['"]/.test(next)) return true;
  return /:\s*$/.test(held) && /^\s*['"]/.test(next);
}

/** Joins a wrapped line, keeping a space only where the terminal showed one. */
function joinWrapped(held: string, next: string): string {
  const space = /\s$/.test(held) || /^\s/.test(next) ? ' ' : '';
  return `${held.trimEnd()}${space}${next.trim()}`;
}

export function clip(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > EVIDENCE_WIDTH ? `${trimmed.slice(0, EVIDENCE_WIDTH - 1)}…` : trimmed;
}
