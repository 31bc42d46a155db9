import type { IdentitySection } from './probeDocument';
import { isIntegrityLabel, SID } from './wellKnownSids';

/** Who the scanning user is, as Windows decides access: SIDs only, never names. */
export interface TokenView {
  userSid: string;
  /** DOMAIN\name as Windows reports it, for words only. */
  userName: string | null;
  /** The user and the groups that count for allow entries (enabled groups). */
  allowSids: ReadonlySet<string>;
  /** Those plus the deny-only groups: a split token's Administrators still meets deny entries. */
  denySids: ReadonlySet<string>;
  elevated: boolean;
  /** An administrator whose token is filtered: could elevate through a UAC prompt. */
  canElevate: boolean;
  /** A member of Administrators at all (enabled or deny-only). */
  isAdministrator: boolean;
}

/** The identity section as a token, or null when the section failed (access then stays unexplained per user). */
export function tokenView(identity: IdentitySection): TokenView | null {
  if (identity.status !== 'ok' || identity.userSid === null) return null;
  const allow = new Set<string>([identity.userSid]);
  const deny = new Set<string>([identity.userSid]);
  for (const group of identity.groups) {
    if (isIntegrityLabel(group.sid)) continue;
    deny.add(group.sid);
    if (!group.denyOnly) allow.add(group.sid);
  }
  const elevated = identity.elevated === true;
  const adminDenyOnly = identity.groups.some(
    (group) => group.sid === SID.administrators && group.denyOnly,
  );
  return {
    userSid: identity.userSid,
    userName: identity.userName,
    allowSids: allow,
    denySids: deny,
    elevated,
    canElevate: !elevated && adminDenyOnly,
    isAdministrator: elevated || adminDenyOnly || allow.has(SID.administrators),
  };
}

/** "ana" from "DESKTOP-1\ana": the computer's name adds nothing in a sentence. */
export function shortUserName(token: TokenView): string | null {
  if (token.userName === null) return null;
  return token.userName.slice(token.userName.lastIndexOf('\\') + 1) || token.userName;
}
