import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import type { AccessCheck, AclEntry } from '../../shared/model/diagnosis';
import { NAME_ATTEMPTS } from '../writeProbe';
import type { WriteProbe } from '../writeProbe';
import { allowsCreating, rightsInWords, specificRights, touchesChanges } from './accessRights';
import { appliesTo, effectiveEntries, evaluateAccess } from './evaluateAccess';
import type { Ace, AclItem } from './probeDocument';
import type { TokenView } from './tokenView';
import { shortUserName } from './tokenView';
import { principalName, SID } from './wellKnownSids';
import { WINDOWS_ACCESS_WORDS as W } from './windowsAccessWords';

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

export type WindowsAccessExplanation = Pick<
  AccessCheck,
  'writable' | 'reason' | 'owner' | 'mode' | 'acl'
>;

/** Principals named before others in "Only X, Y and Z may change": the ones a person knows. */
const NAMING_ORDER = [SID.administrators, SID.system, SID.trustedInstaller];

/** Windows' limit on a path when long paths are not enabled (MAX_PATH). */
const MAX_PATH = 260;

/** Sentences that may be missing, for one explanation: null ones are left out. */
type Sentences = ReadonlyArray<Message | null>;

/**
 * Turns the write probe (which decides) and the folder's access list (which
 * explains) into sentences from this machine's facts: who may change the
 * folder, which of the user's groups is named and what it may do, a deny
 * entry and whether it was set here or inherited, elevation, Controlled
 * Folder Access, the read-only attribute. Names come from SIDs, so the
 * sentence is the same on a German or a Chinese Windows; each sentence is a
 * whole message, so it reads as well in the user's language.
 */
export function explainWindowsAccess(facts: WindowsAccessFacts): WindowsAccessExplanation {
  const { probe } = facts;
  if (probe.writable === true) {
    return { writable: true, reason: null, owner: null, mode: null, acl: null };
  }
  const where = probe.probedPath ?? facts.path;
  const intro =
    !probe.exists && probe.probedPath !== null && !samePath(probe.probedPath, facts.path)
      ? msg(W.notThereYet, { parent: probe.probedPath })
      : null;
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
    const reason = joined([intro, msg(W.readOnlyDrive, { path: where })]);
    return { writable: false, reason, ...evidence };
  }
  const reason =
    probe.leftBehind !== null
      ? cannotDelete(where, probe, facts)
      : [...refusal(where, probe, facts), readOnlyNote(facts.acl)];
  return { writable: false, reason: joined([intro, ...reason]), ...evidence };
}

/** One message of the sentences that are there, joined as the language writes sentences. */
function joined(sentences: Sentences): Message {
  const present = sentences.filter((sentence): sentence is Message => sentence !== null);
  if (present.length === 1) return present[0]!;
  return msg(W.sentences, { sentences: listOf(present, 'sentences') });
}

function refusal(where: string, probe: WriteProbe, facts: WindowsAccessFacts): Sentences {
  const code = probe.errorCode ?? 'EPERM';
  if (facts.acl === null || facts.acl.error !== null) {
    const error = facts.acl?.error ?? facts.aclError;
    // Windows' own error text is evidence, kept as it came; only its final full stop goes, the sentence has one.
    const why = error === null ? msg(W.listNotRead) : error.replace(/\.$/, '');
    return [msg(W.listUnreadable, { path: where, code, why })];
  }
  if (facts.token === null) {
    const writers = writersOf(facts.acl.entries);
    const refused =
      writers.length > 0
        ? msg(W.onlyTheyRefused, { writers: listOf(writers), path: where, code })
        : msg(W.noOneRefused, { path: where, code });
    return [refused, storeNote(where)];
  }
  const verdict = evaluateAccess(facts.acl.entries, facts.token);
  switch (verdict.kind) {
    case 'denied-by-entry':
      return [...denyEntry(where, verdict.entry, facts), storeNote(where)];
    case 'not-granted':
      return [...notGranted(where, facts.acl.entries, facts.token), storeNote(where)];
    case 'granted':
      return [grantedYetRefused(where, code, verdict.grantedBy, facts)];
  }
}

/** "Only Administrators, SYSTEM and TrustedInstaller may change X (…); you are in Users, who may only read it." */
function notGranted(where: string, entries: readonly Ace[], token: TokenView): Sentences {
  const writers = writersOf(entries);
  const writerEntries = effectiveEntries(entries).filter(
    (entry) => entry.type === 'allow' && allowsCreating(entry.mask),
  );
  const inherited =
    writerEntries.length > 0 && writerEntries.every((entry) => entry.inherited) ? 'yes' : 'no';
  const whoMay =
    writers.length > 0
      ? msg(W.onlyTheyMay, { writers: listOf(writers), path: where, inherited })
      : msg(W.noOneMay, { path: where });
  return [
    msg(W.notGranted, { whoMay, yourPart: yourPart(entries, token) }),
    elevationNote(writers, token),
  ];
}

/** What the user's own entries give: "you are in Users, who may only read it". */
function yourPart(entries: readonly Ace[], token: TokenView): Message {
  const mine = effectiveEntries(entries).filter(
    (entry) => entry.type === 'allow' && appliesTo(entry, token),
  );
  if (mine.length === 0) return msg(W.noGroupOfYours);
  const groups = unique(
    mine
      .filter((entry) => entry.sid !== token.userSid)
      .map((entry) => principalName(entry.sid, entry.name)),
  );
  const combined = mine.reduce((mask, entry) => mask | specificRights(entry.mask), 0);
  const rights = rightsInWords(combined);
  if (groups.length === 0) return msg(W.onlyYourRights, { rights });
  const values = { groups: listOf(groups), count: groups.length };
  // Reading alone is said as "may only read it"; anything that touches changes is named.
  return !touchesChanges(combined) && combined & 0x1
    ? msg(W.yourGroupsRead, values)
    : msg(W.yourGroupsRights, { ...values, rights });
}

function elevationNote(writers: readonly string[], token: TokenView): Message | null {
  const administratorsMay = writers.includes('Administrators');
  if (token.canElevate && administratorsMay) return msg(W.notElevated);
  if (!token.isAdministrator && administratorsMay) return msg(W.notAdministrator);
  return null;
}

/** The entry that decided: a deny, set here or inherited, whoever it names. */
function denyEntry(where: string, entry: Ace, facts: WindowsAccessFacts): Sentences {
  const token = facts.token!;
  const name = principalName(entry.sid, entry.name);
  const whom =
    entry.sid === token.userSid ? 'you' : token.allowSids.has(entry.sid) ? 'member' : 'other';
  const shownName = whom === 'you' ? (shortUserName(token) ?? name) : name;
  const origin = entry.inherited ? 'inherited' : 'here';
  const outweighed = effectiveEntries(facts.acl!.entries).filter(
    (other) => other.type === 'allow' && appliesTo(other, token) && allowsCreating(other.mask),
  );
  const beaten = outweighed[0];
  const originSentence = beaten
    ? msg(W.denyOriginOutweighs, {
        origin,
        rights: rightsInWords(beaten.mask),
        // The group's name only where the sentence shows it: "your own entry" names no one.
        ...(beaten.sid === token.userSid
          ? { source: 'own' }
          : { source: 'group', name: principalName(beaten.sid, beaten.name) }),
      })
    : msg(W.denyOrigin, { origin });
  return [
    msg(W.denyEntry, { path: where, whom, name: shownName, rights: rightsInWords(entry.mask) }),
    originSentence,
  ];
}

/** The access list says yes, Windows said no: the cause is outside the list. */
function grantedYetRefused(
  where: string,
  code: string,
  grantedBy: readonly Ace[],
  facts: WindowsAccessFacts,
): Message {
  const token = facts.token!;
  const through = listOf(
    grantedBy.map((entry) =>
      entry.sid === token.userSid ? msg(W.yourOwnEntry) : principalName(entry.sid, entry.name),
    ),
  );
  const values = { path: where, through, code };
  return facts.controlledFolderAccess === true
    ? msg(W.grantedYetControlled, values)
    : msg(W.grantedYetRefused, values);
}

function cannotDelete(where: string, probe: WriteProbe, facts: WindowsAccessFacts): Sentences {
  const rights =
    facts.acl !== null && facts.token !== null
      ? effectiveEntries(facts.acl.entries).filter(
          (entry) => entry.type === 'allow' && appliesTo(entry, facts.token!),
        )
      : [];
  const given =
    rights.length > 0
      ? msg(W.addNotDelete, {
          rights: rightsInWords(rights.reduce((mask, entry) => mask | entry.mask, 0)),
        })
      : null;
  return [
    msg(W.cannotDelete, { path: where, code: probe.errorCode ?? 'EPERM' }),
    given,
    msg(W.deleteTestFile, { file: probe.leftBehind ?? '' }),
  ];
}

function storeNote(where: string): Message | null {
  return /\\program files\\windowsapps\\/i.test(where) ? msg(W.storePython) : null;
}

function readOnlyNote(acl: AclItem | null): Message | null {
  if (!acl?.attributes.has('ReadOnly') || acl.isFolder === false) return null;
  return msg(W.readOnlyIgnored);
}

function undecided(probe: WriteProbe, path: string, intro: Message | null): Message {
  const where = probe.probedPath ?? path;
  switch (probe.errorCode) {
    case 'ENOTDIR':
      return msg(W.fileInTheWay, { path: where, same: samePath(where, path) ? 'yes' : 'no' });
    case 'ENOENT':
      return msg(W.nothingExists);
    case 'ENAMETOOLONG':
      return joined([intro, msg(W.pathTooLong, { limit: MAX_PATH })]);
    case 'ENOSPC':
      return joined([intro, msg(W.diskFull)]);
    case 'EEXIST':
      return joined([intro, msg(W.noUnusedName, { tries: NAME_ATTEMPTS })]);
    default:
      return joined([intro, msg(W.undecided, { code: probe.errorCode ?? 'EIO' })]);
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

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

function samePath(a: string, b: string): boolean {
  const normalise = (p: string) => p.replace(/[\\/]+$/, '').toLowerCase();
  return normalise(a) === normalise(b);
}
