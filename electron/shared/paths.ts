/**
 * Path questions that need no file system and no Node, so the same answer
 * holds in main, in the renderer and for a Diagnosis made on another OS.
 */

/** Windows paths (a drive letter or a UNC share) compare without case, as Windows does. */
function isWindowsPath(path: string): boolean {
  return /^[a-z]:/i.test(path) || /^[\\/]{2}[^\\/]/.test(path);
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/\/+$/, '');
}

/** Whether `path` is `folder` or inside it, whatever the separator. */
export function isInside(path: string, folder: string): boolean {
  const windows = isWindowsPath(folder);
  const fold = (p: string) => (windows ? normalise(p).toLowerCase() : normalise(p));
  const a = fold(path);
  const b = fold(folder);
  return a === b || a.startsWith(`${b}/`);
}

/** Whether `path` is inside `folder` and not the folder itself. */
export function isStrictlyInside(path: string, folder: string): boolean {
  return isInside(path, folder) && !isInside(folder, path);
}
