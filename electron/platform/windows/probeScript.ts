import { readFile, rm } from 'node:fs/promises';
import { appCacheDir } from '../appCacheDir';
import type { RunResult } from '../runProcess';
import type { CommandRunner } from './commandRunner';
import { systemRootOf } from './commandRunner';
import { encodeScript, powershellPath } from './powershell';
import { failedDocument, mergeProbeLines, probeDocumentFrom } from './probeDocument';
import { workingFolder } from './workingFolder';
import type { ProbeDocument, SectionName } from './probeDocument';

/** What one run of the script is asked to look at; handed over as data, never as script text. */
export interface ProbeRequest {
  sections: SectionName[];
  /** Folders whose access list explains why pip cannot write there. */
  folders: string[];
  /** The files a failing pip run named: asked of the Restart Manager one by one. */
  priorityPaths: string[];
  /** Install folders: their loaded modules and their binaries' holders. */
  holderRoots: string[];
  /** Install executables: their processes' modules are read even outside the usual names. */
  interpreters: string[];
}

/** The request as the script reads it: also where it may keep its compiled code, and its time. */
export interface ScriptRequest extends ProbeRequest {
  /** Pip Doctor's cache folder, for the compiled Restart Manager code; null to compile in memory. */
  cacheDir: string | null;
  /** How long the script may take before the run is stopped; it cuts its own slow parts short. */
  budgetMs: number;
}

export interface ProbeScriptOptions {
  run: CommandRunner;
  env: NodeJS.ProcessEnv;
  /** Resolved when the run starts, so a missing script is that run's failure, not the app's. */
  scriptPath: () => string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Default: Pip Doctor's cache folder (appCacheDir); null keeps nothing between runs. */
  cacheDir?: string | null;
}

/**
 * Generous: the first CIM query after boot can take several seconds, and
 * the first run on a machine compiles the Restart Manager's C#. What the
 * script printed before the limit is kept; only the parts still missing
 * then are reported as not answered.
 */
const DEFAULT_TIMEOUT_MS = 60_000;
/** The script's own budget ends this much before the run is stopped, so it can still print. */
const SCRIPT_MARGIN_MS = 5_000;
/** A process table with every command line of a busy machine stays far below this. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/**
 * The fixed text PowerShell runs (as -EncodedCommand). It reads one JSON
 * document from stdin, { script, request }, defines the probe's functions
 * from the script's text and runs it with the request as data. No file is
 * run, so no execution policy applies: a Group Policy AllSigned overrides
 * `-ExecutionPolicy Bypass -File` on managed PCs, not this. It uses only what
 * Constrained Language Mode allows. Every error is caught, so PowerShell
 * never prints an error record (which, with -EncodedCommand and redirected
 * streams, it writes to stderr as CLIXML): the message goes to stdout as a
 * {"fatal"} line, to stderr as plain text where the language allows it, and
 * the exit status is 1.
 */
export const PROBE_BOOTSTRAP = `$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$WarningPreference = 'SilentlyContinue'
$InformationPreference = 'SilentlyContinue'
try {
  $envelope = ConvertFrom-Json -InputObject (@($input) -join "\`n")
  Invoke-Expression -Command ([string]$envelope.script)
  Invoke-PipDoctorProbe -Request $envelope.request
} catch {
  $cause = $_.Exception
  while ($null -ne $cause.InnerException) { $cause = $cause.InnerException }
  $message = ([string]$cause.Message -replace '\\s+', ' ').Trim()
  $line = ConvertTo-Json -Compress -InputObject ([ordered]@{ pipDoctorWindowsProbe = 1; fatal = $message })
  (($line -split '([^\\x00-\\x7F])') | ForEach-Object { if ($_.Length -eq 1 -and [int][char]$_ -gt 127) { '\\u{0:x4}' -f [int][char]$_ } else { $_ } }) -join ''
  try { [Console]::Error.WriteLine($message) } catch { }
  exit 1
}
exit 0
`;

/**
 * powershell.exe's arguments: no profile, no prompts, text in and out, and
 * the bootstrap. Nothing in them comes from the request.
 */
export function probeArguments(): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    '-NoLogo',
    '-InputFormat',
    'Text',
    '-OutputFormat',
    'Text',
    '-EncodedCommand',
    encodeScript(PROBE_BOOTSTRAP),
  ];
}

/**
 * What the bootstrap reads on stdin: one line of JSON with every character
 * outside ASCII escaped, so the console's input code page (the OEM one, in
 * Windows PowerShell) cannot change a path.
 */
export function probeInput(script: string, request: ScriptRequest): string {
  const json = JSON.stringify({ script, request }).replace(
    /[\u007f-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}

/**
 * Runs assets/windows/pip-doctor-probe.ps1 once and returns its document.
 * Never rejects: when PowerShell cannot start, times out or prints something
 * else, the sections it did not answer come back failed with the reason in
 * words, and those it answered are kept.
 */
export async function runProbeScript(
  request: ProbeRequest,
  options: ProbeScriptOptions,
): Promise<ProbeDocument> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let folder: string | null = null;
  try {
    const script = await readFile(options.scriptPath(), 'utf8');
    folder = await workingFolder(options.env);
    const scriptRequest: ScriptRequest = {
      ...request,
      cacheDir: options.cacheDir === undefined ? appCacheDir(options.env) : options.cacheDir,
      budgetMs: Math.max(1_000, timeoutMs - SCRIPT_MARGIN_MS),
    };
    const run = await options.run(powershellPath(systemRootOf(options.env)), probeArguments(), {
      timeoutMs,
      maxOutputBytes: MAX_OUTPUT_BYTES,
      signal: options.signal,
      env: withTempFolder(options.env, folder),
      stdin: probeInput(script, scriptRequest),
    });
    return readProbeOutput(run, timeoutMs);
  } catch (error) {
    return failedDocument(
      `Pip Doctor could not start its Windows probe: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    if (folder !== null) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Add-Type compiles C# in the temporary folder (GetTempPath: TMP, then
 * TEMP); pointed at the working folder, a broken TEMP of the user's cannot
 * fail it, and what the compiler leaves goes when the folder does.
 */
function withTempFolder(env: NodeJS.ProcessEnv, folder: string): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^(?:TMP|TEMP)$/i.test(name)),
  );
  return { ...kept, TMP: folder, TEMP: folder };
}

/**
 * The run's stdout lines as a document. What arrived is kept whatever ended
 * the run; the sections that never came say why: the time ran out, the
 * scan was cancelled, the output hit its size limit, or PowerShell stopped
 * with the first line of its message that says something.
 */
export function readProbeOutput(run: RunResult, timeoutMs: number): ProbeDocument {
  if (run.spawnError) {
    return failedDocument(
      `Windows PowerShell could not be started (${run.spawnError.code}): ${run.spawnError.message}`,
    );
  }
  const seconds = Math.round(timeoutMs / 1000);
  const { merged, unreadable } = mergeProbeLines(run.stdout);
  if (merged === null) {
    if (run.cancelled)
      return failedDocument('The scan was cancelled before Windows PowerShell answered.');
    if (run.timedOut)
      return failedDocument(
        `Windows PowerShell did not answer within ${seconds} s and was stopped.`,
      );
    if (unreadable !== null) {
      const cut = run.truncated ? ' (the output was cut off at its size limit)' : '';
      return failedDocument(`Windows PowerShell's answer is not valid JSON${cut}: ${unreadable}`);
    }
    const why = firstMeaningfulLine(run.stderr) ?? lastLine(run.stdout) ?? 'no output';
    return failedDocument(
      `Windows PowerShell gave no answer (exit status ${run.exitCode ?? 'none'}): ${why}`,
    );
  }
  const fatal = typeof merged.fatal === 'string' ? merged.fatal : null;
  const missing = run.timedOut
    ? `Windows PowerShell did not answer this part within ${seconds} s and was stopped.`
    : run.cancelled
      ? 'The scan was cancelled before Windows PowerShell answered this part.'
      : run.truncated
        ? "Windows PowerShell's answer was cut off at its size limit before this part."
        : (fatal ??
          `Windows PowerShell stopped (exit status ${run.exitCode ?? 'none'}) before answering this part: ${firstMeaningfulLine(run.stderr) ?? 'no message'}`);
  const read = probeDocumentFrom(merged, missing);
  if ('document' in read) return read.document;
  return failedDocument(
    `Windows PowerShell's answer is not in the expected shape: ${read.problem}`,
  );
}

/**
 * The line of PowerShell's error output a person can act on. Windows
 * PowerShell 5.1 ends an error with where it happened and two lines of
 * category (`+ CategoryInfo ...`, `+ FullyQualifiedErrorId ...`); PowerShell
 * 7 draws the failing line (`Line |`, `~~~~`); with -EncodedCommand and a
 * redirected stderr either can come as CLIXML (PowerShell/PowerShell#5912).
 * The message is the first line that is none of those.
 */
export function firstMeaningfulLine(stderr: string): string | null {
  for (const raw of textOfClixml(stderr).split(/\r?\n/)) {
    const line = raw.replace(/^\s*\|\s?/, '').trim();
    if (line === '' || NOISE.some((pattern) => pattern.test(line))) continue;
    return line.slice(0, 300);
  }
  return null;
}

/** Lines that say where an error happened or what kind it is, not what went wrong. */
const NOISE = [
  /^\+/, // + CategoryInfo / + FullyQualifiedErrorId / + <the failing line> / + ~~~~
  /^~+$/,
  /^At (?:line:\d+|.+:\d+) char:\d+$/, // 5.1's position line
  /^Line \|$/, // 7's concise view
  /^\d+ \|/, // 7's numbered source line
  /^[\w-]+:$/, // 7's "Get-Item:" before the message on its own line
  /^#< CLIXML$/,
];

/**
 * The error text of a CLIXML stream (`#< CLIXML` then `<Objs>` of
 * `<S S="Error">text_x000D__x000A_</S>`), or the text itself when it is none.
 */
function textOfClixml(text: string): string {
  const start = text.indexOf('<Objs');
  if (!text.includes('#< CLIXML') || start < 0) return text;
  const strings = [...text.slice(start).matchAll(/<S S="Error">([^<]*)<\/S>/g)].map((match) =>
    (match[1] ?? '')
      .replace(/_x([0-9A-Fa-f]{4})_/g, (_all, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      )
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
  return `${text.slice(0, text.indexOf('#< CLIXML'))}\n${strings.join('')}`;
}

function lastLine(text: string): string | null {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.at(-1)?.trim().slice(0, 300) ?? null;
}
