import type { AccessCheck, FolderRole } from '../../shared/model/diagnosis';
import { probeWritable } from '../writeProbe';
import { explainAccess } from './explainAccess';

/**
 * One folder pip would write to, checked by writing and explained from the
 * facts. Linux and macOS share it; Windows explains ACLs in its own module.
 */
export async function checkFolderAccess(role: FolderRole, path: string): Promise<AccessCheck> {
  const probe = await probeWritable(path);
  const explanation = await explainAccess(path, probe);
  return { role, path, exists: probe.exists, ...explanation, acl: null };
}
