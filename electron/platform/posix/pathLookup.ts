import { constants } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export function pathDirectories(env: NodeJS.ProcessEnv): string[] {
  return [...new Set((env.PATH ?? '').split(delimiter).filter((dir) => dir !== ''))];
}

export async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every executable named `command` on PATH, in PATH order (the first is what a shell runs). */
export async function findAllOnPath(command: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const found: string[] = [];
  for (const dir of pathDirectories(env)) {
    const candidate = join(dir, command);
    if (await isExecutableFile(candidate)) found.push(candidate);
  }
  return found;
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
