import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeInterpreter } from '../../../electron/platform/interpreterProbe';
import type { ProbeOptions } from '../../../electron/platform/interpreterProbe';
import type { InterpreterFacts } from '../../../electron/platform/systemProbe';
import { INTERPRETER_PROBE_SCRIPT } from '../../../electron/platform/interpreterProbeScript';
import { PROBE_MARKER } from '../../../electron/platform/systemProbe';
import { probeArguments } from '../../../electron/platform/probeModule';
import { asNobodyTitle, canSwitchUser, NOBODY } from './accessAsUser';
import { REPO } from '../../support/repoPaths';

/** Every interpreter at once, as a scan asks them (diagnose starts each probe as it finds it). */
function probeInterpreters(executables: readonly string[], options: ProbeOptions) {
  return Promise.all(executables.map((executable) => probeInterpreter(executable, options)));
}

// Real interpreters of this machine, real folders; nothing is mocked.
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'pip-doctor-probe-module-')));
// uid 65534 must be able to reach the folders made here.
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SYSTEM_PYTHON = '/usr/bin/python3';
const MODULE = `${PROBE_MARKER}.py`;
const pyenvVersions = join(homedir(), '.pyenv', 'versions');
const python27 = join(pyenvVersions, '2.7.18', 'bin', 'python');
/** Every Python of this machine: the system one and each pyenv build. */
const machinePythons = [
  SYSTEM_PYTHON,
  ...(existsSync(pyenvVersions)
    ? readdirSync(pyenvVersions)
        .filter((version) => /^\d+\.\d+\.\d+$/.test(version))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((version) => join(pyenvVersions, version, 'bin', 'python'))
    : []),
].filter((python) => existsSync(python));

let folders = 0;
function folder(label: string): string {
  const dir = join(scratch, `${++folders}-${label}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The facts, without the time the probe took. */
function facts(result: InterpreterFacts): InterpreterFacts {
  return { ...result, durationMs: 0 };
}

/** The probe folder inside a cache folder: the only entry, named by the probe's hash. */
function probeFolder(cacheDir: string): string {
  const entries = readdirSync(cacheDir);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatch(/^probe-[0-9a-f]{16}$/);
  return join(cacheDir, entries[0]!);
}

/** The bytecode file a Python 3 writes for the probe module, by its own cache tag. */
function bytecodeOf(python: string, dir: string): string {
  const tag = execFileSync(python, ['-c', 'import sys; print(sys.implementation.cache_tag)'], {
    encoding: 'utf8',
  }).trim();
  return join(dir, '__pycache__', `${PROBE_MARKER}.${tag}.pyc`);
}

describe('the probe as a module in a cache folder', () => {
  it('installs the probe in the cache folder, and Python keeps its bytecode there', async () => {
    const cacheDir = join(folder('installs'), 'cache');

    const first = await probeInterpreter(SYSTEM_PYTHON, { cacheDir });

    expect(first.status, JSON.stringify(first.statusDetail)).toBe('ok');
    const dir = probeFolder(cacheDir);
    expect(readdirSync(dir).sort()).toEqual(['__pycache__', MODULE]);
    expect(readFileSync(join(dir, MODULE), 'utf8')).toBe(INTERPRETER_PROBE_SCRIPT);
    expect(statSync(bytecodeOf(SYSTEM_PYTHON, dir)).isFile()).toBe(true);
    // Only the user may read or change what the app runs.
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, MODULE)).mode & 0o777).toBe(0o600);
  });

  it('gives the same facts on the second probe, from the bytecode compiled by the first', async () => {
    const cacheDir = join(folder('second-probe'), 'cache');
    const first = await probeInterpreter(SYSTEM_PYTHON, { cacheDir });
    const bytecode = bytecodeOf(SYSTEM_PYTHON, probeFolder(cacheDir));
    const compiled = statSync(bytecode);

    const second = await probeInterpreter(SYSTEM_PYTHON, { cacheDir });

    expect(second.status, JSON.stringify(second.statusDetail)).toBe('ok');
    expect(facts(second)).toEqual(facts(first));
    const reused = statSync(bytecode);
    expect([reused.ino, reused.mtimeMs]).toEqual([compiled.ino, compiled.mtimeMs]);
  });

  it.skipIf(!existsSync(python27))(
    'serves Python 2.7 too, which keeps its bytecode beside the module',
    async () => {
      const cacheDir = join(folder('python27'), 'cache');

      const viaModule = await probeInterpreter(python27, { cacheDir });

      expect(viaModule).toMatchObject({ status: 'ok', version: '2.7.18' });
      const dir = probeFolder(cacheDir);
      expect(readdirSync(dir).sort()).toEqual([MODULE, `${PROBE_MARKER}.pyc`]);
      expect(facts(await probeInterpreter(python27, { cacheDir: null }))).toEqual(facts(viaModule));
    },
  );

  it('gives the same facts when the probe is passed as -c source (cacheDir: null)', async () => {
    const cacheDir = join(folder('as-source'), 'cache');
    const viaModule = await probeInterpreter(SYSTEM_PYTHON, { cacheDir });

    const asSource = await probeInterpreter(SYSTEM_PYTHON, { cacheDir: null });

    expect(asSource.status, JSON.stringify(asSource.statusDetail)).toBe('ok');
    expect(facts(asSource)).toEqual(facts(viaModule));
    expect(probeArguments(null)).toEqual(['-c', INTERPRETER_PROBE_SCRIPT]);
  });

  it('keeps the probe in the user’s cache folder by default, and nowhere with cacheDir: null', async () => {
    const cacheHome = folder('xdg-cache');
    const env = { ...process.env, XDG_CACHE_HOME: cacheHome };

    const asSource = await probeInterpreter(SYSTEM_PYTHON, { env, cacheDir: null });
    expect(asSource.status, JSON.stringify(asSource.statusDetail)).toBe('ok');
    expect(readdirSync(cacheHome)).toEqual([]);

    const byDefault = await probeInterpreter(SYSTEM_PYTHON, { env });
    expect(facts(byDefault)).toEqual(facts(asSource));
    expect(readFileSync(join(probeFolder(join(cacheHome, 'pip-doctor')), MODULE), 'utf8')).toBe(
      INTERPRETER_PROBE_SCRIPT,
    );
  });

  it('keeps answering after the cache folder is emptied while the app runs', async () => {
    const cacheDir = join(folder('emptied'), 'cache');
    const before = await probeInterpreter(SYSTEM_PYTHON, { cacheDir });
    rmSync(cacheDir, { recursive: true });

    const after = await probeInterpreters([SYSTEM_PYTHON, SYSTEM_PYTHON], { cacheDir });

    for (const result of after) {
      expect(result.status, JSON.stringify(result.statusDetail)).toBe('ok');
      expect(facts(result)).toEqual(facts(before));
    }
    expect(readFileSync(join(probeFolder(cacheDir), MODULE), 'utf8')).toBe(
      INTERPRETER_PROBE_SCRIPT,
    );
  });
});

describe('the probe when the cache folder cannot be written', () => {
  it('falls back to -c when a file stands where the cache folder should be', async () => {
    const file = join(folder('file-as-cache'), 'cache');
    writeFileSync(file, 'not a folder\n');

    const result = await probeInterpreter(SYSTEM_PYTHON, { cacheDir: file });

    expect(result.status, JSON.stringify(result.statusDetail)).toBe('ok');
    expect(facts(result)).toEqual(facts(await probeInterpreter(SYSTEM_PYTHON, { cacheDir: null })));
    expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
  });

  it('falls back to -c when a file stands where the probe’s own folder should be', async () => {
    // Learn the probe folder's name from a cache that works, then block it in another.
    const working = folder('name-source');
    await probeInterpreter(SYSTEM_PYTHON, { cacheDir: working });
    const name = basename(probeFolder(working));
    const cacheDir = folder('file-as-probe-folder');
    writeFileSync(join(cacheDir, name), 'not a folder\n');

    const result = await probeInterpreter(SYSTEM_PYTHON, { cacheDir });

    expect(result.status, JSON.stringify(result.statusDetail)).toBe('ok');
    expect(readdirSync(cacheDir)).toEqual([name]);
  });

  describe.skipIf(!canSwitchUser)(asNobodyTitle('as uid 65534 (nobody)'), () => {
    const TSX_CLI = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const SCRIPT = join(__dirname, 'printProbeFacts.ts');

    function probeAsNobody(python: string, cacheDir: string): Promise<InterpreterFacts> {
      const command = [
        'setpriv',
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        process.execPath,
        TSX_CLI,
        SCRIPT,
        python,
        cacheDir,
      ];
      return new Promise((resolve, reject) => {
        execFile(
          command[0]!,
          command.slice(1),
          { cwd: REPO, timeout: 60_000 },
          (error, stdout, stderr) => {
            if (error) reject(new Error(`${command.join(' ')} failed: ${stderr || error.message}`));
            else resolve(JSON.parse(stdout) as InterpreterFacts);
          },
        );
      });
    }

    it('falls back to -c in a cache folder it may only read (mode 555) and still answers', async () => {
      const cacheDir = folder('read-only-cache');
      chmodSync(cacheDir, 0o555);

      const result = await probeAsNobody(SYSTEM_PYTHON, cacheDir);

      expect(result.status, JSON.stringify(result.statusDetail)).toBe('ok');
      expect(result.version).toBe(
        (await probeInterpreter(SYSTEM_PYTHON, { cacheDir: null })).version,
      );
      expect(readdirSync(cacheDir)).toEqual([]);
    });
  });
});

describe('the cache folder’s path', () => {
  const odd = `it's "quoted" & 100% $HOME \`pwd\` ; \\ Ünïcødé 日本語 🐍`;

  it('travels in argv, never spliced into the code', () => {
    const dir = join(scratch, odd);
    const args = probeArguments(dir);

    expect(args.at(-1)).toBe(dir);
    expect(args.slice(0, -1).join('\n')).not.toContain(odd);
  });

  it(`works with spaces, quotes, &, %, $, backquotes and Unicode, for every Python here (${machinePythons.length})`, async () => {
    const cacheDir = join(folder('odd-path'), odd, 'cache');

    const results = await probeInterpreters(machinePythons, { cacheDir });

    for (const result of results)
      expect(result.status, JSON.stringify(result.statusDetail)).toBe('ok');
    const dir = probeFolder(cacheDir);
    expect(readFileSync(join(dir, MODULE), 'utf8')).toBe(INTERPRETER_PROBE_SCRIPT);
    for (const python of machinePythons.filter((p) => p !== python27))
      expect(statSync(bytecodeOf(python, dir)).isFile(), python).toBe(true);
    if (machinePythons.includes(python27))
      expect(statSync(join(dir, `${PROBE_MARKER}.pyc`)).isFile()).toBe(true);
    // Each answer is the one that Python gives as -c source.
    const asSource = await probeInterpreters(machinePythons, { cacheDir: null });
    expect(results.map(facts)).toEqual(asSource.map(facts));
  });

  it('works under the C locale, where older Pythons decode a non-ASCII argv with surrogates', async () => {
    const cacheDir = join(folder('odd-path-c-locale'), odd, 'cache');
    const env = { ...process.env, LANG: 'C', LC_ALL: 'C' };

    const results = await probeInterpreters(machinePythons, { cacheDir, env });

    for (const result of results)
      expect(result.status, JSON.stringify(result.statusDetail)).toBe('ok');
    expect(readFileSync(join(probeFolder(cacheDir), MODULE), 'utf8')).toBe(
      INTERPRETER_PROBE_SCRIPT,
    );
  });
});
