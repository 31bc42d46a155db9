import { win32 } from 'node:path';
import { envValue } from './commandRunner';
import type { WindowsFiles } from './windowsFiles';

const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';

/**
 * What where.exe does, read by Node itself: every PATH folder in order, and
 * in each the command with every PATHEXT extension. Used where where.exe's
 * answer cannot be trusted: it could not run, or it printed a path in the
 * console code page (a non-ASCII user name) that no longer names a file.
 * Unlike cmd, the current folder is not searched: it is Pip Doctor's, not
 * the user's shell's.
 */
export async function searchPath(
  command: string,
  env: NodeJS.ProcessEnv,
  files: WindowsFiles,
): Promise<string[]> {
  const folders = (envValue(env, 'PATH') ?? '')
    .split(';')
    .map((folder) => folder.trim().replace(/^"(.*)"$/, '$1'))
    .filter((folder) => folder !== '');
  const extensions = (envValue(env, 'PATHEXT') ?? DEFAULT_PATHEXT)
    .split(';')
    .map((extension) => extension.trim().toLowerCase())
    .filter((extension) => extension.startsWith('.'));
  const candidates = [...new Set(folders)].flatMap((folder) =>
    extensions.map((extension) => win32.join(folder, command + extension)),
  );
  const present = await Promise.all(candidates.map((candidate) => files.exists(candidate)));
  return candidates.filter((_, index) => present[index]);
}
