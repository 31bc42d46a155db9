import { win32 } from 'node:path';

/**
 * Text that breaks PowerShell quoting when a builder gets it wrong. PowerShell
 * ends a single-quoted string at ' and also at the typographic quotes
 * U+2018..U+201B; " and U+201C..U+201E open and close double-quoted strings,
 * where $ and ` are live; ; and & end a statement; @ splats, , builds an
 * array, # starts a comment, [ ] are wildcards to -Path parameters; % is
 * cmd's variable marker. Windows forbids " in file names, but the model's
 * paths are only text to the builders, so they get it anyway.
 */
export const TYPOGRAPHIC_SINGLE_QUOTES = ['\u2018', '\u2019', '\u201A', '\u201B'] as const;

export const HOSTILE_NAME =
  'Ana O\'Neil \u2018a\u2019 \u201Ab\u201B \u201Cc\u201D "d" $env:X $(x) `t ; & %PATH% [1] {2} @e #f ,g ~h \u00E9\u4E2D\u03A9';

/** A Windows user's home whose name carries every hostile character. */
export const HOSTILE_HOME = win32.join('C:\\Users', HOSTILE_NAME);

/** An all-users Python in a folder with the same name. */
export const HOSTILE_PROGRAM_FOLDER = win32.join('C:\\Program Files', HOSTILE_NAME, 'Python312');

/** A project folder far beyond Windows' 260-character MAX_PATH. */
export const LONG_PROJECT = win32.join(
  HOSTILE_HOME,
  'Documents',
  ...Array.from({ length: 4 }, (_, index) => `project ${index} ${HOSTILE_NAME}`),
);

/**
 * Folder names for the commands that are run for real (POSIX paths): each
 * hostile piece on its own, so a failure names the character that broke it.
 */
export const HOSTILE_FOLDER_NAMES = [
  "O'Neil",
  ...TYPOGRAPHIC_SINGLE_QUOTES.map((quote) => `typo${quote}quote`),
  '\u201Cdouble\u201D \u201Equotes\u201D',
  'say "hi"',
  'cost $HOME $(whoami) ${x}',
  'back`tick `n `$',
  'semi; colon & amp',
  '%PATH% 100%',
  'wild[1]card*?',
  '{brace} (paren) @at #hash ,comma ~tilde',
  '\u00E9t\u00E9 \u4E2D\u6587 \u03A9',
  '-dash --% --',
] as const;
