/**
 * Past this length a path stops being read and starts being skimmed: the
 * first sentence a person reads names a file by its own name instead, and the
 * full path waits under Evidence (issue #16's five-second test uses the same
 * limit).
 */
export const READABLE_PATH_LENGTH = 40;

/**
 * A file or folder as a sentence names it: the whole path when it is short,
 * else its last part ("_cffi_backend.cp310-win_amd64.pyd"), quoted; null when
 * even that is too long to read at a glance, so the caller says "a file".
 */
export function pathForPeople(path: string): string | null {
  const trimmed = path.replace(/[\\/]+$/, '');
  if (trimmed.length <= READABLE_PATH_LENGTH) return `"${trimmed}"`;
  const name = trimmed.split(/[\\/]/).pop() ?? '';
  return name !== '' && name.length <= READABLE_PATH_LENGTH ? `"${name}"` : null;
}
