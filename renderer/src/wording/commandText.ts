import type { Command } from '../../../electron/shared/contract';
import type { Shell } from '../../../electron/shared/model/diagnosis';
import { commandLine, powershellLiteral, quoteArg } from '../../../electron/shared/shellQuote';

/**
 * A command exactly as main runs it (program, arguments, the variables it
 * sets), written for the shell the user would paste it into. Main runs it
 * without any shell; this text is only shown and copied.
 */
export function commandText(command: Command): string {
  const shell = shellFor(command.program);
  const line = commandLine(shell, command.program, command.args);
  const variables = Object.entries(command.env);
  if (variables.length === 0) return line;
  switch (shell) {
    case 'bash':
      return `${variables.map(([name, value]) => `${name}=${quoteArg(value, 'bash')}`).join(' ')} ${line}`;
    case 'powershell':
      // Always quoted: PowerShell would run a bare `utf-8` as a command.
      return `${variables.map(([name, value]) => `$env:${name}=${powershellLiteral(value)}`).join('; ')}; ${line}`;
    case 'cmd':
      return `${variables.map(([name, value]) => `set "${name}=${value}"`).join(' && ')} && ${line}`;
  }
}

/** Windows programs are named by a drive or a UNC path; PowerShell is the shell Windows users have. */
function shellFor(program: string): Shell {
  return /^(?:[A-Za-z]:\\|\\\\)/.test(program) ? 'powershell' : 'bash';
}

/**
 * The command as a person reads it: the program and its arguments without
 * the variables the app sets for itself ($env:PIP_NO_INPUT='1'; …), which
 * only make pip never wait for input. What runs is unchanged.
 */
export function readableCommandText(command: Command): string {
  return commandLine(shellFor(command.program), command.program, command.args);
}
