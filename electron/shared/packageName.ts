import type { LogFinding } from './model/logFinding';

/**
 * PEP 508's rule for a distribution name: ASCII letters and digits, with
 * `.`, `_` and `-` only between them. Anything else (a space, a `;`, a
 * leading `-` that pip would read as an option, a path, a URL, a version
 * specifier) is refused: the name goes into a pip command line.
 */
const PEP_508_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
/** Longer names do not exist on PyPI; the cap keeps error messages readable. */
const MAX_NAME_LENGTH = 120;

export function isValidPackageName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && PEP_508_NAME.test(name);
}

/** PEP 503's normal form: what pip and importlib.metadata compare names by. */
export function normalizePackageName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/**
 * The package a fix installs: the one the user asked for, else (when the log
 * shows no command) the one that owns the failing file; only a PEP 508 name that may go on a command line,
 * and not pip itself (a failed self-upgrade names pip, which is not what the
 * user wanted to install).
 */
export function packageFromLog(log: LogFinding | null): string | null {
  // A command that names no package (`pip install -r requirements.txt`, `pip install .`) asked
  // for none: the file that failed belongs to a dependency, which is not what to install.
  const askedForNone = log?.command != null && log.requested === null;
  const logged = log?.requested ?? (askedForNone ? null : (log?.package ?? null));
  return logged !== null && logged !== 'pip' && isValidPackageName(logged) ? logged : null;
}
