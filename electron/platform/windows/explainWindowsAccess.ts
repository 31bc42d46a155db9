import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { AccessCheck, AclEntry } from '../../shared/model/diagnosis';
import type { WriteProbe } from '../writeProbe';
import { allowsCreating, rightsInWords, specificRights, touchesChanges } from './accessRights';
import { appliesTo, effectiveEntries, evaluateAccess } from './evaluateAccess';
import type { Ace, AclItem } from './probeDocument';
import type { TokenView } from './tokenView';
import { shortUserName } from './tokenView';
import { principalName, SID } from './wellKnownSids';

/** Everything a Windows folder's explanation rests on. */
export interface WindowsAccessFacts {
  /** The folder pip writes to, as asked. */
  path: string;
  probe: WriteProbe;
  /** The access list of `probe.probedPath`; null when it was not read. */
  acl: AclItem | null;
  /** Why the access list is missing, when it is. */
  aclError: string | null;
  token: TokenView | null;
  controlledFolderAccess: boolean | null;
}

const words = defineMessages({
  untranslated: {
    id: 'platform.access.windowsEnglish',
    defaultMessage: '{text}',
    description:
      'A Windows access explanation still built in English (its own messages are to come): keep it as {text}',
  },
});

export type WindowsAccessExplanation = Pick<
  AccessCheck,
  'writable' | 'reason' | 'owner' | 'mode' | 'acl'
>;

/** Principals named before others in "Only X, Y and Z may change": the ones a person knows. */
const NAMING_ORDER = [SID.administrators, SID.system, SID.trustedInstaller];

/**
 * Turns the write probe (which decides) and the folder's access list (which
 * explains) into one sentence from this machine's facts: who may change the
 * folder, which of the user's groups is named and what it may do, a deny
 * entry and whether it was set here or inherited, elevation, Controlled
 * Folder Access, the read-only attribute. Names come from SIDs, so the
 * sentence is the same on a German or a Chinese Windows.
 */
export function explainWindowsAccess(facts: WindowsAccessFacts): WindowsAccessExplanation {
  const english = explainInEnglish(facts);
  return {
    ...english,
    reason: english.reason === null ? null : msg(words.untranslated, { text: english.reason }),
  };
}

function explainInEnglish(
  facts: WindowsAccessFacts,
): Omit<WindowsAccessExplanation, 'reason'> & { reason: string | null } {
  const { probe } = facts;
  if (probe.writable === true) {
    return { writable: true, reason: null, owner: null, mode: null, acl: null };
  }
  const where = probe.probedPath ?? facts.path;
  const intro =
    !probe.exists && probe.probedPath !== null && !samePath(probe.probedPath, facts.path)
      ? `This folder does not exist yet; pip would create it inside ${probe.probedPath}. `
      : '';
  const evidence = {
    owner: ownerOf(facts.acl),
    mode: attributesOf(facts.acl),
    acl: aclEntries(facts.acl, facts.token),
  };
  if (probe.writable === null) {
    return { writable: null, reason: undecided(probe, facts.path, intro), ...evidence };
  }
  if (probe.errorCode === 'EROFS') {
    // ERROR_WRITE_PROTECT, which libuv reports as EROFS: the volume itself refuses, whatever the access list says.
    const reason = `${where} is on a read-only drive (write-protected); no one can change it, administrators included.`;
    return { writable: false, reason: intro + reason, ...evidence };
  }
  const reason =
    probe.leftBehind !== null
      ? cannotDelete(where, probe, facts)
      : refusal(where, probe, facts) + readOnlyNote(facts.acl);
  return { writable: false, reason: intro + reason, ...evidence };
}

function refusal(where: string, probe: WriteProbe, facts: WindowsAccessFacts): string {
  const code = probe.errorCode ?? 'EPERM';
  if (facts.acl === null || facts.acl.error !== null) {
    const why = facts.acl?.error ?? facts.aclError ?? 'it was not read';
    return `Windows refused to let you create files in ${where} (${code}), and its access list could not be read to say why: ${why.replace(/\.$/, '')}.`;
  }
  if (facts.token === null) {
    const writers = writersOf(facts.acl.entries);
    const only =
      writers.length > 0
        ? `Only ${listWords(writers)} may change ${where}`
        : `No one is given the right to change ${where}`;
    return `${only}; Windows refused to let you create files there (${code}).${storeNote(where)}`;
  }
  const verdict = evaluateAccess(facts.acl.entries, facts.token);
  switch (verdict.kind) {
    case 'denied-by-entry':
      return denyEntry(where, verdict.entry, facts) + storeNote(where);
    case 'not-granted':
      return notGranted(where, facts.acl.entries, facts.token) + storeNote(where);
    case 'granted':
      return grantedYetRefused(where, code, verdict.grantedBy, facts);
  }
}

/** "Only Administrators, SYSTEM and TrustedInstaller may change X (…); you are in Users, who may only read it." */
function notGranted(where: string, entries: readonly Ace[], token: TokenView): string {
  const writers = writersOf(entries);
  const writerEntries = effectiveEntries(entries).filter(
    (entry) => entry.type === 'allow' && allowsCreating(entry.mask),
  );
  const origin =
    writerEntries.length > 0 && writerEntries.every((entry) => entry.inherited)
      ? ' (rights inherited from the folders above)'
      : '';
  const only =
    writers.length > 0
      ? `Only ${listWords(writers)} may change ${where}${origin}`
      : `No one is given the right to create files in ${where}`;
  return `${only}; ${yourPart(entries, token)}.${elevationNote(writers, token)}`;
}

/** What the user's own entries give: "you are in Users, who may only read it". */
function yourPart(entries: readonly Ace[], token: TokenView): string {
  const mine = effectiveEntries(entries).filter(
    (entry) => entry.type === 'allow' && appliesTo(entry, token),
  );
  if (mine.length === 0) return 'none of the groups you are in is given any right there';
  const names = unique(
    mine.map((entry) =>
      entry.sid === token.userSid ? 'you' : principalName(entry.sid, entry.name),
    ),
  );
  const combined = mine.reduce((mask, entry) => mask | specificRights(entry.mask), 0);
  const may = touchesChanges(combined)
    ? `may only ${rightsInWords(combined)} there`
    : combined & 0x1
      ? 'may only read it'
      : `may only ${rightsInWords(combined)} there`;
  const groups = names.filter((name) => name !== 'you');
  if (groups.length === 0) return `you are given only ${rightsInWords(combined)} there`;
  const who = groups.length === 1 ? 'who' : 'who together';
  return `you are in ${listWords(groups)}, ${who} ${may}`;
}

function elevationNote(writers: readonly string[], token: TokenView): string {
  const administratorsMay = writers.includes('Administrators');
  if (token.canElevate && administratorsMay) {
    return ' You are an administrator, but programs you start run without your administrator rights until you approve a User Account Control prompt.';
  }
  if (!token.isAdministrator && administratorsMay) {
    return ' You are not an administrator on this computer.';
  }
  return '';
}

/** The entry that decided: a deny, set here or inherited, whoever it names. */
function denyEntry(where: string, entry: Ace, facts: WindowsAccessFacts): string {
  const token = facts.token!;
  const name = principalName(entry.sid, entry.name);
  const whom =
    entry.sid === token.userSid
      ? `you (${shortUserName(token) ?? name})`
      : token.allowSids.has(entry.sid)
        ? `${name}, a group you are in,`
        : `${name}, a group your account belongs to even when it does not use its rights,`;
  const origin = entry.inherited
    ? 'It is inherited from a folder above'
    : 'It is set on this folder itself, not inherited';
  const outweighed = effectiveEntries(facts.acl!.entries).filter(
    (other) => other.type === 'allow' && appliesTo(other, token) && allowsCreating(other.mask),
  );
  const allows =
    outweighed.length > 0
      ? `, and it outweighs the ${rightsInWords(outweighed[0]!.mask)} you are given through ${outweighed[0]!.sid === token.userSid ? 'your own entry' : principalName(outweighed[0]!.sid, outweighed[0]!.name)}`
      : '';
  return `A deny entry on ${where} forbids ${whom} to ${rightsInWords(entry.mask)}. ${origin}${allows}.`;
}

/** The access list says yes, Windows said no: the cause is outside the list. */
function grantedYetRefused(
  where: string,
  code: string,
  grantedBy: readonly Ace[],
  facts: WindowsAccessFacts,
): string {
  const token = facts.token!;
  const through = grantedBy
    .map((entry) =>
      entry.sid === token.userSid ? 'your own entry' : principalName(entry.sid, entry.name),
    )
    .join(' and ');
  const start = `The access list of ${where} lets you create files there (through ${through}), yet Windows refused (${code})`;
  if (facts.controlledFolderAccess === true) {
    return `${start}. Controlled Folder Access is on: it stops programs it does not trust from changing protected folders (Documents, Desktop, Pictures and the folders added to it), whatever the access list says.`;
  }
  return `${start}: a security program such as an antivirus, or a file held open inside the folder, may be the cause.`;
}

function cannotDelete(where: string, probe: WriteProbe, facts: WindowsAccessFacts): string {
  const rights =
    facts.acl !== null && facts.token !== null
      ? effectiveEntries(facts.acl.entries).filter(
          (entry) => entry.type === 'allow' && appliesTo(entry, facts.token!),
        )
      : [];
  const given =
    rights.length > 0
      ? ` The access list gives you ${rightsInWords(rights.reduce((mask, entry) => mask | entry.mask, 0))} there: enough to add files, not to delete them.`
      : '';
  return `Pip Doctor could create a file in ${where} but not delete it again (${probe.errorCode}), and pip has to delete files to upgrade or remove packages.${given} Please delete the test file it left there: ${probe.leftBehind}`;
}

function storeNote(where: string): string {
  return /\\program files\\windowsapps\\/i.test(where)
    ? " It is the Microsoft Store's package of Python, which Windows keeps read-only for everyone, administrators included."
    : '';
}

function readOnlyNote(acl: AclItem | null): string {
  if (!acl?.attributes.has('ReadOnly') || acl.isFolder === false) return '';
  return ' Its read-only attribute is set, but Windows ignores that attribute on folders, so it is not the reason.';
}

function undecided(probe: WriteProbe, path: string, intro: string): string {
  const where = probe.probedPath;
  switch (probe.errorCode) {
    case 'ENOTDIR':
      return `${where} is a file, not a folder, so pip cannot ${samePath(where ?? '', path) ? 'use it' : 'create this folder below it'}.`;
    case 'ENOENT':
      return 'Neither this folder nor any folder above it exists.';
    case 'ENAMETOOLONG':
      return `${intro}The path of this folder is longer than Windows allows here (260 characters, unless long paths are enabled).`;
    case 'ENOSPC':
      return `${intro}The disk holding this folder is full, so nothing can be written there.`;
    case 'EEXIST':
      return `${intro}Could not find an unused name for the test file in this folder after 10 tries.`;
    default:
      return `${intro}Could not find out whether this folder can be changed (${probe.errorCode}).`;
  }
}

/** The principals allowed to create files in the folder, best known first. */
function writersOf(entries: readonly Ace[]): string[] {
  const writers = effectiveEntries(entries).filter(
    (entry) => entry.type === 'allow' && allowsCreating(entry.mask),
  );
  const ordered = [
    ...NAMING_ORDER.flatMap((sid) => writers.filter((entry) => entry.sid === sid)),
    ...writers.filter((entry) => !NAMING_ORDER.some((sid) => sid === entry.sid)),
  ];
  return unique(ordered.map((entry) => principalName(entry.sid, entry.name)));
}

function aclEntries(acl: AclItem | null, token: TokenView | null): AclEntry[] | null {
  if (acl === null || acl.error !== null) return null;
  return effectiveEntries(acl.entries).map((entry) => ({
    principal: principalName(entry.sid, entry.name),
    sid: entry.sid,
    type: entry.type,
    rights: rightsInWords(entry.mask),
    inherited: entry.inherited,
    appliesToUser: token !== null && appliesTo(entry, token),
  }));
}

function ownerOf(acl: AclItem | null): string | null {
  if (acl?.owner == null) return null;
  return `${principalName(acl.owner, acl.ownerName)} (${acl.owner})`;
}

/** The folder's attributes ("ReadOnly, Hidden"): Windows' counterpart of a mode; "Directory" says nothing. */
function attributesOf(acl: AclItem | null): string | null {
  const telling = [...(acl?.attributes ?? [])].filter((name) => name !== 'Directory');
  return telling.length > 0 ? telling.join(', ') : null;
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

function samePath(a: string, b: string): boolean {
  const normalise = (p: string) => p.replace(/[\\/]+$/, '').toLowerCase();
  return normalise(a) === normalise(b);
}
