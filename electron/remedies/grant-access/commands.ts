import type { AccessCheck } from '../../shared/model/diagnosis';
import type { OsTraits } from '../../platform/osTraits';
import { commandLine, quoteArg } from '../../shared/shellQuote';

/**
 * What the user would type to be allowed to write the folder: an inherited
 * Modify entry for their account (ACL systems), or taking back the exact
 * tree of their home that another account owns (owner systems).
 */
export function grantAccessCommands(
  os: OsTraits,
  blocked: AccessCheck,
  userName: string,
): string[] {
  if (os.grantModel === 'acl')
    return [`icacls ${quoteArg(blocked.path, 'powershell')} /grant "$($env:USERNAME):(OI)(CI)M"`];
  const tree = blocked.reclaim ?? blocked.path;
  return [`sudo chown -R ${quoteArg(`${userName}:`, 'bash')} ${commandLine('bash', tree, [])}`];
}
