import { stat } from 'node:fs/promises';
import type { ForeignTree } from '../systemProbe';
import { isStrictlyInside } from '../../shared/paths';
import { loadAccountNames, userLabel } from './accountNames';
import { findForeignOwned } from './foreignOwners';

/**
 * Files inside a folder of the user's own home that another account owns
 * (what a `sudo pip` leaves in the user's venv): the whole folder is the
 * tree to take back. Folders outside home, or with nothing foreign in them,
 * give null; so does anything that cannot be read.
 */
export async function foreignTreeIn(
  folder: string,
  home: string,
  uid: number,
): Promise<ForeignTree | null> {
  if (!isStrictlyInside(folder, home)) return null;
  const exists = await stat(folder).catch(() => null);
  if (!exists?.isDirectory()) return null;
  const scan = await findForeignOwned(folder, uid).catch(() => null);
  const first = scan?.entries[0];
  if (!scan || !first) return null;
  const names = await loadAccountNames().catch(() => null);
  return {
    tree: folder,
    owner: names ? userLabel(names, first.uid) : `uid ${first.uid}`,
    count: scan.entries.length,
    truncated: scan.truncated,
  };
}
