import { homedir } from 'node:os';
import { join } from 'node:path';

/** The user's own cache folder for Pip Doctor, where each OS keeps such things. */
export function appCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Pip Doctor', 'Cache');
  }
  if (process.platform === 'darwin')
    return join(env.HOME ?? homedir(), 'Library', 'Caches', 'Pip Doctor');
  return join(env.XDG_CACHE_HOME ?? join(env.HOME ?? homedir(), '.cache'), 'pip-doctor');
}
