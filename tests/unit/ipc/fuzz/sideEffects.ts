import { CANARY, FOREIGN_PID } from './fuzzMessages';

/** One call that changes the system: a spawn, a signal, or a file-system write. */
export interface SideEffect {
  kind: 'spawn' | 'signal' | 'kill' | 'write';
  name: string;
  args: unknown[];
}

/** The fs functions that change files or folders, by module: their calls are recorded. */
export const FS_PROMISES_WRITES = [
  'writeFile',
  'appendFile',
  'mkdir',
  'mkdtemp',
  'rename',
  'rm',
  'rmdir',
  'unlink',
  'truncate',
  'copyFile',
  'cp',
  'chmod',
  'chown',
  'lchown',
  'symlink',
  'link',
  'utimes',
] as const;

export const FS_WRITES = [
  ...FS_PROMISES_WRITES,
  ...FS_PROMISES_WRITES.map((name) => `${name}Sync`),
  'writeSync',
  'createWriteStream',
] as const;

/** FileHandle methods that write: recorded on handles opened for writing. */
export const FILE_HANDLE_WRITES = [
  'write',
  'writeFile',
  'appendFile',
  'truncate',
  'writev',
] as const;

/** Whether an open() flag lets the file be changed. */
export function opensForWriting(flags: unknown): boolean {
  if (typeof flags === 'number') return (flags & 0b11) !== 0 || (flags & 0o100) !== 0;
  return typeof flags === 'string' && /[wax+]/.test(flags);
}

/**
 * Where a renderer-chosen value shows in an argument: a string with the
 * fuzz's CANARY, or a pid from its foreign range. Looks inside arrays,
 * objects and byte buffers.
 */
export function rendererChosenIn(value: unknown, seen = new Set<unknown>()): string | null {
  if (typeof value === 'string') return value.includes(CANARY) ? value.slice(0, 120) : null;
  if (typeof value === 'number')
    return value >= FOREIGN_PID.min && value <= FOREIGN_PID.max ? `pid ${value}` : null;
  if (value instanceof Uint8Array) return rendererChosenIn(Buffer.from(value).toString('latin1'));
  if (value === null || typeof value !== 'object' || seen.has(value)) return null;
  seen.add(value);
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = rendererChosenIn(item, seen);
    if (found !== null) return found;
  }
  return null;
}
