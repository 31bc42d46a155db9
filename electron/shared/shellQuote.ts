import type { Shell } from './model/diagnosis';

/**
 * Quotes one argument so the user's shell passes it through unchanged:
 * spaces, quotes, `&`, `%`, `$` and Unicode included. These strings are only
 * shown to be copied; the app itself never runs a command through a shell.
 */
export function quoteArg(arg: string, shell: Shell): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) && !(shell === 'cmd' && arg.includes('%'))) return arg;
  switch (shell) {
    case 'bash':
      return `'${arg.replace(/'/g, `'\\''`)}'`;
    case 'powershell':
      return `'${arg.replace(/'/g, "''")}'`;
    case 'cmd':
      // cmd has no escape for % inside quotes; doubling it is the closest, and quotes cannot be nested.
      return `"${arg.replace(/"/g, '""').replace(/%/g, '%%')}"`;
  }
}

/** A command line in `shell`: PowerShell needs `&` to run a quoted program path. */
export function commandLine(shell: Shell, program: string, args: string[]): string {
  const quotedProgram = quoteArg(program, shell);
  const prefix = shell === 'powershell' && quotedProgram.startsWith("'") ? '& ' : '';
  return [prefix + quotedProgram, ...args.map((arg) => quoteArg(arg, shell))].join(' ');
}
