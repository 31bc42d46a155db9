import { createHash } from 'node:crypto';
import type { Command } from '../../shared/actionModel';
import { powershellCommand, powershellPath, psLiteral, POWERSHELL_FLAGS } from './powershell';
import { quoteWindowsArgument, windowsCommandLine } from './windowsArguments';

/**
 * Running one program as administrator through UAC (reference §9.3). The
 * elevated side cannot hand its output back through pipes (ShellExecute has
 * none), so it writes stdout, stderr and the exit code to files in a folder
 * of the app's, which the app reads back after the wait.
 *
 * The outer script calls Process.Start with the `runas` verb rather than
 * `Start-Process -Verb RunAs`: Windows PowerShell 5.1's Start-Process turns
 * the refusal into an InvalidOperationException that carries only a
 * localised message, while Process.Start keeps the Win32Exception and its
 * code, 1223 (ERROR_CANCELLED), which reads the same in every language.
 *
 * What runs elevated is too long for a command line that goes through
 * ShellExecuteEx (documented to about 2,048 characters), so the outer script
 * writes it to a file in the run's folder and starts a short bootstrap that
 * reads the file once, checks its SHA-256 against the hash fixed here, and
 * runs exactly the bytes it checked. A file changed in between runs nothing.
 */

export const ERROR_CANCELLED = 1223;

export const ELEVATED_FILES = {
  stdout: 'stdout.txt',
  stderr: 'stderr.txt',
  exitCode: 'exit-code.txt',
  error: 'error.txt',
  /** The script the elevated bootstrap runs, written by the outer script. */
  script: 'elevated.ps1',
} as const;

/** The bootstrap's exit code when the script file is not the one Pip Doctor wrote. */
export const SCRIPT_CHANGED = 212;

/** The documented limit of ShellExecuteEx's parameters; the bootstrap stays well under it. */
export const SHELL_EXECUTE_MAX_PARAMETERS = 2048;

/** How the elevated program writes its output: Python as UTF-8, console tools in the OEM code page. */
export type OutputEncoding = 'utf8' | 'oem';

export interface ElevatedCommand {
  /** What actually runs (not elevated): PowerShell asking UAC to start the inner script. */
  command: Command;
  /** The outer script, decoded. */
  script: string;
  /** The script that runs as administrator, decoded. */
  elevatedScript: string;
  /** The parameters UAC starts PowerShell with: the bootstrap that checks and runs elevatedScript. */
  elevatedParameters: string;
}

/**
 * `ownerWindow` is the app window's handle (HWND, decimal): UAC then shows
 * its prompt in front of that window instead of flashing in the taskbar
 * behind it. Null from the command line, whose console is in front anyway.
 */
export function elevatedCommand(
  inner: Command,
  outputDir: string,
  systemRoot: string,
  encoding: OutputEncoding,
  ownerWindow: string | null = null,
): ElevatedCommand {
  const elevatedScript = innerScript(inner, outputDir, encoding);
  const elevatedParameters = bootstrapParameters(outputDir, elevatedScript);
  const script = outerScript(
    systemRoot,
    outputDir,
    elevatedScript,
    elevatedParameters,
    ownerWindow,
  );
  return {
    command: powershellCommand(systemRoot, script),
    script,
    elevatedScript,
    elevatedParameters,
  };
}

/** SHA-256 of the script as the outer script writes it: UTF-8 without a BOM. */
export function scriptHash(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex').toUpperCase();
}

/**
 * The elevated PowerShell's whole command line: read the file's bytes once,
 * hash them, and run those same bytes only when the hash is the one fixed
 * here. Plain text rather than -EncodedCommand, so "Show more details" in the
 * UAC prompt shows what it is.
 */
function bootstrapParameters(outputDir: string, elevatedScript: string): string {
  const bootstrap = [
    "$ErrorActionPreference = 'Stop'",
    `$b = [IO.File]::ReadAllBytes([IO.Path]::Combine(${psLiteral(outputDir)}, ${psLiteral(ELEVATED_FILES.script)}))`,
    "$h = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($b)) -replace '-', ''",
    `if ($h -ne '${scriptHash(elevatedScript)}') { exit ${SCRIPT_CHANGED} }`,
    '& ([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString($b)))',
  ].join('; ');
  return [...POWERSHELL_FLAGS, '-Command', quoteWindowsArgument(bootstrap)].join(' ');
}

function innerScript(inner: Command, outputDir: string, encoding: OutputEncoding): string {
  const streamEncoding =
    encoding === 'utf8'
      ? 'New-Object System.Text.UTF8Encoding $false'
      : // Console tools (icacls) encode for the console they inherit, whatever the format culture says.
        '[Console]::OutputEncoding';
  const env = Object.entries(inner.env).map(
    ([name, value]) => `  $psi.EnvironmentVariables[${psLiteral(name)}] = ${psLiteral(value)}`,
  );
  const file = (name: string) => `(Join-Path $out ${psLiteral(name)})`;
  return [
    "$ErrorActionPreference = 'Stop'",
    `$out = ${psLiteral(outputDir)}`,
    '$utf8 = New-Object System.Text.UTF8Encoding $false',
    'try {',
    '  $psi = New-Object System.Diagnostics.ProcessStartInfo',
    `  $psi.FileName = ${psLiteral(inner.program)}`,
    `  $psi.Arguments = ${psLiteral(windowsCommandLine(inner.args))}`,
    '  $psi.UseShellExecute = $false',
    '  $psi.CreateNoWindow = $true',
    '  $psi.RedirectStandardOutput = $true',
    '  $psi.RedirectStandardError = $true',
    `  $psi.StandardOutputEncoding = ${streamEncoding}`,
    `  $psi.StandardErrorEncoding = ${streamEncoding}`,
    ...env,
    '  $p = [Diagnostics.Process]::Start($psi)',
    // Both streams read at once: a child blocked on a full stderr pipe would never exit.
    '  $stdout = $p.StandardOutput.ReadToEndAsync()',
    '  $stderr = $p.StandardError.ReadToEndAsync()',
    '  $p.WaitForExit()',
    `  [IO.File]::WriteAllText(${file(ELEVATED_FILES.stdout)}, $stdout.Result, $utf8)`,
    `  [IO.File]::WriteAllText(${file(ELEVATED_FILES.stderr)}, $stderr.Result, $utf8)`,
    // Written last: its presence says the program ran to the end.
    `  [IO.File]::WriteAllText(${file(ELEVATED_FILES.exitCode)}, [string]$p.ExitCode, $utf8)`,
    '  exit $p.ExitCode',
    '} catch {',
    `  [IO.File]::WriteAllText(${file(ELEVATED_FILES.error)}, [string]$_.Exception.Message, $utf8)`,
    '  exit 1',
    '}',
  ].join('\n');
}

function outerScript(
  systemRoot: string,
  outputDir: string,
  elevated: string,
  parameters: string,
  ownerWindow: string | null,
): string {
  if (ownerWindow !== null && !/^[1-9][0-9]{0,19}$/.test(ownerWindow)) {
    throw new Error(`ownerWindow must be a window handle in decimal, not ${ownerWindow}`);
  }
  return [
    '[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)',
    `$file = Join-Path ${psLiteral(outputDir)} ${psLiteral(ELEVATED_FILES.script)}`,
    `[IO.File]::WriteAllText($file, ${psLiteral(elevated)}, (New-Object System.Text.UTF8Encoding $false))`,
    '$psi = New-Object System.Diagnostics.ProcessStartInfo',
    `$psi.FileName = ${psLiteral(powershellPath(systemRoot))}`,
    `$psi.Arguments = ${psLiteral(parameters)}`,
    "$psi.Verb = 'runas'",
    '$psi.UseShellExecute = $true',
    "$psi.WindowStyle = 'Hidden'",
    // The owner window goes to ShellExecuteEx only with ErrorDialog on (.NET's Process.Start).
    ...(ownerWindow === null
      ? []
      : ['$psi.ErrorDialog = $true', `$psi.ErrorDialogParentHandle = [IntPtr]${ownerWindow}`]),
    'try {',
    '  $p = [Diagnostics.Process]::Start($psi)',
    '} catch {',
    '  $e = $_.Exception',
    '  while ($e -ne $null) {',
    `    if ($e -is [ComponentModel.Win32Exception] -and $e.NativeErrorCode -eq ${ERROR_CANCELLED}) { exit ${ERROR_CANCELLED} }`,
    '    $e = $e.InnerException',
    '  }',
    '  [Console]::Error.WriteLine($_.Exception.Message)',
    '  exit 1',
    '}',
    '$p.WaitForExit()',
    'exit $p.ExitCode',
  ].join('\n');
}

/** What the files and the outer PowerShell said, read back by the caller. */
export interface ElevatedTrace {
  outerExitCode: number | null;
  outerStderr: string;
  /** Each file's text, or null when the elevated side did not write it. */
  exitCodeFile: string | null;
  stdoutFile: string | null;
  stderrFile: string | null;
  errorFile: string | null;
}

export type ElevatedResult =
  | { kind: 'declined' }
  | { kind: 'ran'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'failed'; message: string };

/** English only, for a PowerShell that lost the code; every other language is caught by 1223. */
const DECLINED_TEXT = /The operation was canceled by the user/i;

export function interpretElevatedRun(trace: ElevatedTrace): ElevatedResult {
  if (trace.exitCodeFile !== null) {
    const exitCode = Number.parseInt(trace.exitCodeFile.trim(), 10);
    if (Number.isInteger(exitCode)) {
      return {
        kind: 'ran',
        exitCode,
        stdout: trace.stdoutFile ?? '',
        stderr: trace.stderrFile ?? '',
      };
    }
  }
  // No exit code file: the elevated program never ran to the end, or never started.
  if (trace.outerExitCode === ERROR_CANCELLED || DECLINED_TEXT.test(trace.outerStderr)) {
    return { kind: 'declined' };
  }
  if (trace.errorFile !== null) {
    return { kind: 'failed', message: `The administrator step failed: ${trace.errorFile.trim()}` };
  }
  if (trace.outerExitCode === SCRIPT_CHANGED) {
    return {
      kind: 'failed',
      message:
        'Nothing ran as administrator: the script Pip Doctor wrote for it was changed before it could run. Try the step again.',
    };
  }
  return {
    kind: 'failed',
    message: `The administrator step did not report back (PowerShell exit code ${trace.outerExitCode ?? 'none'}${trace.outerStderr.trim() ? `: ${trace.outerStderr.trim()}` : ''}).`,
  };
}
