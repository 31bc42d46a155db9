import { access, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Two paths are the same interpreter when they run the same binary in the
 * same environment. A venv's `bin/python` is a symlink to its base Python's
 * binary, yet it is a different install: the `pyvenv.cfg` beside its `bin`
 * folder makes it one (that is how CPython itself decides, site.py).
 */
export async function interpreterIdentity(executable: string): Promise<string> {
  const real = await realpath(executable).catch(() => executable);
  const envRoot = dirname(dirname(executable));
  const isVenv = await access(join(envRoot, 'pyvenv.cfg')).then(
    () => true,
    () => false,
  );
  if (!isVenv) return real;
  const root = await realpath(envRoot).catch(() => envRoot);
  return `${real}|venv:${root}`;
}
