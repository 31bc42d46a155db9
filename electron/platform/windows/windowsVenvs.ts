import { msg } from '../../shared/i18n/message';
import { brokenVenvWords } from '../brokenVenvWords';
import { win32 } from 'node:path';
import { parsePyvenvCfg } from '../pyvenvCfg';
import type { BrokenVenv } from '../mergeByIdentity';
import { envValue } from './commandRunner';
import type { WindowsFiles } from './windowsFiles';

/**
 * Venvs and installs on Windows seen from their files: the install a log's
 * path lies in, a venv whose base Python is gone, and whether the active
 * venv's Scripts folder is on PATH. Everything goes through WindowsFiles.
 */

/**
 * A path from a log as a local path, or null. A UNC path (`\\server\share`,
 * `\\?\UNC\…`, also spelt with `/`) is never touched: opening it makes
 * Windows authenticate to that server with the user's NTLM hash, and a
 * pasted log may name any server. Device paths (`\\.\`) and relative or
 * drive-relative paths (`C:foo`) are left out too; `\\?\C:\…` is read as C:\….
 */
export function localWindowsPath(path: string): string | null {
  const plain = path.replace(/^[\\/]{2}\?[\\/](?=[A-Za-z]:[\\/])/, '');
  if (!/^[A-Za-z]:[\\/]/.test(plain)) return null;
  return win32.resolve(plain);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The python.exe of the install `path` lies in, walking up from the path:
 * a folder with pyvenv.cfg is a venv (Scripts\python.exe), one with
 * conda-meta\ a conda prefix (python.exe), and `<prefix>\Lib\site-packages`
 * an install whose prefix holds python.exe. Null for a path that is not
 * local (see localWindowsPath) or lies in no such install.
 */
export async function interpreterOfWindowsPath(
  path: string,
  files: WindowsFiles,
): Promise<string | null> {
  const local = localWindowsPath(path);
  if (local === null) return null;
  for (let dir = local; ; dir = win32.dirname(dir)) {
    const root = await envRootInterpreter(dir, files);
    if (root !== null) return root;
    if (
      same(win32.basename(dir), 'site-packages') &&
      same(win32.basename(win32.dirname(dir)), 'Lib')
    ) {
      const prefix = win32.dirname(win32.dirname(dir));
      const env = await envRootInterpreter(prefix, files);
      if (env !== null) return env;
      const python = win32.join(prefix, 'python.exe');
      if (await files.exists(python)) return python;
    }
    if (win32.dirname(dir) === dir) return null;
  }
}

async function envRootInterpreter(dir: string, files: WindowsFiles): Promise<string | null> {
  if (await files.exists(win32.join(dir, 'pyvenv.cfg')))
    return win32.join(dir, 'Scripts', 'python.exe');
  if (await files.isFolder(win32.join(dir, 'conda-meta'))) return win32.join(dir, 'python.exe');
  return null;
}

/**
 * Whether `executable`, a venv's Scripts\python.exe, cannot start. That file
 * is the venv launcher: it reads `home` from pyvenv.cfg and runs
 * home\python.exe, so when that is gone (the base Python uninstalled,
 * moved, or replaced by another version) it only prints "No Python at …".
 * Null when the path is in no venv, pyvenv.cfg cannot be read, or Windows
 * cannot say the base is gone (access denied, a `home` on a network share,
 * which is not touched).
 */
export async function brokenWindowsVenv(
  executable: string,
  files: WindowsFiles,
): Promise<BrokenVenv | null> {
  if (!same(win32.basename(win32.dirname(executable)), 'Scripts')) return null;
  const prefix = win32.dirname(win32.dirname(executable));
  const text = await files.readText(win32.join(prefix, 'pyvenv.cfg'));
  if (text === null) return null;
  const cfg = parsePyvenvCfg(text);
  const home = cfg.home === null ? null : localWindowsPath(cfg.home);
  const base = home === null ? null : win32.join(home, 'python.exe');
  const facts = { executable, prefix, version: cfg.version, base };
  if (await files.isMissing(executable)) {
    return {
      ...facts,
      reason: msg(brokenVenvWords.interpreterMissing, { python: executable }),
    };
  }
  if (base !== null && (await files.isMissing(base))) {
    return {
      ...facts,
      reason: msg(brokenVenvWords.baseGoneWindows, { base, python: executable }),
    };
  }
  return null;
}

/**
 * VIRTUAL_ENV, whether its Scripts folder is on PATH (without case, slashes
 * or a trailing backslash mattering; local folders also compared by their
 * real path), and whether the folder is gone.
 */
export async function activeWindowsVenv(
  env: NodeJS.ProcessEnv,
  files: WindowsFiles,
): Promise<{ prefix: string; onPath: boolean; missing: boolean } | null> {
  const active = envValue(env, 'VIRTUAL_ENV');
  if (!active) return null;
  const prefix = localWindowsPath(active) ?? active;
  const spelled = (path: string) => path.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
  const real = async (path: string) => {
    const local = localWindowsPath(path);
    return local === null
      ? [spelled(path)]
      : [spelled(local), spelled(await files.realPath(local))];
  };
  const scripts = new Set(await real(win32.join(prefix, 'Scripts')));
  const folders = (envValue(env, 'PATH') ?? '')
    .split(';')
    .map((folder) => folder.trim().replace(/^"(.*)"$/, '$1'))
    .filter((folder) => folder !== '');
  const spellings = await Promise.all(folders.map(real));
  const onPath = spellings.some((names) => names.some((name) => scripts.has(name)));
  const missing = localWindowsPath(prefix) !== null && (await files.isMissing(prefix));
  return { prefix, onPath, missing };
}
