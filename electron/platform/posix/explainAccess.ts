import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { WriteProbe } from '../writeProbe';
import { groupLabel, loadAccountNames, userLabel } from './accountNames';
import type { AccountNames } from './accountNames';
import { findForeignOwned } from './foreignOwnedEntries';
import type { ForeignOwned } from './foreignOwnedEntries';
import { mountOf } from './mountOf';
import { allows, classFor, currentIdentity, modeOctal, modeText } from './permissionBits';
import type { Identity } from './permissionBits';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { accessWords } from './accessWords';

/** The parts of an AccessCheck that need explaining; the probe decides, this says why. */
export interface AccessExplanation {
  writable: boolean | null;
  /** null exactly when writable is true. */
  reason: Message | null;
  /** "root (uid 0), group root (gid 0)": of the folder the reason talks about. */
  owner: string | null;
  /** "755 (rwxr-xr-x)". */
  mode: string | null;
  /** The folder (or the one pip would create it in) lies on a read-only file system. */
  readOnlyFileSystem: boolean;
}

/** The first few paths named in a reason; the rest are counted. */
const NAMED_PATHS = 3;

/**
 * Turns a write probe into words from this machine's facts (owner, mode, who
 * we are, the mount), the way a person would say it. POSIX only: on Windows
 * the answer lies in ACLs, which another module explains.
 */
export async function explainAccess(dir: string, probe: WriteProbe): Promise<AccessExplanation> {
  const names = await loadAccountNames();
  const me = currentIdentity();
  const where = probe.probedPath;
  const info = where === null ? null : await stat(where).catch(() => null);
  const facts = info === null ? { owner: null, mode: null } : ownerAndMode(info, names);
  const subject = new Subject(probe, dir);

  const readWrite = { readOnlyFileSystem: false };

  if (probe.writable === true) {
    return { ...(await leftBySomeoneElse(probe, me, names)), ...facts, ...readWrite };
  }
  if (probe.writable === null || where === null) {
    const reason = undecided(probe, where, subject, resolve(dir));
    return { writable: null, reason, ...facts, ...readWrite };
  }
  if (probe.leftBehind !== null) {
    const reason = subject.introduce(cannotDelete(probe, subject));
    return { writable: false, reason, ...facts, ...readWrite };
  }
  if (info === null) {
    return { writable: false, ...(await unreachable(where, me, names)), ...readWrite };
  }

  const mount = await mountOf(where);
  if (probe.errorCode === 'EROFS' || mount?.readOnly === true) {
    const reason = mount?.readOnly
      ? msg(accessWords.readOnlyMount, {
          which: subject.which,
          mount: mount.mountPoint,
          fsType: mount.fsType,
        })
      : msg(accessWords.readOnly, { which: subject.which, code: probe.errorCode ?? 'EROFS' });
    return {
      writable: false,
      reason: subject.introduce(reason),
      ...facts,
      readOnlyFileSystem: true,
    };
  }
  const reason = me === null ? refused(probe, subject) : denied(info, me, names, probe, subject);
  return { writable: false, reason: subject.introduce(reason), ...facts, ...readWrite };
}

/** How a reason names the folder: itself, or the existing folder pip would create it in. */
class Subject {
  readonly which: 'this' | 'that';
  private readonly intro: Message | null;

  constructor(probe: WriteProbe, dir: string) {
    const elsewhere =
      !probe.exists && probe.probedPath !== null && probe.probedPath !== resolve(dir);
    this.intro = elsewhere
      ? msg(accessWords.missingFolder, { parent: probe.probedPath ?? '' })
      : null;
    this.which = elsewhere ? 'that' : 'this';
  }

  /** The reason, after "This folder does not exist yet; …" when it is about the parent. */
  introduce(reason: Message): Message {
    return this.intro === null ? reason : msg(accessWords.withIntro, { intro: this.intro, reason });
  }
}

function ownerAndMode(info: Stats, names: AccountNames): Pick<AccessExplanation, 'owner' | 'mode'> {
  return {
    owner: `${userLabel(names, info.uid)} (uid ${info.uid}), group ${groupLabel(names, info.gid)} (gid ${info.gid})`,
    mode: modeText(info.mode),
  };
}

function youAre(me: Identity, names: AccountNames): string {
  const name = names.user(me.uid);
  return name === null ? `uid ${me.uid}` : `${name} (uid ${me.uid})`;
}

/** Why the owner/group/other bits that apply to us say no. */
function denied(
  info: Stats,
  me: Identity,
  names: AccountNames,
  probe: WriteProbe,
  subject: Subject,
): Message {
  const code = probe.errorCode ?? 'EACCES';
  const which = subject.which;
  if (me.uid === 0) return msg(accessWords.rootRefused, { which, code });
  const owner = userLabel(names, info.uid);
  const group = groupLabel(names, info.gid);
  const mode = modeOctal(info.mode);
  const you = youAre(me, names);
  const cls = classFor(info, me);
  const values = { which, owner, group, mode, you };

  if (cls === 'owner') {
    if (!allows(info.mode, 'owner', 'w')) return msg(accessWords.ownerNoWrite, { which, mode });
    if (!allows(info.mode, 'owner', 'x')) return msg(accessWords.ownerNoSearch, { which, mode });
    return refused(probe, subject, { facts: 'mine', mode });
  }
  if (cls === 'group' && !allows(info.mode, 'group', 'w')) {
    return msg(accessWords.groupReadOnly, values);
  }
  if (cls === 'other' && allows(info.mode, 'group', 'w') && !allows(info.mode, 'other', 'w')) {
    return msg(accessWords.ownerAndGroupOnly, values);
  }
  if (cls === 'other' && !allows(info.mode, 'other', 'w')) {
    return msg(accessWords.ownerOnly, values);
  }
  if (!allows(info.mode, cls, 'x')) return msg(accessWords.noSearch, values);
  return refused(probe, subject, { facts: 'other', owner, mode });
}

/** The mode bits say yes, yet the kernel said no. */
function refused(
  probe: WriteProbe,
  subject: Subject,
  facts: { facts: 'mine' | 'other'; owner?: string; mode: string } | null = null,
): Message {
  return msg(accessWords.refused, {
    which: subject.which,
    code: probe.errorCode ?? 'EACCES',
    facts: facts?.facts ?? 'none',
    owner: facts?.owner ?? '',
    mode: facts?.mode ?? '',
  });
}

/** stat itself was refused: a folder above does not let us look inside. */
async function unreachable(
  path: string,
  me: Identity | null,
  names: AccountNames,
): Promise<Pick<AccessExplanation, 'reason' | 'owner' | 'mode'>> {
  for (let above = dirname(path); ; above = dirname(above)) {
    const info = await stat(above).catch(() => null);
    if (info !== null) {
      return {
        reason: msg(accessWords.unreachable, {
          above,
          owner: userLabel(names, info.uid),
          mode: modeOctal(info.mode),
          you: me === null ? 'none' : youAre(me, names),
        }),
        ...ownerAndMode(info, names),
      };
    }
    if (dirname(above) === above) break;
  }
  return { reason: msg(accessWords.unreachableUnknown), owner: null, mode: null };
}

function cannotDelete(probe: WriteProbe, subject: Subject): Message {
  return msg(accessWords.cannotDelete, {
    which: subject.which,
    code: probe.errorCode ?? 'EACCES',
    file: probe.leftBehind ?? '',
  });
}

function undecided(
  probe: WriteProbe,
  where: string | null,
  subject: Subject,
  dir: string,
): Message {
  if (probe.errorCode === 'ENOTDIR') {
    // No "would create it inside": a file cannot hold a folder.
    return msg(accessWords.isFile, { path: where ?? dir, use: where === dir ? 'yes' : 'no' });
  }
  const cause = undecidedCause(probe, subject);
  return probe.errorCode === 'ENOENT' ? cause : subject.introduce(cause);
}

function undecidedCause(probe: WriteProbe, subject: Subject): Message {
  const which = subject.which;
  switch (probe.errorCode) {
    case 'ELOOP':
      return msg(accessWords.loop, { which });
    case 'ENAMETOOLONG':
      return msg(accessWords.nameTooLong, { which });
    case 'ENOSPC':
      return msg(accessWords.diskFull, { which });
    case 'EDQUOT':
      return msg(accessWords.quota, { which });
    case 'ENOENT':
      return msg(accessWords.nothingExists);
    case 'EEXIST':
      return msg(accessWords.noFreeName, { which });
    default:
      return msg(accessWords.undecided, { which, code: probe.errorCode ?? 'unknown' });
  }
}
/**
 * The `~/.local` trap: the folder is ours, but an earlier `sudo pip` left
 * root-owned packages inside it. pip can add new packages, yet fails as soon
 * as it must replace or remove one of those. Decision: report such a folder
 * as not writable, because "writable" here answers "will pip install work
 * here", and the reason says that new packages would still go in.
 * Only folders we cannot write into count; a root-owned file directly in our
 * folder is no obstacle, since deleting it needs write access to our folder
 * only. root can remove anything, so root skips the walk.
 */
async function leftBySomeoneElse(
  probe: WriteProbe,
  me: Identity | null,
  names: AccountNames,
): Promise<Pick<AccessExplanation, 'writable' | 'reason'>> {
  if (!probe.exists || probe.probedPath === null || me === null || me.uid === 0) {
    return { writable: true, reason: null };
  }
  const found = await findForeignOwned(probe.probedPath, me.uid);
  if (found.blocking.length === 0) return { writable: true, reason: null };
  return { writable: false, reason: foreignReason(found, names) };
}

export function foreignReason(found: ForeignOwned, names: AccountNames): Message {
  return msg(accessWords.foreign, {
    count: found.count,
    atLeast: found.truncated ? 'yes' : 'no',
    owner:
      found.mainOwner === null ? msg(accessWords.anotherUser) : userLabel(names, found.mainOwner),
    bySudo: found.mainOwner === 0 ? 'yes' : 'no',
    // Paths are values, not words: joined by commas in every language.
    paths: found.blocking.slice(0, NAMED_PATHS).join(', '),
    rest: Math.max(0, found.blocking.length - NAMED_PATHS),
  });
}
