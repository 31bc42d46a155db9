import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';

/** Names for the numbers in a stat result and for the process itself. */
export interface AccountNames {
  user(uid: number): string | null;
  group(gid: number): string | null;
}

/**
 * Reads /etc/passwd and /etc/group once per app run instead of spawning `id`
 * or `getent` (DESIGN.md rule 4). Accounts that live only in LDAP or macOS
 * Directory Services are missing there; callers then show the number.
 */
let cached: Promise<AccountNames> | null = null;

export function loadAccountNames(): Promise<AccountNames> {
  cached ??= Promise.all([
    readFile('/etc/passwd', 'utf8').catch(() => ''),
    readFile('/etc/group', 'utf8').catch(() => ''),
  ]).then(([passwd, group]) => namesFrom(parseIdFile(passwd), parseIdFile(group)));
  return cached;
}

function namesFrom(users: Map<number, string>, groups: Map<number, string>): AccountNames {
  return {
    user: (uid) => users.get(uid) ?? ownNameIf(uid),
    group: (gid) => groups.get(gid) ?? null,
  };
}

/** The process's own account may come from a directory service; getpwuid (no spawn) still knows it. */
function ownNameIf(uid: number): string | null {
  if (uid !== process.getuid?.()) return null;
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

/**
 * /etc/passwd and /etc/group share the layout `name:password:id:...`.
 * The first entry for an id wins, as getpwuid() and getgrgid() return it.
 */
export function parseIdFile(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.startsWith('+') || line.startsWith('-')) continue;
    const [name, , id] = line.split(':');
    if (name && id && /^\d+$/.test(id) && !names.has(Number(id))) names.set(Number(id), name);
  }
  return names;
}

/** "alice", or "uid 1234" when no name is known. */
export function userLabel(names: AccountNames, uid: number): string {
  return names.user(uid) ?? `uid ${uid}`;
}

export function groupLabel(names: AccountNames, gid: number): string {
  return names.group(gid) ?? `gid ${gid}`;
}
