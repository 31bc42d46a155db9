import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export function pyenvRoot(env: NodeJS.ProcessEnv): string {
  return env.PYENV_ROOT ?? join(env.HOME ?? homedir(), '.pyenv');
}

/**
 * The version a pyenv shim would run in `projectDir`, by pyenv's own order:
 * PYENV_VERSION, then `.python-version` in the folder or any parent, then the
 * global `version` file. Only the first of several listed versions is taken.
 * `system` means the shim hands over to the next python on PATH.
 */
export async function pyenvVersionFor(
  projectDir: string,
  env: NodeJS.ProcessEnv,
): Promise<string | null> {
  if (env.PYENV_VERSION) return firstVersion(env.PYENV_VERSION);
  for (let dir = projectDir; ; dir = dirname(dir)) {
    const local = await readVersionFile(join(dir, '.python-version'));
    if (local) return local;
    if (dirname(dir) === dir) break;
  }
  return readVersionFile(join(pyenvRoot(env), 'version'));
}

async function readVersionFile(path: string): Promise<string | null> {
  try {
    return firstVersion(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

function firstVersion(text: string): string | null {
  const version = text
    .split(/[\s:]+/)
    .map((word) => word.trim())
    .find((word) => word !== '' && !word.startsWith('#'));
  return version ?? null;
}
