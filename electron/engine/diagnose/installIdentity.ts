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
