import { open } from 'node:fs/promises';
import { join } from 'node:path';

/** pip's AdjacentTempDirectory.LEADING_CHARS: valid in file names, never in package names. */
const LEADING_CHARS = '-~.=%0123456789';
/** Enough of METADATA / PKG-INFO to reach `Name:`, which comes in the first lines. */
const METADATA_HEAD_BYTES = 4096;

/**
 * Whether pip could have named a stash of `original` so. pip tries, in
 * order (AdjacentTempDirectory._generate_names): `~` plus i-1 leading chars
 * in place of the first i characters (same length: `pip` -> `~ip`, `~~p`),
 * then `~` plus leading chars before the whole name (`~pip`, `~-pip`).
 * Compared without case, with `-` and `.` as `_`, since a package folder is
 * named like the import (`typing_extensions`) and a distribution may not be.
 */
export function couldBeStashOf(stash: string, original: string): boolean {
  if (!stash.startsWith('~')) return false;
  // k: how many characters pip put in front, `~` and then only leading chars.
  for (let k = 1; k <= stash.length; k++) {
    if (k > 1 && !LEADING_CHARS.includes(stash[k - 1]!)) break;
    const tail = fold(stash.slice(k));
    const sameLength = stash.length === original.length && k < original.length;
    if (sameLength && tail === fold(original.slice(k))) return true;
    if (tail === fold(original)) return true;
  }
  return false;
}

function fold(name: string): string {
  return name.replace(/[-.]/g, '_').toLowerCase();
}

/** `numpy-1.26.4.dist-info` -> `numpy`, `foo-1.0-py3.8.egg-info` -> `foo`, `foo.egg-info` -> `foo`. */
export function projectFromDirName(name: string): string | null {
  const base = name.replace(/\.(?:dist|egg)-info$/i, '');
  if (base === name) return null;
  const dash = base.indexOf('-');
  const project = dash >= 0 ? base.slice(0, dash) : base;
  return project === '' ? null : project;
}

/** The `Name:` a metadata folder declares, from METADATA (wheels) or PKG-INFO (eggs). */
export async function metadataName(folder: string): Promise<string | null> {
  for (const file of ['METADATA', 'PKG-INFO']) {
    const head = await readHead(join(folder, file));
    if (head === null) continue;
    const match = /^Name:[ \t]*(\S.*?)[ \t]*\r?$/m.exec(head);
    if (match) return match[1]!;
  }
  return null;
}

async function readHead(path: string): Promise<string | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(METADATA_HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, METADATA_HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
