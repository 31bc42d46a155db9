import { osTraits } from '../../platform/osTraits';
import type { Platform } from '../../shared/model/platform';
/**
 * Hides who the user is in a report they may paste into a public forum: the
 * user name and the home folder become `<user>`. Paths keep their shape
 * (`C:\Users\<user>\AppData\...`, `/home/<user>/...`) because the shape is
 * what a helper needs to see.
 */

export interface PersonalDetails {
  userName: string;
  /** The user's home folder as this machine spells it; null when unknown. */
  homeDir: string | null;
  platform: Platform;
}

export interface Redactor {
  /** Any text from the machine: paths, command lines, reasons. */
  text(value: string): string;
  /**
   * A field that names an account (a process's user, a folder's owner): the
   * user name is hidden here even when it is too short to hide in prose.
   */
  account(value: string): string;
}

export const REDACTED_USER = '<user>';

/** Accounts every machine has: naming them says nothing about the person. */
const SYSTEM_ACCOUNTS = new Set(['root', 'administrator', 'system', 'localsystem']);

/**
 * A one-letter name hidden in prose would eat every "a" and "I"; such names
 * are still hidden in paths and account fields.
 */
const MIN_NAME_IN_PROSE = 2;

/**
 * Stands in for `<user>` until every pattern has run, so that a user called
 * "user" does not match inside the placeholder and become `<<user>>`.
 */
const PLACEHOLDER = '\uE000';

/** Letters, digits, `_` and `-` continue a name: "al" is not in "also" or "al-pha". */
const NOT_AFTER_NAME_CHAR = '(?<![\\p{L}\\p{N}_-])(?<![\\p{L}\\p{N}]\\.)';
const NOT_BEFORE_NAME_CHAR = '(?![\\p{L}\\p{N}_-])(?!\\.[\\p{L}\\p{N}])';

const NO_REDACTION: Redactor = { text: (value) => value, account: (value) => value };

export function createRedactor(details: PersonalDetails): Redactor {
  const name = details.userName.trim();
  if (name === '' || SYSTEM_ACCOUNTS.has(name.toLowerCase())) return NO_REDACTION;

  // Windows account names and paths ignore case; POSIX ones do not.
  const windowsFlags = 'giu';
  const nameFlags = osTraits(details.platform).caseInsensitiveNames ? 'giu' : 'gu';
  const escapedName = escapeRegExp(name);

  const pathPatterns: RegExp[] = [];
  const home = homePattern(details.homeDir, details.platform);
  if (home) pathPatterns.push(home);
  // C:\Users\alice, C:/Users/alice, C:\\Users\\alice (repr in pip logs), C:\Users\alice.CORP (domain profiles).
  pathPatterns.push(
    new RegExp(
      `([A-Za-z]:(?:\\\\|/)+Users(?:\\\\|/)+)${escapedName}(?:\\.[\\p{L}\\p{N}_-]+)?${NOT_BEFORE_NAME_CHAR}`,
      windowsFlags,
    ),
  );
  pathPatterns.push(
    new RegExp(`(/(?:home|Users)/+)${escapedName}${NOT_BEFORE_NAME_CHAR}`, nameFlags),
  );
  const bareName = new RegExp(
    `${NOT_AFTER_NAME_CHAR}${escapedName}${NOT_BEFORE_NAME_CHAR}`,
    nameFlags,
  );

  const redact = (value: string, hideBareName: boolean): string => {
    let result = value;
    for (const pattern of pathPatterns) result = result.replace(pattern, `$1${PLACEHOLDER}`);
    if (hideBareName) result = result.replace(bareName, PLACEHOLDER);
    return result.replaceAll(PLACEHOLDER, REDACTED_USER);
  };
  return {
    text: (value) => redact(value, name.length >= MIN_NAME_IN_PROSE),
    account: (value) => redact(value, true),
  };
}

/**
 * The home folder itself, whatever its last segment is called
 * (`/srv/homes/a1234`, `C:\Users\alice.CORP`): that segment becomes `<user>`.
 */
function homePattern(homeDir: string | null, platform: PersonalDetails['platform']): RegExp | null {
  if (!homeDir) return null;
  const segments = homeDir.split(/[\\/]+/).filter((segment) => segment !== '');
  const last = segments.pop();
  // A home at the root of a drive or of the file system has no segment that is the user's.
  if (!last || segments.length === 0) return null;
  const windowsStyle = osTraits(platform).caseInsensitiveNames || /^[A-Za-z]:/.test(homeDir);
  const separator = windowsStyle ? '(?:\\\\|/)+' : '/+';
  const leading = windowsStyle || !homeDir.startsWith('/') ? '' : '/+';
  const prefix = leading + segments.map(escapeRegExp).join(separator) + separator;
  return new RegExp(
    `(${prefix})${escapeRegExp(last)}${NOT_BEFORE_NAME_CHAR}`,
    windowsStyle ? 'giu' : 'gu',
  );
}

/** Escapes only what the `u` flag allows escaping: `\-` outside a class is a syntax error there. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
