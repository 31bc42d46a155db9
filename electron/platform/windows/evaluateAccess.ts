import type { Ace } from './probeDocument';
import { RIGHT, specificRights } from './accessRights';
import type { TokenView } from './tokenView';
import { isCreatorPlaceholder } from './wellKnownSids';

/** Creating files and folders in a folder: the first thing pip does there. */
export const CREATE_RIGHTS = RIGHT.addFile | RIGHT.addSubfolder;

export type AccessVerdict =
  /** An entry that applies to the user denies a right before any entry grants it. */
  | { kind: 'denied-by-entry'; entry: Ace }
  /** No entry, or not enough of them, grants the rights. */
  | { kind: 'not-granted'; granted: number }
  | { kind: 'granted'; grantedBy: Ace[] };

/** Entries that apply to the folder itself: inherit-only ones only stamp rights onto new children. */
export function effectiveEntries(entries: readonly Ace[]): Ace[] {
  return entries.filter(
    (entry) => !entry.propagation.has('InheritOnly') && !isCreatorPlaceholder(entry.sid),
  );
}

export function appliesTo(entry: Ace, token: TokenView): boolean {
  return entry.type === 'deny' ? token.denySids.has(entry.sid) : token.allowSids.has(entry.sid);
}

/**
 * Windows' own walk of a DACL (learn.microsoft.com "How DACLs Control Access
 * to an Object"): entries in order, a deny of a right not yet granted ends
 * it, allows add up until every wanted right is granted. The order is the
 * one Get-Acl returns, the DACL's own: explicit deny, explicit allow,
 * inherited deny, inherited allow; so an explicit allow can outweigh an
 * inherited deny, and only this walk says which entry decided.
 */
export function evaluateAccess(
  entries: readonly Ace[],
  token: TokenView,
  wanted: number = CREATE_RIGHTS,
): AccessVerdict {
  let granted = 0;
  const grantedBy: Ace[] = [];
  for (const entry of effectiveEntries(entries)) {
    if (!appliesTo(entry, token)) continue;
    const rights = specificRights(entry.mask) & wanted;
    if (rights === 0) continue;
    if (entry.type === 'deny') {
      if ((rights & ~granted) !== 0) return { kind: 'denied-by-entry', entry };
      continue;
    }
    if ((rights & ~granted) !== 0) grantedBy.push(entry);
    granted |= rights;
    if ((granted & wanted) === wanted) return { kind: 'granted', grantedBy };
  }
  return { kind: 'not-granted', granted };
}
