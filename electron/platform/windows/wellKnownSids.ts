/**
 * Names for the SIDs that decide who may change a Python folder. Windows
 * prints these names in the display language ("VORDEFINIERT\Administratoren",
 * "Jeder"), so explanations never use the names Windows gives: they name a
 * well-known SID from this table, and any other SID (a user, a domain group)
 * by the account name the probe looked up, else by the SID itself.
 * Sources: learn.microsoft.com "Well-known SIDs"; windows-probes.md §1.4.
 */

/** The SIDs the explanations single out. */
export const SID = {
  creatorOwner: 'S-1-3-0',
  system: 'S-1-5-18',
  administrators: 'S-1-5-32-544',
  trustedInstaller: 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464',
} as const;

const NAMES: Record<string, string> = {
  'S-1-1-0': 'Everyone',
  'S-1-2-0': 'LOCAL',
  'S-1-3-0': 'CREATOR OWNER',
  'S-1-3-1': 'CREATOR GROUP',
  'S-1-3-4': 'OWNER RIGHTS',
  'S-1-5-1': 'DIALUP',
  'S-1-5-2': 'NETWORK',
  'S-1-5-3': 'BATCH',
  'S-1-5-4': 'INTERACTIVE',
  'S-1-5-6': 'SERVICE',
  'S-1-5-7': 'ANONYMOUS LOGON',
  'S-1-5-9': 'Enterprise Domain Controllers',
  'S-1-5-10': 'SELF',
  'S-1-5-11': 'Authenticated Users',
  'S-1-5-12': 'RESTRICTED',
  'S-1-5-13': 'TERMINAL SERVER USER',
  'S-1-5-14': 'REMOTE INTERACTIVE LOGON',
  'S-1-5-15': 'This Organization',
  'S-1-5-18': 'SYSTEM',
  'S-1-5-19': 'LOCAL SERVICE',
  'S-1-5-20': 'NETWORK SERVICE',
  'S-1-5-32-544': 'Administrators',
  'S-1-5-32-545': 'Users',
  'S-1-5-32-546': 'Guests',
  'S-1-5-32-547': 'Power Users',
  'S-1-5-32-551': 'Backup Operators',
  'S-1-5-32-555': 'Remote Desktop Users',
  'S-1-5-113': 'Local account',
  'S-1-5-114': 'Local account and member of Administrators group',
  'S-1-15-2-1': 'ALL APPLICATION PACKAGES',
  'S-1-15-2-2': 'ALL RESTRICTED APPLICATION PACKAGES',
  'S-1-16-4096': 'Low Mandatory Level',
  'S-1-16-8192': 'Medium Mandatory Level',
  'S-1-16-8448': 'Medium Plus Mandatory Level',
  'S-1-16-12288': 'High Mandatory Level',
  'S-1-16-16384': 'System Mandatory Level',
  [SID.trustedInstaller]: 'TrustedInstaller',
};

/** Groups and accounts of a domain (or of this computer), by their relative id. */
const DOMAIN_RIDS: Record<string, string> = {
  '500': 'the built-in Administrator account',
  '512': 'Domain Admins',
  '513': 'Domain Users',
  '514': 'Domain Guests',
};

/** The English name of a well-known SID; null for the SIDs of users and ordinary groups. */
export function wellKnownName(sid: string): string | null {
  const known = NAMES[sid.toUpperCase()];
  if (known) return known;
  const domain = /^S-1-5-21-\d+-\d+-\d+-(\d+)$/i.exec(sid);
  return domain ? (DOMAIN_RIDS[domain[1]!] ?? null) : null;
}

/**
 * A principal as a person reads it: the well-known name, else the account
 * name Windows gave (without the computer's name for local accounts), else
 * the SID, which at least stays searchable.
 */
export function principalName(sid: string, accountName: string | null): string {
  return wellKnownName(sid) ?? accountName ?? sid;
}

/** Integrity labels sit in a token's groups but are not groups anyone is "in". */
export function isIntegrityLabel(sid: string): boolean {
  return /^S-1-16-/i.test(sid);
}

/** Entries that only stamp rights onto new children (CREATOR OWNER) never apply to an existing folder. */
export function isCreatorPlaceholder(sid: string): boolean {
  return sid === SID.creatorOwner || sid === 'S-1-3-1';
}
