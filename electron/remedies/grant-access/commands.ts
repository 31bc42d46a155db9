import type { AccessCheck } from '../../shared/model/diagnosis';
import type { OsTraits } from '../../platform/osTraits';
import { commandLine, quoteArg } from '../../shared/shellQuote';

/**
 * What the user would type to be allowed to write the folder: an inherited
 * Modify entry for their account (ACL systems), or taking the files back
 * from root (owner systems).
 */
export function grantAccessCommands(os: OsTraits, blocked: AccessCheck): string[] {
  return os.grantModel === 'acl'
    ? [`icacls ${quoteArg(blocked.path, 'powershell')} /grant "$($env:USERNAME):(OI)(CI)M"`]
    : [`sudo chown -R "$(id -un)" ${commandLine('bash', blocked.path, [])}`];
}
