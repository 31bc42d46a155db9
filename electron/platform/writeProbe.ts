import { randomInt } from 'node:crypto';
import { open, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What writing (and deleting) a probe file taught us about one folder. */
export interface WriteProbe {
  /** The folder itself exists (as a folder). */
  exists: boolean;
  /**
   * Where the probe ran or stopped: the folder, or, when it does not exist,
   * the nearest existing folder above it (pip would create the rest there).
   * null when nothing on the way up exists.
   */
  probedPath: string | null;
  /** null when it could not be decided (not a folder, a symlink loop, a full disk...). */
  writable: boolean | null;
  /** The errno code behind a `false` or `null`, e.g. EACCES, EROFS, ENOTDIR. */
  errorCode: string | null;
  /**
   * The probe file, when it was created but could not be deleted again, so
   * the user can be told exactly what to remove. Otherwise null.
   */
  leftBehind: string | null;
}

/** pip's own name (utils/filesystem.py, _test_writable_dir_win), so a stray file is recognisable. */
const PROBE_PREFIX = 'accesstest_deleteme_fishfingers_custard_';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const NAME_ATTEMPTS = 10;
/** Virus scanners and indexers open new files for a moment on Windows; deleting then fails briefly. */
const UNLINK_RETRY_DELAYS_MS = [50, 150, 400];
const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Tests whether pip could create and delete files in `dir` by doing it, as
 * DESIGN.md rule 5 asks: `fs.access` ignores Windows ACLs. Mirrors pip's
 * `test_writable_dir`: a missing folder is judged by the nearest existing
 * folder above it, where pip would create it.
 */
export async function probeWritable(dir: string): Promise<WriteProbe> {
  const wanted = resolve(dir);
  const target = await nearestExisting(wanted);
  const exists = target.code === null && target.path === wanted;
  if (target.code !== null) {
    return {
      exists,
      probedPath: target.path,
      writable: DENIED.has(target.code) ? false : null,
      errorCode: target.code,
      leftBehind: null,
    };
  }
  return { exists, probedPath: target.path, ...(await createAndDelete(target.path!)) };
}

type Target = { path: string | null; code: string | null };

/** Walks up while the path is missing; stops at the first folder, or at whatever else is in the way. */
async function nearestExisting(start: string): Promise<Target> {
  let current = start;
  for (;;) {
    try {
      const info = await stat(current);
      return { path: current, code: info.isDirectory() ? null : 'ENOTDIR' };
    } catch (error) {
      const code = errorCode(error);
      // ENOTDIR: a file sits somewhere above; walking up finds it and reports it.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return { path: current, code };
    }
    const parent = dirname(current);
    if (parent === current) return { path: null, code: 'ENOENT' };
    current = parent;
  }
}

type Outcome = Pick<WriteProbe, 'writable' | 'errorCode' | 'leftBehind'>;

async function createAndDelete(folder: string): Promise<Outcome> {
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
    const file = join(folder, PROBE_PREFIX + randomName());
    let handle;
    try {
      // 'wx' is O_CREAT|O_EXCL: never opens (or truncates) a file someone else made.
      handle = await open(file, 'wx');
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      return { writable: DENIED.has(code) ? false : null, errorCode: code, leftBehind: null };
    }
    // A failed close must not skip the delete: the file must not stay behind.
    await handle.close().catch(() => undefined);
    const removal = await removeProbeFile(file);
    if (removal === null) return { writable: true, errorCode: null, leftBehind: null };
    // pip deletes files to upgrade or uninstall, so a folder that lets us
    // create but not delete (Windows "Write" without "Modify", chattr +a)
    // is not writable for pip's purposes.
    return { writable: false, errorCode: removal, leftBehind: file };
  }
  return { writable: null, errorCode: 'EEXIST', leftBehind: null };
}

/** Deletes the probe file; returns null when it is gone, else the last error code. */
async function removeProbeFile(file: string): Promise<string | null> {
  let code = 'UNKNOWN';
  for (let attempt = 0; attempt <= UNLINK_RETRY_DELAYS_MS.length; attempt++) {
    if (attempt > 0) await sleep(UNLINK_RETRY_DELAYS_MS[attempt - 1]);
    try {
      await unlink(file);
      return null;
    } catch (error) {
      code = errorCode(error);
      if (code === 'ENOENT') return null;
      if (code !== 'EBUSY' && code !== 'EPERM' && code !== 'EACCES') return code;
    }
  }
  return code;
}

function randomName(): string {
  let name = '';
  for (let i = 0; i < 6; i++) name += ALPHABET[randomInt(ALPHABET.length)];
  return name;
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'UNKNOWN';
}
