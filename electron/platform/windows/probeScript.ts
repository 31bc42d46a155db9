import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appCacheDir } from '../appCacheDir';
import type { RunResult } from '../runProcess';
import type { CommandRunner } from './commandRunner';
import { systemRootOf } from './commandRunner';
import { powershellPath } from './powershell';
import { failedDocument, ProbeDocumentSchema } from './probeDocument';
import type { ProbeDocument, SectionName } from './probeDocument';

/** What one run of the script is asked to look at; written to a file, never into script text. */
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

export interface ProbeScriptOptions {
  run: CommandRunner;
  env: NodeJS.ProcessEnv;
  /** Resolved when the run starts, so a missing script is that run's failure, not the app's. */
  scriptPath: () => string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Generous: Add-Type compiles the Restart Manager's C# on every run (a
 * second or more on a slow machine), and the first CIM query after boot can
 * take several seconds.
 */
const DEFAULT_TIMEOUT_MS = 60_000;
/** A process table with every command line of a busy machine stays far below this. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/** `-File` rather than `-Command`: the script's path and the request's are plain arguments. */
export function powershellArguments(scriptPath: string, requestPath: string): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-File',
    scriptPath,
    requestPath,
  ];
}

/**
 * Runs assets/windows/pip-doctor-probe.ps1 once and returns its document.
 * Never rejects: when PowerShell cannot start, times out or prints something
 * else, every section comes back failed with the reason in words.
 */
export async function runProbeScript(
  request: ProbeRequest,
  options: ProbeScriptOptions,
): Promise<ProbeDocument> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let folder: string | null = null;
  try {
    const script = options.scriptPath();
    folder = await workingFolder(options.env);
    const requestPath = join(folder, 'request.json');
    await writeFile(requestPath, JSON.stringify(request), 'utf8');
    const run = await options.run(
      powershellPath(systemRootOf(options.env)),
      powershellArguments(script, requestPath),
      {
        timeoutMs,
        maxOutputBytes: MAX_OUTPUT_BYTES,
        signal: options.signal,
        env: withTempFolder(options.env, folder),
      },
    );
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
 * A private folder for the request file: in the temporary folder, or, when
 * TEMP is missing, read-only or full (the very thing a user may have come
 * with), in Pip Doctor's own cache folder. Throws only when neither works.
 */
async function workingFolder(env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return await mkdtemp(join(tmpdir(), 'pip-doctor-'));
  } catch (error) {
    const cache = appCacheDir(env);
    try {
      await mkdir(cache, { recursive: true });
      return await mkdtemp(join(cache, 'probe-'));
    } catch {
      throw new Error(
        `no folder to write its request in: the temporary folder ${tmpdir()} failed (${(error as NodeJS.ErrnoException).code ?? String(error)}), and so did ${cache}`,
      );
    }
  }
}

/**
 * The script's Add-Type compiles C# in the temporary folder (GetTempPath:
 * TMP, then TEMP); pointed at the working folder, a broken TEMP of the user's
 * cannot fail it, and what the compiler leaves goes when the folder does.
 */
function withTempFolder(env: NodeJS.ProcessEnv, folder: string): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^(?:TMP|TEMP)$/i.test(name)),
  );
  return { ...kept, TMP: folder, TEMP: folder };
}

/** The run's stdout as a document, or a document whose sections all say what went wrong. */
export function readProbeOutput(run: RunResult, timeoutMs: number): ProbeDocument {
  if (run.spawnError) {
    return failedDocument(
      `Windows PowerShell could not be started (${run.spawnError.code}): ${run.spawnError.message}`,
    );
  }
  if (run.cancelled)
    return failedDocument('The scan was cancelled before Windows PowerShell answered.');
  if (run.timedOut) {
    return failedDocument(
      `Windows PowerShell did not answer within ${Math.round(timeoutMs / 1000)} s and was stopped.`,
    );
  }
  // Only the document: a stray BOM or a line written before it by a host must not spoil it.
  const start = run.stdout.indexOf('{');
  const end = run.stdout.lastIndexOf('}');
  if (start < 0 || end < start) {
    const why = lastLine(run.stderr) ?? lastLine(run.stdout) ?? 'no output';
    return failedDocument(
      `Windows PowerShell gave no answer (exit status ${run.exitCode ?? 'none'}): ${why}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(run.stdout.slice(start, end + 1));
  } catch (error) {
    const cut = run.truncated ? ' (the output was cut off at its size limit)' : '';
    return failedDocument(
      `Windows PowerShell's answer is not valid JSON${cut}: ${(error as Error).message}`,
    );
  }
  const parsed = ProbeDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failedDocument(
      `Windows PowerShell's answer is not in the expected shape: ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

function lastLine(text: string): string | null {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.at(-1)?.trim().slice(0, 300) ?? null;
}
