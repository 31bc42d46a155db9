import type { AccessCheck } from '../../shared/model/diagnosis';
import { isInside, isStrictlyInside } from '../../shared/paths';

/**
 * The folders a grant must cover: every folder of the install pip writes to
 * and may not (site-packages and Scripts, typically), less those inside
 * another, which an inherited grant on the outer one covers already.
 */
export function foldersToGrant(folders: readonly AccessCheck[]): AccessCheck[] {
  const blocked = folders.filter((folder) => folder.writable === false);
  const unique = blocked.filter(
    (folder, index) => blocked.findIndex((other) => isInside(folder.path, other.path)) === index,
  );
  return unique.filter(
    (folder) => !unique.some((other) => isStrictlyInside(folder.path, other.path)),
  );
}
