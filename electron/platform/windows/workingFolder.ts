import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appCacheDir } from '../appCacheDir';

/**
 * A private temporary folder for one run of Windows tools (the probe, reg
 * export): in the temporary folder, or, when TEMP is missing, read-only or
 * full (the very thing a user may have come with), in Pip Doctor's own
 * cache folder. Throws only when neither works.
 */
export async function workingFolder(env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return await mkdtemp(join(tmpdir(), 'pip-doctor-'));
  } catch (error) {
    const cache = appCacheDir(env);
    try {
      await mkdir(cache, { recursive: true });
      return await mkdtemp(join(cache, 'probe-'));
    } catch {
      throw new Error(
        `no folder to work in: the temporary folder ${tmpdir()} failed (${(error as NodeJS.ErrnoException).code ?? String(error)}), and so did ${cache}`,
      );
    }
  }
}
