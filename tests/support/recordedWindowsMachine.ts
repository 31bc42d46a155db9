import { fixtureMessage } from './fixtureMessage';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import { classifyLogText } from '../../electron/engine/logClassifier';
import type { LogFinding } from '../../electron/shared/model/logFinding';
import { probeInterpreter } from '../../electron/platform/interpreterProbe';
import type { InterpreterFacts } from '../../electron/platform/systemProbe';
import type { RunResult } from '../../electron/platform/runProcess';
import type { SystemProbe } from '../../electron/platform/systemProbe';
import type { CommandRunner } from '../../electron/platform/windows/commandRunner';
import { SECTION_NAMES } from '../../electron/platform/windows/probeDocument';
import type { ProbeRequest } from '../../electron/platform/windows/probeScript';
import type { WindowsFiles } from '../../electron/platform/windows/windowsFiles';
import { probeScriptPath } from '../../electron/platform/windows/probeScriptPath';
import { createWindowsSystemProbe } from '../../electron/platform/windows/windowsSystemProbe';
import type { WriteProbe } from '../../electron/platform/writeProbe';
import { FIXTURES } from './repoPaths';

export const WINDOWS_FIXTURES = join(FIXTURES, 'windows');

/** Every recorded Windows machine in tests/fixtures/windows (a test checks the folder agrees). */
export const RECORDED_WINDOWS_MACHINES = [
  'all-users-not-elevated',
  'per-user-spyder',
  'store-python',
  'venv-jupyter-vscode',
  'pip-self-upgrade',
  'deny-entry',
  'german-windows',
  'chinese-windows',
  'long-path',
] as const;

/**
 * A Windows machine replayed from tests/fixtures/windows/<situation>: the
 * outputs where.exe, py.exe, reg.exe and the PowerShell script printed
 * (bytes as the tool wrote them, decoded the way the one runner decodes
 * them), each interpreter's probe answer, and machine.json, the setup that
 * is not program output (environment, which files exist, write probe
 * results, the pip log). No Windows program runs here.
 */
const FileSchema = z.object({
  kind: z.enum(['file', 'folder', 'alias', 'launcher']),
  target: z.string().optional(),
  tail: z.string().optional(),
  /** A small text file's content (pyvenv.cfg), as readText returns it. */
  text: z.string().optional(),
  /** A folder's free space (GetDiskFreeSpaceEx), for everything below it. */
  freeBytes: z.number().optional(),
});

const MachineSchema = z.object({
  about: z.string(),
  userName: z.string(),
  projectDir: z.string(),
  env: z.record(z.string(), z.string()),
  files: z.record(z.string(), FileSchema),
  interpreters: z.record(z.string(), z.string()),
  writeProbes: z.record(
    z.string(),
    z.object({
      exists: z.boolean(),
      probedPath: z.string().nullable(),
      writable: z.boolean().nullable(),
      errorCode: z.string().nullable(),
      leftBehind: z.string().nullable(),
    }),
  ),
  tools: z.object({
    where: z.string(),
    py: z.string().optional(),
    regHKCU: z.string().optional(),
    regHKLM64: z.string().optional(),
    regHKLM32: z.string().optional(),
    powershell: z.string(),
  }),
  pipLog: z.string(),
});
export type MachineSetup = z.infer<typeof MachineSchema>;

export interface RecordedMachine {
  setup: MachineSetup;
  probe: SystemProbe;
  env: NodeJS.ProcessEnv;
  log: LogFinding;
  /** Every program the backend ran, in order. */
  runs: Array<{ program: string; args: readonly string[] }>;
  /** What each PowerShell run was asked. */
  requests: ProbeRequest[];
  /** Every interpreter path the backend asked to probe. */
  probed: string[];
}

const fold = (path: string) => path.toLowerCase().replace(/\\+$/, '');

/** The recorded file system: the listed files, and every folder above them. */
export class RecordedFiles implements WindowsFiles {
  private readonly entries = new Map<string, z.infer<typeof FileSchema> & { path: string }>();
  private readonly folders = new Map<string, Set<string>>();

  constructor(
    files: MachineSetup['files'],
    private readonly folder: string,
  ) {
    for (const [path, file] of Object.entries(files)) {
      this.entries.set(fold(path), { ...file, path });
      let child = path;
      for (let parent = win32.dirname(path); parent !== child; parent = win32.dirname(parent)) {
        const names = this.folders.get(fold(parent)) ?? new Set<string>();
        names.add(win32.basename(child));
        this.folders.set(fold(parent), names);
        child = parent;
      }
      if (file.kind === 'folder' && !this.folders.has(fold(path)))
        this.folders.set(fold(path), new Set());
    }
  }

  async exists(path: string) {
    return this.entries.has(fold(path)) || this.folders.has(fold(path));
  }
  async isMissing(path: string) {
    return !(await this.exists(path));
  }
  async isFolder(path: string) {
    return this.folders.has(fold(path));
  }
  async listDir(path: string) {
    return [...(this.folders.get(fold(path)) ?? [])].sort();
  }
  async readText(path: string) {
    return this.entries.get(fold(path))?.text ?? null;
  }
  async readTail(path: string, bytes: number) {
    const entry = this.entries.get(fold(path));
    if (entry?.kind !== 'launcher' || !entry.tail) return null;
    const data = readFileSync(join(this.folder, entry.tail));
    return data.subarray(Math.max(0, data.length - bytes));
  }
  async linkTarget(path: string) {
    const entry = this.entries.get(fold(path));
    return entry?.kind === 'alias' ? (entry.target ?? null) : null;
  }
  async realPath(path: string) {
    return path;
  }
  async freeBytes(path: string) {
    for (let at = path; ; at = win32.dirname(at)) {
      const free = this.entries.get(fold(at))?.freeBytes;
      if (free !== undefined) return free;
      if (win32.dirname(at) === at) return null;
    }
  }
}

/** A run that printed this text and exited 0. */
export function recordedRun(stdout: string): RunResult {
  return output(Buffer.from(stdout, 'utf8'));
}

/** What the one runner returns for bytes a program wrote: decoded as UTF-8, as runProcess does. */
function output(stdout: Buffer, exitCode = 0, stderr = ''): RunResult {
  const decoder = new StringDecoder('utf8');
  return {
    exitCode,
    signal: null,
    stdout: decoder.write(stdout) + decoder.end(),
    stderr,
    timedOut: false,
    cancelled: false,
    truncated: false,
    spawnError: null,
    durationMs: 12,
  };
}

/** reg.exe's answer for a hive without a Python key (§6.4: the message is localised, the exit code is 1). */
const NO_KEY = output(
  Buffer.from(''),
  1,
  'ERROR: The system was unable to find the specified registry key or value.\r\n',
);

/** What the bootstrap reads on stdin: the script's text and the request, of which only the scan's part is kept. */
const ScriptInputSchema = z.object({
  script: z.string().includes('function Invoke-PipDoctorProbe'),
  request: z
    .object({
      sections: z.array(z.enum(SECTION_NAMES)),
      folders: z.array(z.string()),
      priorityPaths: z.array(z.string()),
      holderRoots: z.array(z.string()),
      interpreters: z.array(z.string()),
    })
    .strip(),
});

export function loadRecordedMachine(
  situation: string,
  recorded: { powershell?: (request: ProbeRequest) => RunResult } = {},
): RecordedMachine {
  const folder = join(WINDOWS_FIXTURES, situation);
  const read = (file: string) => readFileSync(join(folder, file));
  const setup = MachineSchema.parse(JSON.parse(read('machine.json').toString('utf8')));
  const env: NodeJS.ProcessEnv = { ...setup.env };
  const runs: RecordedMachine['runs'] = [];
  const requests: ProbeRequest[] = [];
  const probed: string[] = [];

  const run: CommandRunner = async (program, args, runOptions) => {
    runs.push({ program, args });
    const tool = win32.basename(program).toLowerCase();
    if (tool === 'where.exe') return output(read(setup.tools.where), 0);
    if (tool === 'py.exe') {
      return setup.tools.py ? output(read(setup.tools.py)) : { ...NO_KEY, exitCode: 103 };
    }
    if (tool === 'reg.exe') {
      // `reg export <key> <file> /y [/reg:NN]`: the recorded export written where it was asked for.
      if (args[0] !== 'export')
        throw new Error(`the recorded machine only exports: reg ${args[0]}`);
      const view = args[1]!.startsWith('HKCU')
        ? setup.tools.regHKCU
        : args.includes('/reg:32')
          ? setup.tools.regHKLM32
          : setup.tools.regHKLM64;
      if (!view) return NO_KEY;
      writeFileSync(args[2]!, read(view));
      return output(Buffer.from('The operation completed successfully.\r\n'));
    }
    if (tool === 'powershell.exe') {
      // The script and its request arrive on stdin, as the bootstrap reads them.
      const { request } = ScriptInputSchema.parse(JSON.parse(runOptions.stdin ?? 'null'));
      requests.push(request);
      return recorded.powershell?.(request) ?? output(read(setup.tools.powershell));
    }
    throw new Error(`the recorded machine has no output for ${program}`);
  };

  const answers = recordedInterpreters(setup, folder);
  const probe = createWindowsSystemProbe(env, {
    run,
    files: new RecordedFiles(setup.files, folder),
    probeWritable: async (dir) => writeProbeFor(setup, dir),
    probeInterpreter: async (executable, signal) => {
      probed.push(executable);
      if (process.platform === 'win32') return recordedFacts(executable, setup, folder);
      const stub = answers.get(executable) ?? join(answers.scratch, 'missing-interpreter');
      // The real probe, run against a stand-in that prints the recorded answer: the same parsing and judging.
      const facts = await probeInterpreter(stub, { signal, cacheDir: null, env: {} });
      return { ...facts, executable };
    },
    // The real script: the backend reads its text and sends it to PowerShell.
    scriptPath: () => probeScriptPath(),
    userName: () => setup.userName,
  });
  return {
    setup,
    probe,
    env,
    log: classifyLogText(read(setup.pipLog).toString('utf8')),
    runs,
    requests,
    probed,
  };
}

/** Folders without a recorded write probe are writable, as most of a user's folders are. */
function writeProbeFor(setup: MachineSetup, dir: string): WriteProbe {
  const recorded = Object.entries(setup.writeProbes).find(([path]) => fold(path) === fold(dir));
  return (
    recorded?.[1] ?? {
      exists: true,
      probedPath: dir,
      writable: true,
      errorCode: null,
      leftBehind: null,
    }
  );
}

/**
 * On Windows no shell script can stand in for an interpreter (and the one
 * runner refuses .cmd files), so there the recorded answer is turned into
 * facts here, field by field as interpreterProbe.ts does. The real probe's
 * parsing of these answers runs on Linux.
 */
function recordedFacts(executable: string, setup: MachineSetup, folder: string): InterpreterFacts {
  const file = setup.interpreters[executable];
  const answer = file
    ? (JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>)
    : null;
  const text = (key: string) => (answer?.[key] as string | null | undefined) ?? null;
  const paths = (answer?.paths ?? null) as Record<string, string> | null;
  return {
    status: answer ? 'ok' : 'crashed',
    statusDetail: answer
      ? null
      : fixtureMessage(`"${executable}" could not be started: the file does not exist (ENOENT).`),
    executable,
    realExecutable: text('realExecutable'),
    version: text('version'),
    implementation: text('implementation'),
    prefix: text('prefix'),
    basePrefix: text('basePrefix'),
    inVenv: answer?.inVenv === true,
    purelib: paths?.purelib ?? null,
    platlib: paths?.platlib ?? null,
    scripts: paths?.scripts ?? null,
    stdlib: text('stdlib'),
    userSite: text('userSite'),
    userScripts: text('userScripts'),
    userSiteEnabled: (answer?.userSiteEnabled as boolean | null | undefined) ?? null,
    pipVersion: text('pipVersion'),
    externallyManaged: answer?.externallyManaged === true,
    condaPrefix: answer?.condaPrefix === true,
    platform: text('platform'),
    durationMs: 1,
  };
}

let stubFolder: string | null = null;
let stubCount = 0;

/** One folder for every stand-in of this test file, removed when the test process ends. */
function scratchFolder(): string {
  if (stubFolder === null) {
    const folder = mkdtempSync(join(tmpdir(), 'pip-doctor-windows-'));
    chmodSync(folder, 0o755);
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    stubFolder = folder;
  }
  return stubFolder;
}

/** One executable stand-in per recorded answer: a script that prints it, whatever it is asked. */
function recordedInterpreters(setup: MachineSetup, folder: string) {
  const scratch = scratchFolder();
  const stubs = new Map<string, string>();
  Object.entries(setup.interpreters).forEach(([executable, answer]) => {
    const stub = join(scratch, `python-${(stubCount += 1)}`);
    writeFileSync(stub, `#!/bin/sh\ncat '${join(folder, answer)}'\n`, { mode: 0o755 });
    stubs.set(executable, stub);
  });
  return Object.assign(stubs, { scratch });
}
