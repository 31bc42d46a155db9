import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { grantAccessCommands } from './commands';
import { foldersToGrant } from './folders';

/**
 * Only where pip cannot write, and never on a read-only file system. On an
 * ACL system the user's account can be granted access (the least
 * recommended fix); on an owner system only a tree of the user's own home
 * that another account owns (root, after a sudo pip) is handed back:
 * system folders stay root's.
 */
export function adviseGrantAccess(facts: RemedyFacts): Advice | null {
  const { blocked, os } = facts;
  if (!blocked) return null;
  const commands = grantAccessCommands(
    os,
    blocked,
    { name: facts.userName, sid: facts.userSid },
    foldersToGrant(facts.target.folders),
  );
  if (os.grantModel === 'acl') {
    return {
      reason: `Gives your account the right to change ${
        foldersToGrant(facts.target.folders)
          .map((folder) => folder.path)
          .join(' and ') || blocked.path
      }. The least recommended fix: it weakens the protection of a folder shared by every user. Type the commands in a PowerShell opened with "Run as administrator".`,
      commands,
      applicable: !blocked.readOnlyFileSystem,
    };
  }
  const owner = blocked.owner ?? 'another account';
  return {
    reason: blocked.reclaim
      ? `${blocked.reclaim} is in your own home folder but belongs to ${owner} (left by an earlier sudo pip): take it back, and pip can write there again.`
      : `${blocked.path} belongs to the system; changing its owner would break what your package manager expects.`,
    commands,
    applicable: blocked.reclaim !== null && !blocked.readOnlyFileSystem,
  };
}

export function whyNotGrantAccess({ blocked }: RemedyFacts): string {
  if (blocked?.readOnlyFileSystem)
    return `${blocked.path} is on a read-only file system: no permission can make it writable.`;
  return blocked?.reclaim === null && blocked
    ? `${blocked.path} belongs to the system; changing its owner would break what your package manager expects.`
    : 'Pip Doctor could not tell which folder to change.';
}
