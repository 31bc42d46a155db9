import { englishDeep } from '../../../support/english';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPosixInterpreters } from '../../../../electron/platform/posix/discoverInterpreters';
import {
  LOG_INTERPRETER_SIGHTING,
  LOG_PATH_SIGHTING,
} from '../../../../electron/platform/systemProbe';
import type { Discovery, DiscoveryOptions } from '../../../../electron/platform/systemProbe';
import { tempTree } from '../../../support/tempTree';

// Real venvs made by this machine's Python, real conda-like prefixes, real dangling links:
// every scan gets its own HOME and an empty PATH unless a test gives one.
const SYSTEM_PYTHON = '/usr/bin/python3';
const scratch = realpathSync(tempTree('log-installs'));
let cases = 0;

function tree(label: string) {
  const root = join(scratch, `${++cases}-${label}`);
  const home = join(root, 'home');
  const project = join(root, 'project');
  for (const dir of [home, project]) mkdirSync(dir, { recursive: true });
  return { root, home, project };
}

function venv(dir: string, python = SYSTEM_PYTHON): string {
  mkdirSync(dirname(dir), { recursive: true });
  execFileSync(python, ['-m', 'venv', '--without-pip', dir], { stdio: 'pipe', timeout: 120_000 });
  return join(dir, 'bin', 'python');
}

/** A real interpreter that is a file of its own, so no other install shares its identity. */
function copyOfPython(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(realpathSync(SYSTEM_PYTHON), path);
  return path;
}

function link(target: string, path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
  return path;
}

/** A base Python that can be deleted: its own folder, linking to this machine's interpreter. */
function deletableBase(root: string): { bin: string; python: string } {
  const bin = join(root, 'base python', 'bin');
  const real = realpathSync(SYSTEM_PYTHON);
  link(real, join(bin, 'python3.11'));
  return { bin, python: link('python3.11', join(bin, 'python3')) };
}

async function scan(
  home: string,
  project: string,
  options: Partial<DiscoveryOptions> = {},
  env: NodeJS.ProcessEnv = {},
): Promise<{ discovery: Discovery; found: string[] }> {
  const found: string[] = [];
  const discovery = await discoverPosixInterpreters(
    {
      projectDir: project,
      extraPythons: [],
      env: {
        PATH: '',
        HOME: home,
        PYENV_ROOT: join(home, '.pyenv'),
        XDG_DATA_HOME: join(home, '.local', 'share'),
        ...env,
      },
      ...options,
    },
    (_identity, executable) => found.push(executable),
  );
  return { discovery, found };
}

const venvIdentity = (dir: string) => `${realpathSync(SYSTEM_PYTHON)}|venv:${realpathSync(dir)}`;

function namedLog(discovery: Discovery) {
  return discovery.candidates.filter((candidate) => candidate.names.includes(LOG_PATH_SIGHTING));
}

describe('the install a log path lies in, found even on no PATH', () => {
  it('walks up from a file in a venv’s site-packages to the venv', async () => {
    const { root, home, project } = tree('venv');
    const dir = join(root, 'elsewhere', 'tool env');
    venv(dir);
    const failing = join(dir, 'lib', 'python3.11', 'site-packages', 'numpy', 'core', '_x.so');

    const { discovery, found } = await scan(home, project, { logPaths: [failing] });

    expect(namedLog(discovery)).toEqual([
      {
        identity: venvIdentity(dir),
        executable: join(dir, 'bin', 'python'),
        names: [LOG_PATH_SIGHTING],
      },
    ]);
    expect(found).toContain(join(dir, 'bin', 'python'));
  });

  it('walks up to a conda prefix (conda-meta/) and runs its bin/python', async () => {
    const { root, home, project } = tree('conda');
    const prefix = join(root, 'opt', 'tools conda');
    mkdirSync(join(prefix, 'conda-meta'), { recursive: true });
    copyOfPython(join(prefix, 'bin', 'python'));

    const { discovery } = await scan(home, project, {
      logPaths: [join(prefix, 'lib', 'python3.11', 'site-packages', 'yaml', '__init__.py')],
    });

    expect(namedLog(discovery).map((c) => c.executable)).toEqual([join(prefix, 'bin', 'python')]);
  });

  it('takes <prefix>/lib/pythonX.Y to <prefix>/bin/pythonX.Y, then bin/python3', async () => {
    const { root, home, project } = tree('prefix');
    const versioned = join(root, 'versioned');
    copyOfPython(join(versioned, 'bin', 'python3.11'));
    copyOfPython(join(versioned, 'bin', 'python3'));
    const unversioned = join(root, 'unversioned');
    copyOfPython(join(unversioned, 'bin', 'python3'));
    const site = (prefix: string) => join(prefix, 'lib64', 'python3.11', 'site-packages', 'a.py');

    const first = await scan(home, project, { logPaths: [site(versioned)] });
    expect(namedLog(first.discovery).map((c) => c.executable)).toEqual([
      join(versioned, 'bin', 'python3.11'),
    ]);
    const second = await scan(home, project, { logPaths: [site(unversioned)] });
    expect(namedLog(second.discovery).map((c) => c.executable)).toEqual([
      join(unversioned, 'bin', 'python3'),
    ]);
  });

  it('adds its name to an install found another way, without a second candidate', async () => {
    const { home, project } = tree('merged');
    const dir = join(project, '.venv');
    venv(dir);

    const { discovery } = await scan(home, project, {
      logPaths: [
        join(dir, 'lib', 'python3.11', 'site-packages', 'pkg', 'mod.py'),
        join(dir, 'bin', 'pip'),
      ],
    });

    const ofVenv = discovery.candidates.filter((c) => c.identity === venvIdentity(dir));
    expect(ofVenv).toHaveLength(1);
    expect(ofVenv[0]!.names).toEqual([`.venv in ${project}`, LOG_PATH_SIGHTING]);
  });

  it('passes over paths in no install, missing paths and relative paths without failing', async () => {
    const { root, home, project } = tree('nothing');
    // ~/.local/lib/python3.11 has no interpreter of its own: the walk goes on up and finds none.
    const userSite = join(home, '.local', 'lib', 'python3.11', 'site-packages', 'x.py');
    mkdirSync(dirname(userSite), { recursive: true });

    const { discovery } = await scan(home, project, {
      logPaths: [
        userSite,
        join(root, 'gone', 'lib', 'python3.11', 'a.py'),
        'lib/python3.11/site-packages/x.py',
        '',
      ],
    });

    expect(namedLog(discovery)).toEqual([]);
    expect(discovery.gaps).toEqual([]);
  });
});

describe('the interpreter a log shows running pip', () => {
  it('is searched like --python, even on no PATH', async () => {
    const { root, home, project } = tree('log-interpreter');
    const python = venv(join(root, 'hidden venv'));

    const { discovery } = await scan(home, project, { logInterpreter: python });

    expect(discovery.candidates.find((c) => c.names.includes(LOG_INTERPRETER_SIGHTING))).toEqual({
      identity: venvIdentity(join(root, 'hidden venv')),
      executable: python,
      names: [LOG_INTERPRETER_SIGHTING],
    });
  });

  it('is a gap, not a failure, when it is not on this computer', async () => {
    const { root, home, project } = tree('log-interpreter-gone');
    const python = join(root, 'other machine', 'bin', 'python3');

    const { discovery } = await scan(home, project, { logInterpreter: python });

    expect(englishDeep(discovery.gaps)).toEqual([
      {
        area: 'installs',
        message: `"${python}" (${LOG_INTERPRETER_SIGHTING}) does not exist.`,
        howToReveal: expect.stringContaining('another computer'),
      },
    ]);
  });
});

describe('venvs whose base Python was deleted or moved', () => {
  it('reports the active venv broken, naming the base that is gone and the version pyvenv.cfg gives', async () => {
    const { root, home, project } = tree('broken-active');
    const base = deletableBase(root);
    const dir = join(root, 'work env');
    const python = venv(dir, base.python);
    rmSync(dirname(base.bin), { recursive: true });
    // The venv really cannot start: exec fails before Python runs.
    expect(() => execFileSync(python, ['-c', '1'], { stdio: 'pipe' })).toThrow(/ENOENT/);
    const version = /version = (\S+)/.exec(readFileSync(join(dir, 'pyvenv.cfg'), 'utf8'))![1];

    const { discovery, found } = await scan(home, project, {}, { VIRTUAL_ENV: dir });

    expect(englishDeep(discovery.broken)).toEqual([
      {
        executable: python,
        prefix: dir,
        version,
        base: base.python,
        reason: `its base interpreter ${base.python} no longer exists (it was deleted or moved), so ${python} cannot start`,
        names: ['VIRTUAL_ENV (the active venv)'],
      },
    ]);
    expect(discovery.candidates.flatMap((c) => c.names)).not.toContain(
      'VIRTUAL_ENV (the active venv)',
    );
    expect(found).not.toContain(python);
  });

  it('reports the project’s .venv and the log’s venv once, under every name that reached it', async () => {
    const { root, home, project } = tree('broken-project');
    const base = deletableBase(root);
    const dir = join(project, '.venv');
    venv(dir, base.python);
    rmSync(dirname(base.bin), { recursive: true });

    const { discovery } = await scan(home, project, {
      logPaths: [join(dir, 'lib', 'python3.11', 'site-packages', 'requests', 'api.py')],
      logInterpreter: join(dir, 'bin', 'python3.11'),
    });

    expect(discovery.broken).toHaveLength(1);
    expect(discovery.broken[0]).toMatchObject({
      prefix: dir,
      names: [`.venv in ${project}`, LOG_PATH_SIGHTING, LOG_INTERPRETER_SIGHTING],
    });
    // Reported as broken, so not also as "not an interpreter".
    expect(discovery.gaps).toEqual([]);
  });

  it('reports a venv whose bin/python is missing altogether', async () => {
    const { home, project } = tree('no-python');
    const dir = join(project, 'venv');
    venv(dir);
    for (const name of ['python', 'python3', 'python3.11'])
      rmSync(join(dir, 'bin', name), { force: true });

    const { discovery } = await scan(home, project);

    expect(englishDeep(discovery.broken)).toEqual([
      expect.objectContaining({
        executable: join(dir, 'bin', 'python'),
        prefix: dir,
        reason: `its interpreter ${join(dir, 'bin', 'python')} is missing: the environment was not finished, or was damaged`,
        names: [`venv in ${project}`],
      }),
    ]);
  });

  it('reads version_info (virtualenv, uv) and says so when a link inside the venv is what is missing', async () => {
    const { home, project } = tree('virtualenv-cfg');
    const dir = join(project, 'env');
    mkdirSync(join(dir, 'bin'), { recursive: true });
    writeFileSync(
      join(dir, 'pyvenv.cfg'),
      'home = /opt/python/3.9.18/bin\nimplementation = CPython\nversion_info = 3.9.18.final.0\nvirtualenv = 20.24.5\n',
    );
    link('python3', join(dir, 'bin', 'python'));

    const { discovery } = await scan(home, project);

    expect(englishDeep(discovery.broken)).toEqual([
      {
        executable: join(dir, 'bin', 'python'),
        prefix: dir,
        version: '3.9.18',
        base: '/opt/python/3.9.18/bin/python3.9',
        reason: `${join(dir, 'bin', 'python')} links to ${join(dir, 'bin', 'python3')}, which is missing: the environment was damaged`,
        names: [`env in ${project}`],
      },
    ]);
  });

  it('reports a venv whose bin/python is a loop of links', async () => {
    const { home, project } = tree('loop');
    const dir = join(project, '.venv');
    mkdirSync(join(dir, 'bin'), { recursive: true });
    writeFileSync(join(dir, 'pyvenv.cfg'), 'home = /usr/bin\nversion = 3.11.2\n');
    link('python3', join(dir, 'bin', 'python'));
    link('python', join(dir, 'bin', 'python3'));

    const { discovery } = await scan(home, project);

    expect(englishDeep(discovery.broken)).toEqual([
      expect.objectContaining({
        version: '3.11.2',
        base: '/usr/bin/python3.11',
        reason: `${join(dir, 'bin', 'python')} is a loop of symbolic links that never reaches a Python`,
      }),
    ]);
  });

  it('does not call a healthy venv broken, nor one whose pyvenv.cfg home is gone but which still runs', async () => {
    const { root, home, project } = tree('healthy');
    const healthy = join(project, '.venv');
    venv(healthy);
    const stale = join(root, 'stale home');
    const python = venv(stale);
    const cfg = join(stale, 'pyvenv.cfg');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/^home = .*$/m, 'home = /nowhere/bin'));
    // Python falls back to the prefix built into the binary: this venv runs.
    expect(execFileSync(python, ['-c', 'print(1)'], { encoding: 'utf8' }).trim()).toBe('1');

    const { discovery } = await scan(home, project, {}, { VIRTUAL_ENV: stale });

    expect(discovery.broken).toEqual([]);
    expect(discovery.candidates.map((c) => c.identity)).toEqual(
      expect.arrayContaining([venvIdentity(healthy), venvIdentity(stale)]),
    );
  });
});

describe('the active venv, and whether its bin/ is on PATH', () => {
  it('is null without VIRTUAL_ENV', async () => {
    const { home, project } = tree('no-active');
    expect((await scan(home, project)).discovery.activeVenv).toBeNull();
  });

  it('is on PATH by the same folder, with a trailing slash, or through a symlink', async () => {
    const { root, home, project } = tree('on-path');
    const dir = join(root, 'active');
    venv(dir);
    const alias = link(join(dir, 'bin'), join(root, 'alias-bin'));

    for (const entry of [join(dir, 'bin'), `${join(dir, 'bin')}/`, alias]) {
      const { discovery } = await scan(
        home,
        project,
        {},
        { VIRTUAL_ENV: dir, PATH: `/usr/bin:${entry}` },
      );
      expect(discovery.activeVenv, entry).toEqual({ prefix: dir, onPath: true });
    }
  });

  it('is not on PATH when only another folder is (activated in name only)', async () => {
    const { root, home, project } = tree('off-path');
    const dir = join(root, 'active');
    venv(dir);
    const other = join(root, 'other');
    venv(other);

    const { discovery } = await scan(
      home,
      project,
      {},
      { VIRTUAL_ENV: `${dir}/`, PATH: [join(other, 'bin'), '/usr/bin'].join(':') },
    );

    expect(discovery.activeVenv).toEqual({ prefix: dir, onPath: false });
  });

  it('says so when VIRTUAL_ENV names a folder that is gone', async () => {
    const { root, home, project } = tree('active-gone');
    const dir = join(root, 'deleted venv');

    const { discovery } = await scan(
      home,
      project,
      {},
      { VIRTUAL_ENV: dir, PATH: join(dir, 'bin') },
    );

    expect(discovery.activeVenv).toEqual({ prefix: dir, onPath: true });
    expect(englishDeep(discovery.gaps)).toEqual([
      expect.objectContaining({
        area: 'installs',
        message: `VIRTUAL_ENV names ${dir}, which does not exist: the virtual environment active in that terminal was deleted or moved.`,
      }),
    ]);
  });
});
