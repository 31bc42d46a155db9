import { realpath } from 'node:fs';
import { lstat, open, readFile, readdir, readlink, stat, statfs } from 'node:fs/promises';
import { promisify } from 'node:util';

const nativeRealPath = promisify(realpath.native);

/**
 * The file reads Windows discovery makes, behind one interface so tests can
 * replay a recorded machine. Paths are Windows paths; nothing here spawns.
 */
export interface WindowsFiles {
  /** Something is there: a file, a folder, or an App Execution Alias (which cannot be opened). */
  exists(path: string): Promise<boolean>;
  /**
   * Windows says nothing is there (file or path not found). False when
   * something is, and when it cannot tell (access denied): a claim that a
   * file is gone is only made when Windows says so.
   */
  isMissing(path: string): Promise<boolean>;
  isFolder(path: string): Promise<boolean>;
  /** Names in a folder, sorted; empty when it cannot be listed. */
  listDir(path: string): Promise<string[]>;
  readText(path: string): Promise<string | null>;
  /** The last `bytes` bytes of a file (all of a smaller one); null when unreadable. */
  readTail(path: string, bytes: number): Promise<Buffer | null>;
  /**
   * Where an App Execution Alias (or a symbolic link) points. libuv reads an
   * IO_REPARSE_TAG_APPEXECLINK reparse point as a link whose target is the
   * alias's third string, the executable (libuv src/win/fs.c,
   * fs__readlink_handle); null for an ordinary file or when unreadable.
   */
  linkTarget(path: string): Promise<string | null>;
  /** One spelling for every path that reaches the same file (8.3 names, links); the path itself when unresolvable. */
  realPath(path: string): Promise<string>;
  /** Bytes this user may still write on the volume holding `path` (GetDiskFreeSpaceEx); null when unknown. */
  freeBytes(path: string): Promise<number | null>;
}

export const nodeWindowsFiles: WindowsFiles = {
  async exists(path) {
    return lstat(path).then(
      () => true,
      () => false,
    );
  },
  async isMissing(path) {
    return lstat(path).then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === 'ENOENT' || error.code === 'ENOTDIR',
    );
  },
  async isFolder(path) {
    return stat(path).then(
      (info) => info.isDirectory(),
      () => false,
    );
  },
  async listDir(path) {
    return readdir(path).then(
      (names) => names.sort(),
      () => [],
    );
  },
  async readText(path) {
    return readFile(path, 'utf8').catch(() => null);
  },
  async readTail(path, bytes) {
    try {
      const handle = await open(path, 'r');
      try {
        const { size } = await handle.stat();
        const length = Math.min(size, bytes);
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, size - length);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
  },
  async linkTarget(path) {
    const info = await lstat(path).catch(() => null);
    if (!info?.isSymbolicLink()) return null;
    return readlink(path).catch(() => null);
  },
  async realPath(path) {
    // The native call asks Windows (GetFinalPathNameByHandle): long names for 8.3 ones, links followed.
    return nativeRealPath(path).catch(() => path);
  },
  async freeBytes(path) {
    return statfs(path).then(
      (info) => info.bavail * info.bsize,
      () => null,
    );
  },
};
