import { englishDeep } from '../../../support/english';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../../../../electron/platform/runProcess';
import {
  LOG_INTERPRETER_SIGHTING,
  LOG_PATH_SIGHTING,
} from '../../../../electron/platform/systemProbe';
import type { Discovery, DiscoveryOptions } from '../../../../electron/platform/systemProbe';
import type { CommandRunner } from '../../../../electron/platform/windows/commandRunner';
import { discoverWindowsInterpreters } from '../../../../electron/platform/windows/discoverWindowsInterpreters';
import { runProbeScript } from '../../../../electron/platform/windows/probeScript';
import { probeScriptPath } from '../../../../electron/platform/windows/probeScriptPath';
import type { WindowsFiles } from '../../../../electron/platform/windows/windowsFiles';
import { createWindowsSystemProbe } from '../../../../electron/platform/windows/windowsSystemProbe';
import type { WriteProbe } from '../../../../electron/platform/writeProbe';
import { tempTree } from '../../../support/tempTree';
import { RecordedFiles, WINDOWS_FIXTURES, loadRecordedMachine } from './support/recordedMachine';
import type { MachineSetup } from './support/recordedMachine';

/**
 * What Windows discovery reads from files alone: the install a log's path
 * lies in, venvs whose base Python is gone, the active venv and PATH, and
 * the temporary folder. The machine is a set of recorded files (machine.json's
 * `files` format); where.exe finds nothing on PATH and reg.exe no Python key,
 * as they answer on a machine without them.
 */

const ANA = 'C:\\Users\\ana';
const LOCAL = `${ANA}\\AppData\\Local`;
const PYTHON312 = `${LOCAL}\\Programs\\Python\\Python312`;
const PROJECT = `${ANA}\\projects\\survey`;

const BASE_ENV = {
  SystemRoot: 'C:\\WINDOWS',
  USERPROFILE: ANA,
  PATH: 'C:\\WINDOWS\\system32;C:\\WINDOWS',
};

function output(exitCode: number, stderr = ''): RunResult {
  return {
    exitCode,
    signal: null,
    stdout: '',
    stderr,
    timedOut: false,
    cancelled: false,
    truncated: false,
    spawnError: null,
    durationMs: 5,
  };
}

const run: CommandRunner = async (program) => {
  if (/where\.exe$/i.test(program))
    return output(1, 'INFO: Could not find files for the given pattern(s).\r\n');
  if (/reg\.exe$/i.test(program))
    return output(
      1,
      'ERROR: The system was unable to find the specified registry key or value.\r\n',
    );
  throw new Error(`no recorded output for ${program}`);
};

type Files = MachineSetup['files'];

/** The recorded files, with every path the backend asked about written down. */
function filesOf(files: Files): { files: WindowsFiles; asked: string[] } {
  const recorded = new RecordedFiles(files, WINDOWS_FIXTURES);
  const asked: string[] = [];
  const spy = Object.fromEntries(
    (
      Object.getOwnPropertyNames(RecordedFiles.prototype) as Array<
        keyof WindowsFiles | 'constructor'
      >
    )
      .filter((name): name is keyof WindowsFiles => name !== 'constructor')
      .map((name) => [
        name,
        (path: string, ...rest: unknown[]) => {
          asked.push(path);
          return (recorded[name] as (...args: unknown[]) => unknown).call(recorded, path, ...rest);
        },
      ]),
  ) as unknown as WindowsFiles;
  return { files: spy, asked };
}

async function discover(
  files: Files,
  options: Partial<DiscoveryOptions> = {},
  env: NodeJS.ProcessEnv = {},
): Promise<{ discovery: Discovery; found: string[]; asked: string[] }> {
  const machine = filesOf(files);
  const found: string[] = [];
  const discovery = await discoverWindowsInterpreters(
    { projectDir: PROJECT, extraPythons: [], env: { ...BASE_ENV, ...env }, ...options },
    { run, files: machine.files },
    (_identity, executable) => found.push(executable),
  );
  return { discovery, found, asked: machine.asked };
}

const file = { kind: 'file' as const };
const cfg = (home: string, version = '3.12.1') => ({
  kind: 'file' as const,
  text: `home = ${home}\r\ninclude-system-site-packages = false\r\nversion = ${version}\r\nexecutable = ${home}\\python.exe\r\n`,
});

const logged = (discovery: Discovery) =>
  discovery.candidates.filter((candidate) => candidate.names.includes(LOG_PATH_SIGHTING));

describe('Windows: the install a log path lies in', () => {
  it('maps a file in a per-user Python’s Lib\\site-packages to its python.exe, on no PATH', async () => {
    const { discovery, found } = await discover(
      { [`${PYTHON312}\\python.exe`]: file },
      {
        logPaths: [
          `${PYTHON312}\\Lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`,
        ],
      },
    );
    expect(logged(discovery)).toEqual([
      {
        identity: `${PYTHON312}\\python.exe`.toLowerCase(),
        executable: `${PYTHON312}\\python.exe`,
        names: [LOG_PATH_SIGHTING],
      },
    ]);
    expect(found).toEqual([`${PYTHON312}\\python.exe`]);
  });

  it('maps a venv (pyvenv.cfg) to Scripts\\python.exe and a conda prefix (conda-meta) to python.exe', async () => {
    const venv = 'D:\\work\\tool env';
    const conda = `${ANA}\\miniforge3\\envs\\geo`;
    const { discovery } = await discover(
      {
        [`${PYTHON312}\\python.exe`]: file,
        [`${venv}\\pyvenv.cfg`]: cfg(PYTHON312),
        [`${venv}\\Scripts\\python.exe`]: file,
        [`${conda}\\conda-meta\\history`]: file,
        [`${conda}\\python.exe`]: file,
      },
      {
        logPaths: [
          `${venv}\\Lib\\site-packages\\requests\\api.py`,
          `${conda}\\Lib\\site-packages\\shapely\\geos.py`,
          `${conda}\\Scripts\\pip.exe`,
        ],
      },
    );
    // The conda env is also found under ~\miniforge3\envs: one candidate, both names.
    expect(
      logged(discovery)
        .map((candidate) => candidate.executable)
        .sort(),
    ).toEqual([`${conda}\\python.exe`, `${venv}\\Scripts\\python.exe`]);
  });

  it('never touches a UNC path, in a log path or as the log’s interpreter; reads \\\\?\\C:\\ as C:\\', async () => {
    const { discovery, asked } = await discover(
      { [`${PYTHON312}\\python.exe`]: file },
      {
        logPaths: [
          '\\\\evil.example\\share\\Lib\\site-packages\\x.py',
          '//evil.example/share/Lib/site-packages/x.py',
          '\\\\?\\UNC\\evil.example\\share\\x.py',
          '\\\\.\\pipe\\x',
          'relative\\Lib\\site-packages\\x.py',
          'C:drive-relative\\x.py',
          `\\\\?\\${PYTHON312}\\Lib\\site-packages\\six.py`,
        ],
        logInterpreter: '\\\\evil.example\\share\\python.exe',
      },
    );
    expect(asked.filter((path) => /^[\\/]{2}/.test(path))).toEqual([]);
    expect(asked.some((path) => path.toLowerCase().includes('evil'))).toBe(false);
    expect(logged(discovery).map((candidate) => candidate.executable)).toEqual([
      `${PYTHON312}\\python.exe`,
    ]);
    expect(discovery.gaps).toEqual([]);
  });

  it('searches the log’s interpreter like --python, and says so when it is not on this computer', async () => {
    const present = await discover(
      { [`${PYTHON312}\\python.exe`]: file },
      { logInterpreter: `${PYTHON312}\\python.exe` },
    );
    expect(present.discovery.candidates[0]!.names).toContain(LOG_INTERPRETER_SIGHTING);

    const absent = await discover({}, { logInterpreter: 'C:\\Python27\\python.exe' });
    expect(englishDeep(absent.discovery.gaps)).toEqual([
      expect.objectContaining({
        message: `"C:\\Python27\\python.exe" (${LOG_INTERPRETER_SIGHTING}) is not a Python interpreter on this computer.`,
      }),
    ]);
  });
});

describe('Windows: the Python install manager (python.org’s installer from 3.14)', () => {
  it('finds each runtime under %LOCALAPPDATA%\\Python, not its bin aliases or its download cache', async () => {
    const manager = `${LOCAL}\\Python`;
    const { discovery, found } = await discover(
      {
        [`${manager}\\pythoncore-3.14-64\\python.exe`]: file,
        [`${manager}\\pythoncore-3.13-64\\python.exe`]: file,
        [`${manager}\\bin\\python.exe`]: file,
        [`${manager}\\bin\\python3.14.exe`]: file,
        [`${manager}\\_cache\\python-3.14.0-amd64.zip`]: file,
      },
      {},
      { LOCALAPPDATA: LOCAL },
    );
    expect(found.sort()).toEqual([
      `${manager}\\pythoncore-3.13-64\\python.exe`,
      `${manager}\\pythoncore-3.14-64\\python.exe`,
    ]);
    expect(discovery.candidates.map((candidate) => candidate.names)).toEqual(
      expect.arrayContaining([['Python install manager pythoncore-3.14-64']]),
    );
  });
});

describe('Windows: venvs whose base Python is gone', () => {
  const venv = `${PROJECT}\\.venv`;
  const python39 = `${LOCAL}\\Programs\\Python\\Python39`;

  it('reports a venv whose home\\python.exe is gone as broken, and never probes its launcher', async () => {
    const { discovery, found } = await discover(
      {
        [`${venv}\\pyvenv.cfg`]: cfg(python39, '3.9.13'),
        [`${venv}\\Scripts\\python.exe`]: file,
      },
      { logPaths: [`${venv}\\Lib\\site-packages\\pandas\\__init__.py`] },
      { VIRTUAL_ENV: venv },
    );
    expect(englishDeep(discovery.broken)).toEqual([
      {
        executable: `${venv}\\Scripts\\python.exe`,
        prefix: venv,
        version: '3.9.13',
        base: `${python39}\\python.exe`,
        reason: `its base interpreter ${python39}\\python.exe no longer exists (that Python was uninstalled, moved or upgraded), so ${venv}\\Scripts\\python.exe cannot start: it says "No Python at ${python39}\\python.exe"`,
        names: ['VIRTUAL_ENV (the active venv)', `.venv in ${PROJECT}`, LOG_PATH_SIGHTING],
      },
    ]);
    expect(discovery.candidates).toEqual([]);
    expect(found).toEqual([]);
  });

  it('reports a venv without Scripts\\python.exe, and leaves a healthy one alone', async () => {
    const healthy = `${PROJECT}\\venv`;
    const { discovery } = await discover({
      [`${PYTHON312}\\python.exe`]: file,
      [`${venv}\\pyvenv.cfg`]: cfg(PYTHON312),
      [`${venv}\\Lib\\site-packages\\x.py`]: file,
      [`${healthy}\\pyvenv.cfg`]: cfg(PYTHON312),
      [`${healthy}\\Scripts\\python.exe`]: file,
    });
    expect(englishDeep(discovery.broken)).toEqual([
      expect.objectContaining({
        executable: `${venv}\\Scripts\\python.exe`,
        reason: `its interpreter ${venv}\\Scripts\\python.exe is missing: the environment was not finished, or was damaged`,
      }),
    ]);
    expect(discovery.candidates.map((candidate) => candidate.executable)).toEqual([
      `${healthy}\\Scripts\\python.exe`,
    ]);
  });

  it('does not call a venv broken when it cannot tell: a home on a network share is not touched', async () => {
    const { discovery, asked } = await discover({
      [`${venv}\\pyvenv.cfg`]: cfg('\\\\fileserver\\pythons\\Python312'),
      [`${venv}\\Scripts\\python.exe`]: file,
    });
    expect(discovery.broken).toEqual([]);
    expect(discovery.candidates.map((candidate) => candidate.executable)).toEqual([
      `${venv}\\Scripts\\python.exe`,
    ]);
    expect(asked.filter((path) => path.includes('fileserver'))).toEqual([]);
  });
});

describe('Windows: the active venv and PATH', () => {
  it('finds the recorded activated venv’s Scripts on PATH', async () => {
    const machine = loadRecordedMachine('long-path');
    const discovery = await machine.probe.discoverInterpreters({
      projectDir: machine.setup.projectDir,
      extraPythons: [],
      env: machine.env,
    });
    expect(discovery.activeVenv).toEqual({ prefix: machine.env.VIRTUAL_ENV, onPath: true });
    expect(discovery.broken).toEqual([]);
  });

  it('compares without case, slashes or a trailing backslash, and says when the folder is gone', async () => {
    const venvFiles = { [`${PROJECT}\\.venv\\Scripts\\python.exe`]: file };
    const spelled = await discover(
      venvFiles,
      {},
      {
        VIRTUAL_ENV: `${PROJECT}\\.venv`,
        PATH: `c:/users/ana/projects/survey/.venv/scripts\\;C:\\WINDOWS`,
      },
    );
    expect(spelled.discovery.activeVenv).toEqual({ prefix: `${PROJECT}\\.venv`, onPath: true });

    const elsewhere = await discover(venvFiles, {}, { VIRTUAL_ENV: `${PROJECT}\\.venv` });
    expect(elsewhere.discovery.activeVenv).toEqual({ prefix: `${PROJECT}\\.venv`, onPath: false });
    expect(elsewhere.discovery.gaps).toEqual([]);

    const gone = await discover({}, {}, { VIRTUAL_ENV: `${ANA}\\old\\.venv` });
    expect(englishDeep(gone.discovery.gaps.map((gap) => gap.message))).toEqual([
      `VIRTUAL_ENV names ${ANA}\\old\\.venv, which does not exist: the virtual environment active in that terminal was deleted or moved.`,
    ]);
  });
});

describe('Windows: the temporary folder and read-only drives', () => {
  const TEMP = `${LOCAL}\\Temp`;
  function probeWith(
    files: Files,
    env: NodeJS.ProcessEnv,
    probes: Record<string, Partial<WriteProbe>> = {},
  ) {
    return createWindowsSystemProbe(env, {
      run,
      files: new RecordedFiles(files, WINDOWS_FIXTURES),
      probeWritable: async (dir) => ({
        exists: true,
        probedPath: dir,
        writable: true,
        errorCode: null,
        leftBehind: null,
        ...probes[dir],
      }),
      probeInterpreter: () => {
        throw new Error('not asked here');
      },
      scriptPath: () => 'C:\\pip-doctor-probe.ps1',
      userName: () => 'ana',
    });
  }
  const env = { ...BASE_ENV, LOCALAPPDATA: LOCAL, TEMP, TMP: TEMP };
  const folder = (freeBytes = 50e9) => ({ kind: 'folder' as const, freeBytes });

  it('takes TEMP when TMPDIR is not set, and TMPDIR (set by Git Bash) when it is', async () => {
    const files = { [TEMP]: folder(), 'D:\\msys-tmp': folder() };
    expect(await probeWith(files, env).checkTempDir(env)).toEqual({
      path: TEMP,
      variable: 'TEMP',
      problem: null,
      reason: null,
      alternative: null,
      usedInstead: null,
    });
    const gitBash = { ...env, TMPDIR: 'D:\\msys-tmp' };
    expect(await probeWith(files, gitBash).checkTempDir(gitBash)).toMatchObject({
      path: 'D:\\msys-tmp',
      variable: 'TMPDIR',
      problem: null,
    });
  });

  it('a missing TEMP: Python falls back to TMP; %LOCALAPPDATA%\\Temp is offered', async () => {
    const scanEnv = { ...env, TEMP: 'E:\\gone', TMP: 'D:\\tmp' };
    const check = await probeWith({ [TEMP]: folder(), 'D:\\tmp': folder() }, scanEnv).checkTempDir(
      scanEnv,
    );
    expect(englishDeep(check)).toEqual({
      path: 'E:\\gone',
      variable: 'TEMP',
      problem: 'missing',
      reason: 'TEMP is E:\\gone, which does not exist. Python then uses D:\\tmp (TMP) instead.',
      alternative: TEMP,
      // pip works there: nothing for the user to point TMP at.
      usedInstead: 'D:\\tmp',
    });
  });

  it('a TEMP on a nearly full disk is full, and the same folder is not offered as the way out', async () => {
    const check = await probeWith({ [TEMP]: folder(3 * 1024 * 1024) }, env).checkTempDir(env);
    expect(englishDeep(check)).toEqual({
      path: TEMP,
      variable: 'TEMP',
      problem: 'full',
      reason: `TEMP is ${TEMP}, which has only 3.0 MB free. Python still takes it (a small test file fits), so pip runs out of space part-way.`,
      alternative: null,
      usedInstead: null,
    });
  });

  it('a folder on a write-protected drive (EROFS) is on a read-only file system, administrators included', async () => {
    const machine = loadRecordedMachine('venv-jupyter-vscode');
    const site = 'R:\\readonly-media\\Lib\\site-packages';
    machine.setup.writeProbes[site] = {
      exists: true,
      probedPath: site,
      writable: false,
      errorCode: 'EROFS',
      leftBehind: null,
    };
    const check = await machine.probe.checkFolder('purelib', site);
    expect(englishDeep(check)).toMatchObject({
      writable: false,
      readOnlyFileSystem: true,
      reclaim: null,
      reason: `${site} is on a read-only drive (write-protected); no one can change it, administrators included.`,
    });
  });
});

describe('Windows: the probe script with an unusable temporary folder', () => {
  const scratch = tempTree('probe-request');
  const tmpdirBefore = process.env.TMPDIR;
  afterEach(() => {
    if (tmpdirBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdirBefore;
  });

  it('works in the app’s cache instead, and gives PowerShell that folder as TMP and TEMP', async () => {
    // os.tmpdir() reads TMPDIR on the machine running the tests, TEMP on Windows.
    process.env.TMPDIR = join(scratch, 'no such temp');
    const seen: Array<{ request: unknown; env: NodeJS.ProcessEnv }> = [];
    const document = await runProbeScript(
      { sections: ['identity'], folders: [], priorityPaths: [], holderRoots: [], interpreters: [] },
      {
        run: async (_program, _args, options) => {
          seen.push({
            request: (JSON.parse(options.stdin!) as { request: unknown }).request,
            env: options.env!,
          });
          return output(1, 'stopped here');
        },
        env: { XDG_CACHE_HOME: scratch, LOCALAPPDATA: scratch, Temp: 'E:\\gone', tmp: 'E:\\gone' },
        scriptPath: () => probeScriptPath(),
      },
    );
    expect(seen).toHaveLength(1);
    const [{ request, env }] = seen as [(typeof seen)[number]];
    expect(request).toMatchObject({ sections: ['identity'] });
    const folder = env.TMP!;
    expect(folder.startsWith(scratch)).toBe(true);
    expect(
      Object.keys(env)
        .filter((name) => /^te?mp$/i.test(name))
        .sort(),
    ).toEqual(['TEMP', 'TMP']);
    expect(env).toMatchObject({ TMP: folder, TEMP: folder });
    // The run failed, so every section says so; the folder is gone again.
    expect(document.identity).toMatchObject({ status: 'failed' });
    expect(existsSync(folder)).toBe(false);
  });

  it('says why when no folder at all can be worked in, instead of failing the scan', async () => {
    process.env.TMPDIR = join(scratch, 'no such temp');
    const blocker = join(scratch, 'a file');
    writeFileSync(blocker, '');
    const document = await runProbeScript(
      { sections: ['identity'], folders: [], priorityPaths: [], holderRoots: [], interpreters: [] },
      {
        run: async () => {
          throw new Error('must not run');
        },
        env: { XDG_CACHE_HOME: join(blocker, 'cache'), LOCALAPPDATA: join(blocker, 'local') },
        scriptPath: () => probeScriptPath(),
      },
    );
    expect(document.fatal).toMatch(
      /^Pip Doctor could not start its Windows probe: no folder to work in: the temporary folder .* failed \(ENOENT\), and so did /,
    );
  });
});
