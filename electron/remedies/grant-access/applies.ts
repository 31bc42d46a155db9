import { defineMessages } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { grantAccessCommands } from './commands';
import { foldersToGrant } from './folders';

const words = defineMessages({
  acl: {
    id: 'advice.grant-access.reason.acl',
    defaultMessage:
      'Gives your account the right to change {folders}. The least recommended fix: it weakens the protection of a folder shared by every user. Type the commands in a PowerShell opened with "Run as administrator".',
    description:
      'Windows. {folders} is one folder path or a list of them; "Run as administrator" is the Windows menu item, as Windows names it in your language',
  },
  reclaim: {
    id: 'advice.grant-access.reason.reclaim',
    defaultMessage:
      '{folder} is in your own home folder but belongs to {owner} (left by an earlier sudo pip): take it back, and pip can write there again.',
    description: '{folder} is a folder path, {owner} the account name that owns it (root)',
  },
  reclaimUnknownOwner: {
    id: 'advice.grant-access.reason.reclaimUnknownOwner',
    defaultMessage:
      '{folder} is in your own home folder but belongs to another account (left by an earlier sudo pip): take it back, and pip can write there again.',
    description: '{folder} is a folder path',
  },
  system: {
    id: 'advice.grant-access.reason.system',
    defaultMessage:
      '{folder} belongs to the system; changing its owner would break what your package manager expects.',
    description: '{folder} is a folder path; the package manager is apt, dnf, Homebrew…',
  },
  whyNotReadOnly: {
    id: 'advice.grant-access.whyNot.readOnly',
    defaultMessage: '{folder} is on a read-only file system: no permission can make it writable.',
    description: '{folder} is a folder path',
  },
  whyNotUnknown: {
    id: 'advice.grant-access.whyNot.unknown',
    defaultMessage: 'Pip Doctor could not tell which folder to change.',
  },
});

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
  const folders = foldersToGrant(facts.target.folders);
  const commands = grantAccessCommands(
    os,
    blocked,
    { name: facts.userName, sid: facts.userSid },
    folders,
  );
  if (os.grantModel === 'acl') {
    return {
      reason: msg(words.acl, {
        folders: folders.length > 0 ? listOf(folders.map((folder) => folder.path)) : blocked.path,
      }),
      commands,
      applicable: !blocked.readOnlyFileSystem,
    };
  }
  return {
    reason: blocked.reclaim
      ? reclaimReason(blocked.reclaim, blocked.owner)
      : msg(words.system, { folder: blocked.path }),
    commands,
    applicable: blocked.reclaim !== null && !blocked.readOnlyFileSystem,
  };
}

function reclaimReason(folder: string, owner: string | null): Message {
  return owner === null
    ? msg(words.reclaimUnknownOwner, { folder })
    : msg(words.reclaim, { folder, owner });
}

export function whyNotGrantAccess({ blocked }: RemedyFacts): Message {
  if (blocked?.readOnlyFileSystem) return msg(words.whyNotReadOnly, { folder: blocked.path });
  return blocked?.reclaim === null && blocked
    ? msg(words.system, { folder: blocked.path })
    : msg(words.whyNotUnknown);
}
