import { readFile, realpath } from 'node:fs/promises';
import { isInside } from '../../shared/paths';

export interface MountInfo {
  mountPoint: string;
  fsType: string;
  readOnly: boolean;
}

/**
 * The mount a path lives on, from /proc/self/mounts (Linux). It lets a
 * reason say "/mnt/data is mounted read-only" instead of only "EROFS".
 * macOS has no /proc, so there the answer is null and the reason stays
 * generic.
 */
export async function mountOf(path: string): Promise<MountInfo | null> {
  const table = await readFile('/proc/self/mounts', 'utf8').catch(() => null);
  if (table === null) return null;
  const real = await realpath(path).catch(() => path);
  return findMount(parseMounts(table), real);
}

export function parseMounts(table: string): MountInfo[] {
  const mounts: MountInfo[] = [];
  for (const line of table.split('\n')) {
    const [, mountPoint, fsType, options] = line.split(' ');
    if (!mountPoint || !fsType || !options) continue;
    mounts.push({
      mountPoint: unescapeOctal(mountPoint),
      fsType,
      readOnly: options.split(',').includes('ro'),
    });
  }
  return mounts;
}

/** The longest mount point containing the path; of equal ones the last, which is mounted on top. */
export function findMount(mounts: MountInfo[], path: string): MountInfo | null {
  let best: MountInfo | null = null;
  for (const mount of mounts) {
    if (!isInside(path, mount.mountPoint)) continue;
    if (best === null || mount.mountPoint.length >= best.mountPoint.length) best = mount;
  }
  return best;
}

/** The kernel writes space, tab, newline and backslash in mount points as \040, \011, \012, \134. */
function unescapeOctal(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(parseInt(octal, 8)),
  );
}
