import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * Where a program is on PATH, as an absolute path, or null. Plans name
 * programs by absolute path: what the user approves is what runs, whatever
 * PATH holds when it runs.
 */
export function locateProgram(
  name: string,
  env: NodeJS.ProcessEnv,
  fallbacks: string[] = [],
): string | null {
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '' && isAbsolute(dir));
  for (const candidate of [...dirs.map((dir) => join(dir, name)), ...fallbacks]) {
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next folder.
    }
  }
  return null;
}
