import { close, open, read } from 'node:fs';

/**
 * Reads a /proc text file (maps, stat, cmdline) asynchronously, in as few
 * thread-pool round trips as possible: open, read until EOF, close.
 * `fs.promises.readFile` costs twice as much here (an fstat that is useless
 * for /proc's zero-sized files, FileHandle bookkeeping), and a scan reads a
 * hundred such files or more. Not sync: reading another process's maps or
 * cmdline takes its memory-map lock, which a process stuck on a dead network
 * mount can hold indefinitely; that must stall one pool thread, never the
 * app's main thread.
 */

const CHUNK_BYTES = 64 * 1024;

export function readProcText(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    open(path, 'r', (openError, fd) => {
      if (openError) {
        reject(openError);
        return;
      }
      const chunks: Buffer[] = [];
      const finish = (error: Error | null): void => {
        close(fd, () => undefined);
        if (error) reject(error);
        else resolve(Buffer.concat(chunks).toString('utf8'));
      };
      const next = (): void => {
        const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        read(fd, chunk, 0, CHUNK_BYTES, null, (readError, bytes) => {
          if (readError) return finish(readError);
          if (bytes === 0) return finish(null);
          chunks.push(chunk.subarray(0, bytes));
          next();
        });
      };
      next();
    });
  });
}
