import { homedir } from 'node:os';
import { FolderRoleSchema } from '../../../electron/shared/model/diagnosis';
import { checkFolderAccess } from '../../../electron/platform/posix/checkFolderAccess';
import { probeWritable } from '../../../electron/platform/writeProbe';

/**
 * Run by the tests under `setpriv --reuid=65534`, because root may write
 * anywhere and so can never see "not writable". Prints one JSON line: the
 * raw probe and the AccessCheck built from a second, independent probe,
 * with HOME as the home whose folders may be handed back.
 * Usage: tsx printAccessCheck.ts <role> <path>
 */
async function main(): Promise<void> {
  const [role, path] = process.argv.slice(2);
  if (role === undefined || path === undefined) throw new Error('usage: <role> <path>');
  const probe = await probeWritable(path);
  const check = await checkFolderAccess(FolderRoleSchema.parse(role), path, homedir());
  console.log(JSON.stringify({ probe, check }));
}

void main();
