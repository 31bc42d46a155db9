import {
  COULD_NOT_INSTALL,
  EXCEPTION_LINE,
  LONG_PATH_HINT,
  NOT_PERMISSION_SIGNALS,
  PEP668,
  PIP_SELF_GUARD,
  SCANNER,
  SCANNER_WORDS,
  SELF_UPGRADE_CONTEXT,
  USER_OPTION_HINT,
  CHECK_PERMISSIONS_ONLY,
} from './logSignals';
import type { NotPermissionKind } from './logSignals';
import { OS_ERROR_CODE, hasUnclosedPath, mayMentionOsError, parseOsError } from './osError';
import type { OsErrorMention } from './osError';
import { LogContext } from './logContext';

/** The OS error the log blames, with the line it came from. */
export interface ErrorCandidate {
  error: OsErrorMention;
  line: string;
  weight: number;
  /** pip's long-path HINT printed right after this error (it never refers to another one). */
  longPathHint: string | null;
  /** pip's `Check the permissions.` alone after this error: a venv or a --user install. */
  checkPermissionsOnly: boolean;
}

const EVIDENCE_WIDTH = 400;
/** Lines joined at most when a terminal wrapped a quoted path. */
const MAX_WRAP_LINES = 6;

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
  selfUpgradeLine: string | null = null;
  userOptionHint = false;
  notPermission = new Map<NotPermissionKind, string>();
  lines = 0;
  private wrapped: string[] = [];
  /** A line whose OS error has no path yet; held for one line in case the path follows. */
  private beforePath: string | null = null;
  /** The most recent error mentioned, whatever its weight: hints attach to it. */
  private latest: ErrorCandidate | null = null;

  push(rawLine: string): void {
    this.lines++;
    if (this.beforePath !== null) {
      // The previous line's OS error stopped before its path: a terminal wrapped the message.
      const held = this.beforePath;
      this.beforePath = null;
      if (continuesWithPath(held, rawLine)) rawLine = joinWrapped(held, rawLine);
      else this.inspect(held);
    }
    if (this.wrapped.length > 0) {
      this.wrapped.push(rawLine.trim());
      const joined = this.wrapped.join('');
      if (!hasUnclosedPath(joined) || this.wrapped.length >= MAX_WRAP_LINES) {
        this.wrapped = [];
        this.inspect(joined);
      }
      return;
    }
    if (mayMentionOsError(rawLine) && hasUnclosedPath(rawLine)) {
      this.wrapped = [rawLine.trimEnd()];
      return;
    }
    if (mayMentionOsError(rawLine) && endsBeforePath(rawLine)) {
      this.beforePath = rawLine;
      return;
    }
    this.inspect(rawLine);
  }

  finish(): void {
    if (this.beforePath !== null) this.inspect(this.beforePath);
    if (this.wrapped.length > 0) this.inspect(this.wrapped.join(''));
    this.beforePath = null;
    this.wrapped = [];
  }

  private inspect(line: string): void {
    if (line.trim() === '') return;
    this.context.observe(line);

    if (mayMentionOsError(line)) {
      const error = parseOsError(line);
      if (error) this.consider(error, line);
    }
    if (this.pep668Line === null && PEP668.test(line)) this.pep668Line = clip(line);
    if (LONG_PATH_HINT.test(line)) {
      // pip prints the 255-character hint before the 260-character one; the first is the one
      // that long path support does not fix, so it is kept.
      if (this.latest) this.latest.longPathHint ??= clip(line);
      else this.looseLongPathHint ??= clip(line);
    }
    if (PIP_SELF_GUARD.test(line)) this.pipGuardLine = clip(line);
    if (SELF_UPGRADE_CONTEXT.test(line)) this.selfUpgradeLine = clip(line);
    if (USER_OPTION_HINT.test(line)) this.userOptionHint = true;
    if (this.latest && CHECK_PERMISSIONS_ONLY.test(line)) this.latest.checkPermissionsOnly = true;
    if (this.scannerLine === null && isScannerMention(line)) this.scannerLine = clip(line);
    for (const { kind, pattern } of NOT_PERMISSION_SIGNALS) {
      if (!this.notPermission.has(kind) && pattern.test(line))
        this.notPermission.set(kind, clip(line));
    }
  }

  /**
   * pip's own `ERROR: Could not install packages…` line is the verdict; a
   * traceback's exception line comes next; an error merely mentioned in
   * passing last. Among equals, the later one is what finally stopped pip.
   */
  private consider(error: OsErrorMention, line: string): void {
    let weight = COULD_NOT_INSTALL.test(line) ? 3 : EXCEPTION_LINE.test(line) ? 2 : 1;
    if (error.path !== null) weight += 0.5;
    const candidate = {
      error,
      line: clip(line),
      weight,
      longPathHint: null,
      checkPermissionsOnly: false,
    };
    this.latest = candidate;
    if (this.best === null || weight >= this.best.weight) this.best = candidate;
  }
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

function isScannerMention(line: string): boolean {
  // "AVG" or "ESET" inside a traceback of someone's code is not a scanner; the brand
  // names count only in prose, and the generic words anywhere.
  if (SCANNER_WORDS.test(line)) return true;
  return SCANNER.test(line) && !/^\s*File "/.test(line);
}

export function clip(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > EVIDENCE_WIDTH ? `${trimmed.slice(0, EVIDENCE_WIDTH - 1)}…` : trimmed;
}
