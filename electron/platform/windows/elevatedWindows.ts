import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Command } from '../../shared/actionModel';
import { powershellCommand, powershellPath, psLiteral, POWERSHELL_FLAGS } from './powershell';
import { quoteWindowsArgument, windowsCommandLine } from './windowsArguments';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { runWords } from '../runWords';

/**
 * Running one program as administrator through UAC (reference §9.3). The
 * elevated side cannot hand its output back through pipes (ShellExecute has
 * none), so it writes stdout, stderr and the exit code to files, and the
 * outer script (not elevated) reads them after the wait and prints them as
 * one JSON line for the app.
 *
 * Those files are written as administrator, so they must not be in a folder
 * the user can change: a junction or a hard link planted there would turn
 * the write into one over any file of the system. The elevated side makes
 * its own folder, `<ProgramData>\PipDoctor\elevated\<name>`, with the
 * known-folder path (never %ProgramData%, which the user's environment can
 * point anywhere), each part created with a protected ACL (SYSTEM and
 * Administrators full control, Users read, nothing inherited), owned by
 * Administrators or SYSTEM and no reparse point; anything else there stops
 * the step before it runs (FOLDER_REFUSED). Users may read it, which is how
 * the outer script hands the answer back without any write of its own.
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

/** The elevated script's exit code when its folder under ProgramData is not one only administrators control. */
export const FOLDER_REFUSED = 213;

/** The elevated side's folders below the ProgramData known folder. */
export const ADMIN_FOLDER = ['PipDoctor', 'elevated'] as const;

/**
 * SYSTEM and Administrators: full control; Users: read and list; protected,
 * so nothing of ProgramData's own ACL (which lets users create folders) is
 * inherited. Owner Administrators.
 */
export const ADMIN_FOLDER_SDDL =
  'O:BAG:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)';

/** Who may own the folders: Administrators (S-1-5-32-544) or SYSTEM (S-1-5-18). */
const ADMIN_OWNERS = ['S-1-5-32-544', 'S-1-5-18'];

/**
 * The elevated folder of one step: named after the step's own folder, so a
 * retry reuses it (the elevated side deletes the previous answer first).
 */
export function adminFolderName(outputDir: string): string {
  return createHash('sha256').update(outputDir.toLowerCase(), 'utf8').digest('hex').slice(0, 32);
}

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
  adminFolder: AdminFolderLines = WINDOWS_ADMIN_FOLDER,
): ElevatedCommand {
  const name = adminFolderName(outputDir);
  const elevatedScript = innerScript(inner, name, encoding, adminFolder);
  const elevatedParameters = bootstrapParameters(outputDir, elevatedScript);
  const script = outerScript(
    systemRoot,
    outputDir,
    name,
    adminFolder.programData,
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

/**
 * The lines only Windows has, kept apart so a test on Linux can name its
 * stand-ins (and say so): where ProgramData is (the known folder, not the
 * environment variable), creating a folder with its ACL in the same call
 * (no moment with an inherited, user-writable ACL), and checking the owner
 * of a folder that was there before setting the ACL again.
 */
export interface AdminFolderLines {
  /** Sets $base. */
  programData: string;
  /** Defines New-AdminFolder($path). */
  newAdminFolder: string;
  /** Defines Protect-AdminFolder($path). */
  protectAdminFolder: string;
}

export const WINDOWS_ADMIN_FOLDER: AdminFolderLines = {
  programData: "$base = [Environment]::GetFolderPath('CommonApplicationData')",
  newAdminFolder: `function New-AdminFolder([string]$path) { $s = New-Object Security.AccessControl.DirectorySecurity; $s.SetSecurityDescriptorSddlForm(${psLiteral(ADMIN_FOLDER_SDDL)}); [void][IO.Directory]::CreateDirectory($path, $s) }`,
  protectAdminFolder: `function Protect-AdminFolder([string]$path) { $item = Get-Item -LiteralPath $path -Force; $s = $item.GetAccessControl(); $owner = $s.GetOwner([Security.Principal.SecurityIdentifier]).Value; if (${ADMIN_OWNERS.map((sid) => `$owner -ne '${sid}'`).join(' -and ')}) { throw "$path belongs to $owner, not to the administrators" }; $s.SetSecurityDescriptorSddlForm(${psLiteral(ADMIN_FOLDER_SDDL)}); $item.SetAccessControl($s) }`,
};

/**
 * The elevated side's own folder, made safe to write to as administrator,
 * in `$out`; exits FOLDER_REFUSED otherwise. Also for the scripts that run
 * as administrator without UAC, when the app itself is elevated, so the
 * folder is the same whichever way they run. `then` runs once it is safe.
 */
export function adminFolderLines(
  name: string,
  lines: AdminFolderLines,
  then: readonly string[] = [],
): string[] {
  return [
    lines.programData,
    lines.newAdminFolder,
    lines.protectAdminFolder,
    'function Assert-PlainFolder([string]$path) {',
    '  $item = Get-Item -LiteralPath $path -Force',
    '  if (($item.Attributes -band [IO.FileAttributes]::ReparsePoint) -ne 0) { throw "$path is a link (junction or symbolic link)" }',
    '  if (($item.Attributes -band [IO.FileAttributes]::Directory) -eq 0) { throw "$path is not a folder" }',
    '}',
    'try {',
    "  if (-not $base) { throw 'Windows did not say where its ProgramData folder is' }",
    '  Assert-PlainFolder $base',
    '  $out = $base',
    `  foreach ($name in @(${[...ADMIN_FOLDER, name].map(psLiteral).join(', ')})) {`,
    '    $out = [IO.Path]::Combine($out, $name)',
    '    if (-not [IO.Directory]::Exists($out)) { New-AdminFolder $out }',
    '    Assert-PlainFolder $out',
    '    Protect-AdminFolder $out',
    '  }',
    ...then.map((line) => `  ${line}`),
    '} catch {',
    '  [Console]::Error.WriteLine([string]$_.Exception.Message)',
    `  exit ${FOLDER_REFUSED}`,
    '}',
  ];
}

/** The files the elevated side answers with, in its own folder. */
const RESULT_FILES = {
  stdout: ELEVATED_FILES.stdout,
  stderr: ELEVATED_FILES.stderr,
  exitCode: ELEVATED_FILES.exitCode,
  error: ELEVATED_FILES.error,
} as const;

function innerScript(
  inner: Command,
  name: string,
  encoding: OutputEncoding,
  lines: AdminFolderLines,
): string {
  const streamEncoding =
    encoding === 'utf8'
      ? 'New-Object System.Text.UTF8Encoding $false'
      : // Console tools (icacls) encode for the console they inherit, whatever the format culture says.
        '[Console]::OutputEncoding';
  const env = Object.entries(inner.env).map(
    ([name, value]) => `  $psi.EnvironmentVariables[${psLiteral(name)}] = ${psLiteral(value)}`,
  );
  const file = (name: string) => `([IO.Path]::Combine($out, ${psLiteral(name)}))`;
  return [
    "$ErrorActionPreference = 'Stop'",
    ...adminFolderLines(name, lines, [
      // A previous attempt's answer must not pass for this one's; Delete removes a link, never its target.
      `foreach ($old in @(${Object.values(RESULT_FILES).map(psLiteral).join(', ')})) { [IO.File]::Delete([IO.Path]::Combine($out, $old)) }`,
    ]),
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
    // Written last: its presence says the program ran to the end. The program's code travels in
    // it, so this script's own exit code stays free for what went wrong around the program.
    `  [IO.File]::WriteAllText(${file(ELEVATED_FILES.exitCode)}, [string]$p.ExitCode, $utf8)`,
    '  exit 0',
    '} catch {',
    `  [IO.File]::WriteAllText(${file(ELEVATED_FILES.error)}, [string]$_.Exception.Message, $utf8)`,
    '  exit 1',
    '}',
  ].join('\n');
}

/** The most of each answer file the outer script prints: the one runner keeps 4 MB of output. */
export const ANSWER_MAX_CHARS = 1_000_000;

function outerScript(
  systemRoot: string,
  outputDir: string,
  name: string,
  programData: string,
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
    '$code = $p.ExitCode',
    // The answer, read from the elevated side's folder (users may read it) and printed as one line.
    '$answer = [ordered]@{ exitCodeFile = $null; stdoutFile = $null; stderrFile = $null; errorFile = $null }',
    // 0 and 1 are the elevated script's own ends; anything else means it wrote nothing of this attempt.
    'if ($code -eq 0 -or $code -eq 1) {',
    `  ${programData}`,
    `  $results = [IO.Path]::Combine($base, ${[...ADMIN_FOLDER, name].map(psLiteral).join(', ')})`,
    `  foreach ($pair in @(${(
      [
        ['exitCodeFile', ELEVATED_FILES.exitCode],
        ['stdoutFile', ELEVATED_FILES.stdout],
        ['stderrFile', ELEVATED_FILES.stderr],
        ['errorFile', ELEVATED_FILES.error],
      ] as const
    )
      .map(([key, file]) => `@(${psLiteral(key)}, ${psLiteral(file)})`)
      .join(', ')})) {`,
    '    $path = [IO.Path]::Combine($results, $pair[1])',
    '    if ([IO.File]::Exists($path)) {',
    '      $text = [IO.File]::ReadAllText($path, (New-Object System.Text.UTF8Encoding $false))',
    `      if ($text.Length -gt ${ANSWER_MAX_CHARS}) { $text = $text.Substring($text.Length - ${ANSWER_MAX_CHARS}) }`,
    '      $answer[$pair[0]] = $text',
    '    }',
    '  }',
    '}',
    `[Console]::Out.WriteLine(${psLiteral(ANSWER_MARK)} + ($answer | ConvertTo-Json -Compress))`,
    'exit $code',
  ].join('\n');
}

/** Starts the outer script's one line of answer, so nothing else it printed is taken for it. */
export const ANSWER_MARK = 'PIP-DOCTOR-ELEVATED-ANSWER ';

const AnswerSchema = z.object({
  exitCodeFile: z.string().nullable(),
  stdoutFile: z.string().nullable(),
  stderrFile: z.string().nullable(),
  errorFile: z.string().nullable(),
});

/** The outer script's answer line, or every file missing when it printed none. */
export function readElevatedAnswer(outer: {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}): ElevatedTrace {
  const none = { exitCodeFile: null, stdoutFile: null, stderrFile: null, errorFile: null };
  const line = outer.stdout
    .split(/\r?\n/)
    .reverse()
    .find((candidate) => candidate.startsWith(ANSWER_MARK));
  let files: z.infer<typeof AnswerSchema> = none;
  if (line !== undefined) {
    try {
      files = AnswerSchema.parse(JSON.parse(line.slice(ANSWER_MARK.length)));
    } catch {
      files = none;
    }
  }
  return { outerExitCode: outer.exitCode, outerStderr: outer.stderr, ...files };
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
  | { kind: 'failed'; message: Message };

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
    return {
      kind: 'failed',
      message: msg(runWords.elevatedFailed, { reason: trace.errorFile.trim() }),
    };
  }
  if (trace.outerExitCode === FOLDER_REFUSED) {
    return {
      kind: 'failed',
      message: msg(runWords.elevatedFolderRefused),
    };
  }
  if (trace.outerExitCode === SCRIPT_CHANGED) {
    return {
      kind: 'failed',
      message: msg(runWords.elevatedScriptChanged),
    };
  }
  const code = trace.outerExitCode === null ? 'none' : String(trace.outerExitCode);
  const output = trace.outerStderr.trim();
  return {
    kind: 'failed',
    message:
      output === ''
        ? msg(runWords.elevatedNoReport, { code })
        : msg(runWords.elevatedNoReportWith, { code, output }),
  };
}
