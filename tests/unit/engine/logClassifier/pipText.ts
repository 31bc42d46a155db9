/**
 * pip's and Python's exact error texts, as quoted in
 * shared/reference/windows-probes.md §8, for building test logs.
 */

/** Python's repr() of a str path: backslashes doubled, double quotes when it holds a single quote. */
export function pyRepr(path: string): string {
  const escaped = path.replace(/\\/g, '\\\\');
  if (path.includes("'") && !path.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

/** CPython OSError_str: `[WinError N] message: 'path'` or `… 'a' -> 'b'`. */
export function osError(code: string, message: string, path?: string, second?: string): string {
  if (path === undefined) return `[${code}] ${message}`;
  const tail = second === undefined ? '' : ` -> ${pyRepr(second)}`;
  return `[${code}] ${message}: ${pyRepr(path)}${tail}`;
}

/** pip ≥ 21.0's create_os_error_message line, with the hint pip adds for EACCES. */
export function pipOsError(error: string, hint: 'user' | 'check' | 'none' = 'user'): string {
  const hints = {
    user: 'Consider using the `--user` option or check the permissions.\n',
    check: 'Check the permissions.\n',
    none: '',
  };
  return `ERROR: Could not install packages due to an OSError: ${error}\n${hints[hint]}`;
}

export const ACCESS_DENIED = 'Access is denied';
export const IN_USE =
  'The process cannot access the file because it is being used by another process';
export const LONG_PATH_HINT =
  'HINT: This error might have occurred since this system does not have Windows Long Path support enabled. You can find information on how to enable this at https://pip.pypa.io/warnings/enable-long-paths';
export const NAME_TOO_LONG_HINT =
  'HINT: This error might be caused by a file or folder name exceeding 255 characters, which is a Windows limitation even if long paths are enabled.';

/** A Program Files install (§8.2's illustrative path, as pip prints it: lower-cased). */
export const PROGRAM_FILES_DIST_INFO =
  'c:\\program files\\python312\\lib\\site-packages\\example-1.0.dist-info\\entry_points.txt';
/** A compiled module in a user-owned virtual environment. */
export const VENV_PYD =
  'C:\\Users\\uz\\venv\\Lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd';
/** uber/orbit#548's `--user` install file (§8.2). */
export const USER_SITE_FONT =
  'C:\\Users\\uz\\AppData\\Roaming\\Python\\Python37\\site-packages\\matplotlib\\mpl-data\\fonts\\ttf\\DejaVuSans-Bold.ttf';
