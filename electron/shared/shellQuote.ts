import type { Shell } from './model/diagnosis';

/**
 * A single-quoted PowerShell string: the one place PowerShell literals are
 * built. PowerShell ends a single-quoted string at ' and also at the
 * typographic quotes U+2018..U+201B (its tokenizer takes all five for the
 * same quote), and reads a doubled one as that character; nothing else is
 * special inside, not $, ` or ".
 */
export function powershellLiteral(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

/** Words every shell passes through as they are, so they are shown without quotes. */
const BARE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Words PowerShell passes to a program as they are. Narrower than BARE_WORD:
 * in PowerShell's argument mode a leading @ splats a variable, a comma builds
 * an array, `--%` stops parsing, and a word starting with `-` is a parameter
 * token that PowerShell cuts at a dot (`-Dkey=a.b` arrives as `-Dkey=a` and
 * `.b`). Options made of letters, digits and dashes (`-m`, `--user`) stay bare.
 */
const POWERSHELL_BARE_WORD =
  /^(?:[A-Za-z0-9_%+=:./][A-Za-z0-9_%+=:./-]*|--?[A-Za-z][A-Za-z0-9-]*)$/;

/**
 * Quotes one argument so the user's shell passes it through unchanged:
 * spaces, quotes, `&`, `%`, `$` and Unicode included. These strings are only
 * shown to be copied; the app itself never runs a command through a shell.
 */
export function quoteArg(arg: string, shell: Shell): string {
  switch (shell) {
    case 'bash':
      return BARE_WORD.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
    case 'powershell':
      return POWERSHELL_BARE_WORD.test(arg) ? arg : powershellLiteral(arg);
    case 'cmd':
      if (BARE_WORD.test(arg) && !arg.includes('%')) return arg;
      // cmd has no escape for % inside quotes; doubling it is the closest, and quotes cannot be nested.
      return `"${arg.replace(/"/g, '""').replace(/%/g, '%%')}"`;
  }
}

/**
 * Quotes one argument for fish. fish reads `\\` and `\'` as escapes even
 * inside single quotes, so bash's quoting breaks there: a folder ending in a
 * backslash ends the string early and the rest of the path runs as fish
 * code. Both are escaped; nothing else is special inside fish's quotes.
 */
export function fishQuote(arg: string): string {
  return BARE_WORD.test(arg) ? arg : `'${arg.replace(/[\\']/g, (special) => `\\${special}`)}'`;
}

/** A command line in `shell`: PowerShell needs `&` to run a quoted program path. */
export function commandLine(shell: Shell, program: string, args: string[]): string {
  const quotedProgram = quoteArg(program, shell);
  const prefix = shell === 'powershell' && quotedProgram.startsWith("'") ? '& ' : '';
  return [prefix + quotedProgram, ...args.map((arg) => quoteArg(arg, shell))].join(' ');
}
