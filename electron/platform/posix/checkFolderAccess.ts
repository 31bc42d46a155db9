import type { AccessCheck, FolderRole } from '../../shared/model/diagnosis';
import { probeWritable } from '../writeProbe';
import { explainAccess } from './explainAccess';
import { handBackRoot } from './foreignOwners';
import { foreignTreeIn } from './foreignTree';

/**
 * One folder pip would write to, checked by writing and explained from the
 * facts. Linux and macOS share it; Windows explains ACLs in its own module.
 * `home` is the scanning user's home folder: a folder inside it that is not
 * writable names the folder whose ownership, handed back, gives the user
 * their tree back (`reclaim`).
 */
export async function checkFolderAccess(
  role: FolderRole,
  path: string,
  home: string,
): Promise<AccessCheck> {
  const probe = await probeWritable(path);
  const explanation = await explainAccess(path, probe);
  const uid = process.getuid?.();
  // On a read-only file system no change of owner helps.
  const blocked =
    explanation.writable === false && !explanation.readOnlyFileSystem && uid !== undefined;
  // The folder itself may be the user's while what a `sudo pip` left inside is not: then it
  // is the tree to take back.
  const reclaim = blocked
    ? ((await handBackRoot(path, home, uid).catch(() => null)) ??
      (await foreignTreeIn(path, home, uid))?.tree ??
      null)
    : null;
  return { role, path, exists: probe.exists, ...explanation, acl: null, reclaim };
}
