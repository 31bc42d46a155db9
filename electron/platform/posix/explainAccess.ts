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

/** The parts of an AccessCheck that need explaining; the probe decides, this says why. */
export interface AccessExplanation {
  writable: boolean | null;
  /** null exactly when writable is true. */
  reason: string | null;
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
    const reason = subject.intro + cannotDelete(probe, subject);
    return { writable: false, reason, ...facts, ...readWrite };
  }
  if (info === null) {
    return { writable: false, ...(await unreachable(where, me, names)), ...readWrite };
  }

  const mount = await mountOf(where);
  if (probe.errorCode === 'EROFS' || mount?.readOnly === true) {
    const on = mount?.readOnly
      ? `: ${mount.mountPoint} is mounted read-only (${mount.fsType})`
      : ` (${probe.errorCode})`;
    const reason = `${subject.sentenceStart} is on a read-only file system${on}; no one can change it, administrators (root) included.`;
    return { writable: false, reason: subject.intro + reason, ...facts, readOnlyFileSystem: true };
  }
  const reason = me === null ? refused(probe, subject) : denied(info, me, names, probe, subject);
  return { writable: false, reason: subject.intro + reason, ...facts, ...readWrite };
}

/** How a reason names the folder: itself, or the existing folder pip would create it in. */
class Subject {
  readonly intro: string;
  readonly name: string;
  readonly sentenceStart: string;

  constructor(probe: WriteProbe, dir: string) {
    const elsewhere =
      !probe.exists && probe.probedPath !== null && probe.probedPath !== resolve(dir);
    this.intro = elsewhere
      ? `This folder does not exist yet; pip would create it inside ${probe.probedPath}. `
      : '';
    this.name = elsewhere ? 'that folder' : 'this folder';
    this.sentenceStart = elsewhere ? 'That folder' : 'This folder';
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
): string {
  const code = probe.errorCode ?? 'EACCES';
  if (me.uid === 0) {
    return `Even root cannot change ${subject.name} (${code}): it may be marked immutable (chattr +i on Linux, chflags on macOS), protected by the system (System Integrity Protection on macOS), or on a network share that does not trust root (root_squash).`;
  }
  const owner = userLabel(names, info.uid);
  const group = groupLabel(names, info.gid);
  const mode = modeOctal(info.mode);
  const you = youAre(me, names);
  const cls = classFor(info, me);

  if (cls === 'owner') {
    if (!allows(info.mode, 'owner', 'w')) {
      return `You own ${subject.name}, but its write permission is turned off (mode ${mode}).`;
    }
    if (!allows(info.mode, 'owner', 'x')) {
      return `You own ${subject.name}, but its search (x) permission is turned off, so nothing can be created in it (mode ${mode}).`;
    }
    return refused(probe, subject, `owned by you, mode ${mode}`);
  }
  if (cls === 'group' && !allows(info.mode, 'group', 'w')) {
    return `Only ${owner} can change ${subject.name} (owned by ${owner}, group ${group}, mode ${mode}); you are ${you}, in group ${group}, which may only read it.`;
  }
  if (cls === 'other' && allows(info.mode, 'group', 'w') && !allows(info.mode, 'other', 'w')) {
    return `Only ${owner} and members of group ${group} can change ${subject.name} (owned by ${owner}, group ${group}, mode ${mode}); you are ${you}, not in group ${group}.`;
  }
  if (cls === 'other' && !allows(info.mode, 'other', 'w')) {
    return `Only ${owner} can change ${subject.name} (owned by ${owner}, mode ${mode}); you are ${you}.`;
  }
  if (!allows(info.mode, cls, 'x')) {
    return `${subject.sentenceStart} lets you write but not search it (owned by ${owner}, mode ${mode}), so nothing can be created in it; you are ${you}.`;
  }
  return refused(probe, subject, `owned by ${owner}, mode ${mode}`);
}

/** The mode bits say yes, yet the kernel said no. */
function refused(probe: WriteProbe, subject: Subject, facts?: string): string {
  const detail = facts === undefined ? '' : ` (${facts})`;
  return `The permissions of ${subject.name}${detail} would let you write to it, but the system refused (${probe.errorCode}): an access control list, an SELinux or AppArmor rule, or a flag such as immutable may forbid it.`;
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
      const you = me === null ? '' : `; you are ${youAre(me, names)}`;
      const owner = userLabel(names, info.uid);
      return {
        reason: `You cannot reach this folder: ${above} does not let you look inside it (owned by ${owner}, mode ${modeOctal(info.mode)})${you}.`,
        ...ownerAndMode(info, names),
      };
    }
    if (dirname(above) === above) break;
  }
  return {
    reason: 'You cannot reach this folder: a folder above it does not let you look inside.',
    owner: null,
    mode: null,
  };
}

function cannotDelete(probe: WriteProbe, subject: Subject): string {
  return `Pip Doctor could create a file in ${subject.name} but not delete it again (${probe.errorCode}), and pip has to delete files to upgrade or remove packages; an append-only or immutable flag, or a security tool, may be the cause. Please delete the test file it left there: ${probe.leftBehind}`;
}

function undecided(probe: WriteProbe, where: string | null, subject: Subject, dir: string): string {
  if (probe.errorCode === 'ENOTDIR') {
    // No "would create it inside": a file cannot hold a folder.
    const what = where === dir ? 'use it' : 'create this folder below it';
    return `${where} is a file, not a folder, so pip cannot ${what}.`;
  }
  return subject.intro + undecidedCause(probe, subject);
}

function undecidedCause(probe: WriteProbe, subject: Subject): string {
  switch (probe.errorCode) {
    case 'ELOOP':
      return `The path of ${subject.name} runs in a loop of symbolic links (ELOOP), so it cannot be used.`;
    case 'ENAMETOOLONG':
      return `A name in the path of ${subject.name} is longer than the file system allows (ENAMETOOLONG).`;
    case 'ENOSPC':
      return `The disk holding ${subject.name} is full (ENOSPC), so nothing can be written there.`;
    case 'EDQUOT':
      return `You have used up your disk quota on the disk holding ${subject.name} (EDQUOT).`;
    case 'ENOENT':
      return 'Neither this folder nor any folder above it exists.';
    case 'EEXIST':
      return `Could not find an unused name for the test file in ${subject.name} after 10 tries (EEXIST).`;
    default:
      return `Could not find out whether ${subject.name} can be changed (${probe.errorCode}).`;
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

export function foreignReason(found: ForeignOwned, names: AccountNames): string {
  const owner = found.mainOwner === null ? 'another user' : userLabel(names, found.mainOwner);
  const bySudo = found.mainOwner === 0 ? ', left by an earlier `sudo pip`' : '';
  const many = found.truncated ? `at least ${found.count}` : `${found.count}`;
  const what =
    found.count === 1
      ? '1 file or folder inside belongs'
      : `${many} files and folders inside belong`;
  const named = found.blocking.slice(0, NAMED_PATHS).join(', ');
  const rest = found.blocking.length - NAMED_PATHS;
  const more = rest > 0 ? ` and ${rest} more` : '';
  return `You can add new files here, but ${what} to ${owner}${bySudo}, so pip cannot upgrade or remove what is in ${named}${more}.`;
}
