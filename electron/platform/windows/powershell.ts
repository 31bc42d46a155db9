import type { Command } from '../../shared/actionModel';
import { powershellLiteral as psLiteral } from '../../shared/shellQuote';

/**
 * How Pip Doctor starts Windows programs, the probe and the fixes alike: by
 * absolute path under %SystemRoot%\System32 (a where.exe or powershell.exe
 * in the working folder or early on PATH must not be the one that runs,
 * windows-probes.md §0), and PowerShell as Windows PowerShell 5.1 with its
 * script passed so that no quoting of the command line can change it.
 */

export function system32Program(systemRoot: string, name: string): string {
  return `${systemRoot.replace(/\\+$/, '')}\\System32\\${name}`;
}

export function powershellPath(systemRoot: string): string {
  return system32Program(systemRoot, 'WindowsPowerShell\\v1.0\\powershell.exe');
}

/** Output as UTF-8 without a BOM: the default is the OEM code page, which mangles non-ASCII paths. */
export const UTF8_OUTPUT = '[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)';

/** A single-quoted PowerShell string: the one rule, shared with the commands shown for copying. */
export { psLiteral };

/** The base64 of the script's UTF-16LE bytes, which is what -EncodedCommand expects. */
export function encodeScript(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

export function decodeScript(encoded: string): string {
  return Buffer.from(encoded, 'base64').toString('utf16le');
}

/** The PowerShell a command carries as -EncodedCommand, decoded so it can be read; null when it has none. */
export function scriptOf(command: Command): string | null {
  const index = command.args.indexOf('-EncodedCommand');
  const encoded = index >= 0 ? command.args[index + 1] : undefined;
  return encoded === undefined ? null : decodeScript(encoded);
}

/**
 * No `-ExecutionPolicy Bypass`: the policy does not apply to -EncodedCommand
 * anyway, and that flag beside an encoded command is a pattern virus
 * scanners flag as malware.
 */
export const POWERSHELL_FLAGS = ['-NoProfile', '-NonInteractive'];

export function powershellCommand(systemRoot: string, script: string): Command {
  return {
    program: powershellPath(systemRoot),
    args: [...POWERSHELL_FLAGS, '-EncodedCommand', encodeScript(plainErrors(script))],
    env: {},
  };
}

/**
 * An -EncodedCommand run writes its errors and progress to stderr as CLIXML
 * (`#< CLIXML <Objs …>`), which no person can read. So every error stops the
 * script, is caught, and goes to stderr as its plain message with exit code
 * 1; progress is not drawn at all. The script's own `exit N` still decides.
 */
export function plainErrors(script: string): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    "$ProgressPreference = 'SilentlyContinue'",
    'try {',
    script,
    '} catch {',
    '  [Console]::Error.WriteLine([string]$_.Exception.Message)',
    '  exit 1',
    '}',
  ].join('\n');
}
