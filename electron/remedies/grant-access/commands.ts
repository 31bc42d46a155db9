import type { AccessCheck } from '../../shared/model/diagnosis';
import type { OsTraits } from '../../platform/osTraits';
import { commandLine, powershellLiteral, quoteArg } from '../../shared/shellQuote';

/**
 * The account as icacls names it: by SID (`*S-1-5-…`), since account names
 * are localised and `$env:USERNAME` has no domain (a Microsoft, Entra or
 * domain account is not found by it). The scan's SID is the one shown: an
 * administrator's elevated shell would answer with its own account's SID.
 * When the scan could not read it, PowerShell asks Windows for it.
 */
function grantee(userSid: string | null): string {
  return userSid === null
    ? '"*$([Security.Principal.WindowsIdentity]::GetCurrent().User.Value):(OI)(CI)M"'
    : powershellLiteral(`*${userSid}:(OI)(CI)M`);
}

/**
 * What the user would type to be allowed to write: an inherited Modify
 * entry for their account on every folder pip may not write (ACL systems,
 * in an administrator PowerShell, as the app's own step does it), or taking
 * back the exact tree of their home that another account owns (owner
 * systems).
 */
export function grantAccessCommands(
  os: OsTraits,
  blocked: AccessCheck,
  user: { name: string; sid: string | null },
  foldersToGrant: readonly AccessCheck[],
): string[] {
  if (os.grantModel === 'acl') {
    const folders = foldersToGrant.length > 0 ? foldersToGrant : [blocked];
    return folders.map(
      (folder) => `icacls ${quoteArg(folder.path, 'powershell')} /grant ${grantee(user.sid)} /T /C`,
    );
  }
  const tree = blocked.reclaim ?? blocked.path;
  return [`sudo chown -R ${quoteArg(`${user.name}:`, 'bash')} ${commandLine('bash', tree, [])}`];
}
