/**
 * File errors that pip, setuptools and Python print without Python's
 * `[Errno N] message: 'path'` form. Their paths are formatted with `%s`, not
 * repr(): backslashes single, a `'` inside the path left as it is, so each
 * path ends where the message's own text after it begins.
 */
import { osErrorOfStrerror, readQuoted, unrepr } from './osError';
import type { OsErrorMention } from './osError';

/**
 * distutils/setuptools file_util._copy_file_contents and dir_util.mkpath
 * (`"could not create '%s': %s" % (dst, e.strerror)`, also `could not delete`,
 * `could not open`, `could not write to`, `could not read from`) and
 * file_util.move_file (`"couldn't move '%s' to '%s': %s"`), printed by setup()
 * as `error: <message>`.
 */
const COPY_FAILED = /\bcould not (?:create|delete|open|write to|read from) '(.*)': ([^':]+?)\s*$/;
const MOVE_FAILED = /\bcouldn't move '(.*?)' to '(.*)': ([^':]+?)\s*$/;
const COPY_OPENS = /\bcould(?: not (?:create|delete|open|write to|read from)|n't move) '/;

/** The distutils error on this line, its number read from its strerror text. */
export function parseDistutilsError(line: string): OsErrorMention | null {
  if (!line.includes('could')) return null;
  const move = MOVE_FAILED.exec(line);
  const copy = move ? null : COPY_FAILED.exec(line);
  const strerror = move?.[3] ?? copy?.[2];
  if (strerror === undefined) return null;
  const code = osErrorOfStrerror(strerror);
  if (!code) return null;
  return {
    ...code,
    message: strerror,
    path: move ? move[1]! : copy![1]!,
    secondPath: move ? move[2]! : null,
  };
}

/** A distutils error whose path a terminal wrapped onto the next line: the `': reason` is still to come. */
export function distutilsPathUnclosed(line: string): boolean {
  if (!line.includes('could')) return false;
  const open = COPY_OPENS.exec(line);
  return open !== null && !/':\s*\S/.test(line.slice(open.index + open[0].length));
}

/**
 * easy_install.cant_write_to_target: the error it failed with follows a few
 * lines later, indented, then `The installation directory you specified … was:`
 * and the folder.
 */
export const EASY_INSTALL_CANT_WRITE = /can't create or remove files in install directory/;

/**
 * pip 1.3–1.5 (locations._get_build_prefix): a shared build folder left by
 * another user stops pip. "The temporary folder for building (%s) is not
 * owned by your user!" (1.3–1.4), "… is either not owned by you, or is a
 * symlink." (1.5).
 */
const BUILD_FOLDER_NOT_OWNED =
  /The temporary folder for building \((.+)\) is (?:either )?not owned by/;

/**
 * pip 6–today (cli/base_command.py): a cache folder owned by someone else
 * (root, after `sudo pip`); pip goes on without a cache. "The directory '%s'
 * or its parent directory is not owned by the current user and the cache has
 * been disabled." (6.0), "… and caching wheels has been disabled." (7.x),
 * "… is not owned or is not writable by the current user." (20+).
 */
const FOLDER_NOT_OWNED = /The directory '(.+)' or its parent directory is not owned/;
const FOLDER_NOT_OWNED_OPENS = /The directory '/;

export interface NotOwned {
  path: string;
  /** pip's own build folder (it stops) rather than its cache folder (it goes on). */
  buildFolder: boolean;
}

export function parseNotOwned(line: string): NotOwned | null {
  if (!line.includes('not owned')) return null;
  const build = BUILD_FOLDER_NOT_OWNED.exec(line);
  if (build) return { path: build[1]!, buildFolder: true };
  const folder = FOLDER_NOT_OWNED.exec(line);
  return folder ? { path: folder[1]!, buildFolder: false } : null;
}

/** pip's ownership warning cut by a terminal before the rest of its sentence. */
export function notOwnedUnclosed(line: string): boolean {
  return FOLDER_NOT_OWNED_OPENS.test(line) && !/' or its parent directory/.test(line);
}

/**
 * CPython Lib/tempfile.py _get_default_tempdir: `FileNotFoundError(ENOENT,
 * "No usable temporary directory found in %s" % dirlist)`, the list printed
 * with repr(): TMPDIR, TEMP and TMP first when set. Returns the first folder.
 */
export function parseNoUsableTempDir(line: string): { first: string | null } | null {
  if (!line.includes('No usable temporary directory found in')) return null;
  const list = line.indexOf('[', line.indexOf('No usable temporary directory found in'));
  if (list < 0) return { first: null };
  const open = line.slice(list + 1).search(/['"]/);
  const quoted = open < 0 ? null : readQuoted(line, list + 1 + open);
  return { first: quoted ? unrepr(quoted) : null };
}

/**
 * A shell that could not start a pip or python launcher because the
 * interpreter its first line names is gone (a venv whose base Python was
 * deleted or moved):
 * - bash: `bash: /v/bin/pip: /v/bin/python3: bad interpreter: No such file or directory`
 * - bash 5.2: `bash: /v/bin/pip: cannot execute: required file not found`
 * - zsh: `zsh: /v/bin/pip: bad interpreter: /v/bin/python3: no such file or directory`
 * - fish: `fish: The file “/v/bin/pip” specified the interpreter “/v/bin/python3”, which is not an executable command.`
 * The launcher's path is the one the log names: it lies in the broken install.
 */
const SHELL_PREFIX = '(?:-?(?:bash|zsh|sh|dash|ksh)(?:: line \\d+)?: )?';
const LAUNCHER = '(/[^:]*/(?:pip|python)[\\d.]*)';
const BROKEN_LAUNCHER = [
  new RegExp(`^\\s*${SHELL_PREFIX}${LAUNCHER}: (?:[^:]+: )?bad interpreter: `, 'i'),
  new RegExp(`^\\s*${SHELL_PREFIX}${LAUNCHER}: cannot execute: required file not found`, 'i'),
  /^\s*fish: The file [“"](\/[^”"]*\/(?:pip|python)[\d.]*)[”"] specified the interpreter /,
];

export function parseBrokenLauncher(line: string): string | null {
  if (!line.includes('interpreter') && !line.includes('cannot execute')) return null;
  for (const pattern of BROKEN_LAUNCHER) {
    const match = pattern.exec(line);
    if (match) return match[1]!;
  }
  return null;
}
