import { createHash } from 'node:crypto';

/**
 * An install's id: stable across scans on one machine, so the UI can name an
 * install by id (DESIGN.md rule 2) and a later scan still finds it.
 */
export function installIdFor(prefix: string | null, realExecutable: string): string {
  const digest = createHash('sha256')
    .update(`${prefix ?? ''}\0${realExecutable}`)
    .digest('hex');
  return `py-${digest.slice(0, 12)}`;
}

/** Whether `path` is `folder` or inside it, whatever the separator. */
export function isInside(path: string, folder: string): boolean {
  const normalise = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const a = normalise(path);
  const b = normalise(folder);
  const windows = /^[a-z]:/i.test(b);
  const [x, y] = windows ? [a.toLowerCase(), b.toLowerCase()] : [a, b];
  return x === y || x.startsWith(`${y}/`);
}
