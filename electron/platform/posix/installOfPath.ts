import { access, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { isRunnableFile } from './pathLookup';

/** `lib/python3.12` (also lib64, and Debian's version-less `lib/python3`) under an install's prefix. */
const LIB_VERSION = /^python(\d+(?:\.\d+)?)$/;

/**
 * The interpreter of the install `path` lies in, found by walking up from
 * the path itself: a folder with pyvenv.cfg is a venv, one with conda-meta/
 * a conda prefix (both run bin/python); `<prefix>/lib/pythonX.Y` is an
 * install whose prefix holds bin/pythonX.Y or bin/python3. The first such
 * folder from below wins. Null when the path is not absolute (a log's
 * relative path is relative to a folder we do not know) or lies in no
 * install with an interpreter. Nothing needs to exist: a missing path walks
 * up like any other, and only files that are there are looked at.
 */
export async function interpreterOfPath(path: string): Promise<string | null> {
  if (!isAbsolute(path)) return null;
  let dir = resolve(path);
  for (;;) {
    if (await isEnvRoot(dir)) return join(dir, 'bin', 'python');
    const version = LIB_VERSION.exec(basename(dir))?.[1];
    if (version !== undefined && /^lib(?:64)?$/.test(basename(dirname(dir)))) {
      const found = await prefixInterpreter(dirname(dirname(dir)), version);
      if (found !== null) return found;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

async function isEnvRoot(dir: string): Promise<boolean> {
  return (
    (await exists(join(dir, 'pyvenv.cfg'))) ||
    (await stat(join(dir, 'conda-meta')).then(
      (info) => info.isDirectory(),
      () => false,
    ))
  );
}

/**
 * The interpreter of the prefix that holds `lib/python<version>`. Debian's
 * own Python installs what pip adds for all users into
 * /usr/local/lib/pythonX.Y/dist-packages, while it lives in /usr/bin.
 */
async function prefixInterpreter(prefix: string, version: string): Promise<string | null> {
  if (await isEnvRoot(prefix)) return join(prefix, 'bin', 'python');
  const candidates = [join(prefix, 'bin', `python${version}`), join(prefix, 'bin', 'python3')];
  if (prefix === '/usr/local') candidates.push(`/usr/bin/python${version}`);
  for (const candidate of candidates) if (await isRunnableFile(candidate)) return candidate;
  return null;
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
