import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export function pathDirectories(env: NodeJS.ProcessEnv): string[] {
  return [...new Set((env.PATH ?? '').split(delimiter).filter((dir) => dir !== ''))];
}

/**
 * A file a shell would run: a regular file (through symlinks) this user may
 * execute. access(X_OK) alone also passes folders, which a shell skips on
 * PATH and which are no interpreter.
 */
export async function isRunnableFile(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** python, python3, python3.12 and pip, pip3, pip3.12 in one PATH folder. */
export async function pythonLikeEntries(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^(?:python|pip)(?:\d+(?:\.\d+)?)?$/.test(name))
    .map((name) => join(dir, name));
}
