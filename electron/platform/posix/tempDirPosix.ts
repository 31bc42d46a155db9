import { statfs } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TempDirCheck } from '../../shared/model/diagnosis';
import { checkTempDirWith, statFolderError } from '../tempDirCheck';
import type { TempDirCandidate } from '../tempDirCheck';
import { probeWritable } from '../writeProbe';

/**
 * Where pip unpacks on macOS and Linux: tempfile.gettempdir() tries TMPDIR,
 * TEMP and TMP (each when set and not empty), then /tmp, /var/tmp, /usr/tmp
 * (CPython Lib/tempfile.py, _candidate_tempdir_list). A relative value is
 * taken from the folder the user stands in, as Python's abspath does.
 * The alternative is pip-tmp in the user's cache folder.
 */
export function checkTempDirPosix(env: NodeJS.ProcessEnv): Promise<TempDirCheck> {
  const cwd = env.PWD ?? process.cwd();
  const candidates: TempDirCandidate[] = [
    ...['TMPDIR', 'TEMP', 'TMP']
      .filter((name) => env[name])
      .map((name) => ({ path: resolve(cwd, env[name]!), variable: name })),
    ...['/tmp', '/var/tmp', '/usr/tmp'].map((path) => ({ path, variable: null })),
  ];
  const home = env.HOME || homedir();
  const cache = env.XDG_CACHE_HOME || join(home, '.cache');
  return checkTempDirWith(
    {
      candidates,
      alternative: join(cache, 'pip-tmp'),
      samePath: (a, b) => resolve(a) === resolve(b),
    },
    { probeWritable, freeBytes, folderError: statFolderError },
  );
}

/** What this user may still write there: blocks available to unprivileged users. */
export async function freeBytes(dir: string): Promise<number | null> {
  try {
    const info = await statfs(dir);
    return info.bavail * info.bsize;
  } catch {
    return null;
  }
}
