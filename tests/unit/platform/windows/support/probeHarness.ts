import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../../../../electron/platform/runProcess';
import type { RunResult } from '../../../../../electron/platform/runProcess';
import { SECTION_NAMES } from '../../../../../electron/platform/windows/probeDocument';
import type { ProbeDocument } from '../../../../../electron/platform/windows/probeDocument';
import { readProbeOutput } from '../../../../../electron/platform/windows/probeScript';
import type { ScriptRequest } from '../../../../../electron/platform/windows/probeScript';
import { probeScriptPath } from '../../../../../electron/platform/windows/probeScriptPath';
import { findPwsh } from '../../../../support/pwsh';

/**
 * The real assets/windows/pip-doctor-probe.ps1 run by the real PowerShell 7
 * on this machine, with only its Windows calls (the functions whose noun is
 * Windows) answered by fakeWindows.ps1 from a machine the test describes.
 * Its stdout goes through the app's own reader (readProbeOutput) and zod
 * schema, exactly as a real run's would.
 */

export const PWSH = findPwsh();

/** A recorded failure: what the call throws ("throw"), or how a process read fails ("fail"). */
export type Failure = { throw: string } | { fail: 'denied' | 'exited' };

export interface Win32Process {
  ProcessId: number;
  ParentProcessId: number;
  Name: string;
  ExecutablePath: string | null;
  CommandLine: string | null;
  /** As CIM gives it: a local time; written here with its offset. */
  CreationDate: string | null;
}

export interface AccessRule {
  sid: string;
  /** The mask as an unsigned number (0xA0000000 for GENERIC_READ|GENERIC_EXECUTE). */
  rights: number;
  type: 'Allow' | 'Deny';
  inherited: boolean;
  inheritance: string;
  propagation: string;
}

export interface LockingProcess {
  pid: number;
  /** UTC, as the Restart Manager gives it (DateTime.FromFileTimeUtc). */
  started: string;
  appName: string;
  serviceName: string;
  appType: number;
}

/** The Windows a test runs the probe on; a missing entry answers as Windows does when it is missing. */
export interface FakeWindows {
  token?:
    | {
        userSid: string;
        userName: string;
        elevated: boolean;
        groups: Array<{ sid: string; denyOnly: boolean }>;
      }
    | Failure;
  whoami?: { user: string[]; groups: string[] } | Failure;
  registry?: Record<string, Record<string, unknown> | Failure>;
  defender?:
    | {
        EnableControlledFolderAccess: number;
        ControlledFolderAccessProtectedFolders: string[] | null;
      }
    | Failure;
  items?: Record<string, { PSIsContainer: boolean; Attributes: string } | Failure>;
  acl?: Record<string, { owner: string; protected: boolean; rules: AccessRule[] } | Failure>;
  sddl?: Record<string, string | Failure>;
  names?: Record<string, string>;
  processTable?: Failure;
  processes?: Win32Process[];
  owners?: Record<
    string,
    | {
        owner: { ReturnValue: number; Domain: string | null; User: string | null };
        ownerSid: { ReturnValue: number; Sid: string | null };
      }
    | Failure
  >;
  modules?: Record<string, { started: string; files: string[] } | Failure>;
  native?: Failure;
  locks?: Record<string, { error?: number; rebootReasons?: number; processes: LockingProcess[] }>;
}

/** What the fakes were asked, in order. */
export interface FakeCalls {
  /** Each Restart Manager registration: the files it was given. */
  locks: string[][];
  /** The pids whose owner was looked up. */
  owners: number[];
  names: string[];
  native: number;
  token: number;
}

export interface FakeRun {
  run: RunResult;
  document: ProbeDocument;
  /** The script's JSON lines, as printed, in order. */
  lines: Array<Record<string, unknown>>;
  calls: FakeCalls;
}

export interface FakeRunOptions {
  languageMode?: 'FullLanguage' | 'ConstrainedLanguage';
  /** Windows functions to keep as the script defines them (Initialize-WindowsNativeCode). */
  real?: string[];
  /** The time zone the PowerShell runs in: Windows hands out local times. */
  timeZone?: string;
  timeoutMs?: number;
}

const HARNESS = join(__dirname, 'probeHarness.ps1');
const FAKES = readFileSync(join(__dirname, 'fakeWindows.ps1'), 'utf8');

export function scriptRequest(request: Partial<ScriptRequest> = {}): ScriptRequest {
  return {
    sections: [...SECTION_NAMES],
    folders: [],
    priorityPaths: [],
    holderRoots: [],
    interpreters: [],
    cacheDir: null,
    budgetMs: 60_000,
    ...request,
  };
}

export async function probeOnFakeWindows(
  machine: FakeWindows,
  request: Partial<ScriptRequest> = {},
  options: FakeRunOptions = {},
): Promise<FakeRun> {
  if (PWSH === null) throw new Error('pwsh is not installed');
  const timeoutMs = options.timeoutMs ?? 120_000;
  const run = await runProcess(PWSH, ['-NoProfile', '-NonInteractive', '-File', HARNESS], {
    timeoutMs,
    maxOutputBytes: 32 * 1024 * 1024,
    env: {
      ...process.env,
      TZ: options.timeZone ?? 'UTC',
      POWERSHELL_TELEMETRY_OPTOUT: '1',
      POWERSHELL_UPDATECHECK: 'Off',
    },
    stdin: JSON.stringify({
      probe: readFileSync(probeScriptPath(), 'utf8'),
      fakes: FAKES,
      machine,
      request: scriptRequest(request),
      languageMode: options.languageMode ?? 'FullLanguage',
      real: options.real ?? [],
    }),
  });
  const all = run.stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const calls = all.find((line) => 'fakeCalls' in line)?.fakeCalls as FakeCalls | undefined;
  const lines = all.filter((line) => !('fakeCalls' in line));
  const scriptOutput = lines.map((line) => JSON.stringify(line)).join('\n');
  return {
    run,
    document: readProbeOutput({ ...run, stdout: scriptOutput }, timeoutMs),
    lines,
    calls: calls ?? { locks: [], owners: [], names: [], native: 0, token: 0 },
  };
}

/** The script's lines exactly as printed, for checks on the raw JSON (before zod reads it). */
export function rawLines(run: RunResult): string[] {
  return run.stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith('{') && !line.includes('"fakeCalls"'));
}
