import { englishDeep } from '../../../support/english';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  discoverPosixInterpreters,
  REPORTED_COMMANDS,
} from '../../../../electron/platform/posix/discoverInterpreters';
import { interpreterIdentity } from '../../../../electron/platform/posix/interpreterIdentity';
import type {
  CommandResolution,
  Discovery,
  InterpreterCandidate,
} from '../../../../electron/platform/systemProbe';

// Real folders, real symlinks, real venvs and real interpreters from this machine; nothing is mocked.
// Every scan gets its own PATH, HOME, PYENV_ROOT…, so what this machine has installed cannot leak
// in, except the fixed system locations (/usr/bin/python3), which every scan looks at.
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'pip-doctor-discover-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SYSTEM_PYTHON = '/usr/bin/python3';
const realPyenv = join(homedir(), '.pyenv', 'versions');

/** Real interpreter binaries of this machine, one per distinct file. */
const machinePythons = [
  SYSTEM_PYTHON,
  ...(existsSync(realPyenv)
    ? readdirSync(realPyenv)
        .sort()
        .map((version) => join(realPyenv, version, 'bin', 'python'))
    : []),
].filter(
  (python, index, all) =>
    existsSync(python) &&
    all.findIndex((other) => existsSync(other) && realpathSync(other) === realpathSync(python)) ===
      index,
);

/**
 * `count` real Pythons that are different files. Where this machine has
 * fewer (a CI runner with only /usr/bin/python3), the rest are copies of the
 * system binary: still a real interpreter, and a file of its own.
 */
function distinctPythons(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const python = machinePythons[index];
    if (python) return python;
    const copy = join(scratch, 'python-copies', String(index), 'python3');
    if (!existsSync(copy)) {
      mkdirSync(dirname(copy), { recursive: true });
      copyFileSync(SYSTEM_PYTHON, copy);
    }
    return copy;
  });
}

let folders = 0;
/** A new folder holding a home, a project and a PATH folder of its own. */
function tree(label = 'case') {
  const root = join(scratch, `${++folders}-${label}`);
  const home = join(root, 'home');
  const project = join(root, 'project');
  const bin = join(root, 'bin');
  for (const dir of [home, project, bin]) mkdirSync(dir, { recursive: true });
  return { root, home, project, bin };
}

/** A scan's environment: nothing from this machine's own. */
function envFor(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: '',
    HOME: home,
    PYENV_ROOT: join(home, '.pyenv'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    ...extra,
  };
}

function link(target: string, path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
  return path;
}

function script(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o755 });
  return path;
}

/** A real venv, without pip unless asked (ensurepip takes seconds). */
function venv(dir: string, options: { withPip?: boolean } = {}): string {
  mkdirSync(dirname(dir), { recursive: true });
  execFileSync(SYSTEM_PYTHON, ['-m', 'venv', ...(options.withPip ? [] : ['--without-pip']), dir], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return join(dir, 'bin', 'python');
}

interface Scan {
  discovery: Discovery;
  found: Array<{ identity: string; executable: string }>;
}

async function scan(
  env: NodeJS.ProcessEnv,
  projectDir: string,
  extraPythons: string[] = [],
): Promise<Scan> {
  const found: Scan['found'] = [];
  const discovery = await discoverPosixInterpreters(
    { projectDir, extraPythons, env },
    (identity, executable) => found.push({ identity, executable }),
  );
  return { discovery, found };
}

/** The one candidate found under `name`. */
function named(discovery: Discovery, name: string): InterpreterCandidate {
  const matches = discovery.candidates.filter((candidate) => candidate.names.includes(name));
  expect(matches, `candidates named ${name}: ${JSON.stringify(discovery.candidates)}`).toHaveLength(
    1,
  );
  return matches[0]!;
}

function command(discovery: Discovery, name: string): CommandResolution {
  const resolution = discovery.commands.find((entry) => entry.command === name);
  expect(resolution).toBeDefined();
  return resolution!;
}

/** What identifies a venv made by the system Python: its binary and its own folder. */
const venvIdentity = (venvDir: string): string =>
  `${realpathSync(SYSTEM_PYTHON)}|venv:${realpathSync(venvDir)}`;

describe('discoverPosixInterpreters: pythons on PATH', () => {
  it('shows python3 and python3.11 linking to the same binary as one interpreter with both names', async () => {
    const { home, project, bin } = tree('same-binary');
    link(SYSTEM_PYTHON, join(bin, 'python3'));
    link(SYSTEM_PYTHON, join(bin, 'python3.11'));

    const { discovery } = await scan(envFor(home, { PATH: bin }), project);

    const python = named(discovery, join(bin, 'python3'));
    expect(python.names).toEqual(
      expect.arrayContaining(['python3 on PATH', join(bin, 'python3'), join(bin, 'python3.11')]),
    );
    expect(python.identity).toBe(realpathSync(SYSTEM_PYTHON));
    expect(python.executable).toBe(join(bin, 'python3'));
    expect(
      discovery.candidates.filter((c) => c.identity === realpathSync(SYSTEM_PYTHON)),
    ).toHaveLength(1);
  });

  it('shows a venv as an interpreter of its own although its bin/python links to the same binary', async () => {
    const { root, home, project, bin } = tree('venv-vs-base');
    link(SYSTEM_PYTHON, join(bin, 'python3'));
    const env = join(root, 'venv');
    venv(env);
    expect(realpathSync(join(env, 'bin', 'python'))).toBe(realpathSync(SYSTEM_PYTHON));

    const { discovery } = await scan(
      envFor(home, { PATH: [join(env, 'bin'), bin].join(':') }),
      project,
    );

    const inVenv = named(discovery, join(env, 'bin', 'python'));
    const base = named(discovery, join(bin, 'python3'));
    expect(inVenv.identity).not.toBe(base.identity);
    expect(inVenv.identity).toBe(venvIdentity(env));
    expect(base.identity).toBe(realpathSync(SYSTEM_PYTHON));
    // The venv comes first on PATH, so python3 there is the venv's.
    expect(inVenv.names).toEqual(expect.arrayContaining(['python on PATH', 'python3 on PATH']));
    expect(base.names).not.toContain('python3 on PATH');
  });

  it('skips a folder named python3 early on PATH, as a shell does, and finds the real one after it', async () => {
    const { root, home, project, bin } = tree('folder-named-python3');
    const decoy = join(root, 'decoy');
    mkdirSync(join(decoy, 'python3'), { recursive: true });
    link(SYSTEM_PYTHON, join(bin, 'python3'));

    const { discovery } = await scan(envFor(home, { PATH: [decoy, bin].join(':') }), project);

    expect(command(discovery, 'python3')).toEqual({
      command: 'python3',
      path: join(bin, 'python3'),
      interpreter: join(bin, 'python3'),
    });
    expect(discovery.candidates.flatMap((c) => c.names)).not.toContain(join(decoy, 'python3'));
  });

  it('finds the python3 a shell on this machine runs (uses this machine’s own PATH)', async () => {
    const { project } = tree('machine-path');
    const ran = execFileSync(
      'python3',
      ['-c', 'import os, sys; print(os.path.realpath(sys.executable))'],
      {
        encoding: 'utf8',
        cwd: project,
      },
    ).trim();

    const { discovery } = await scan(process.env, project);

    const python3 = command(discovery, 'python3');
    expect(python3.path).not.toBeNull();
    expect(python3.interpreter).not.toBeNull();
    expect(realpathSync(python3.interpreter!)).toBe(ran);
  });
});

describe('discoverPosixInterpreters: what pip on PATH runs', () => {
  it('follows a pip whose shebang names a venv python to that venv', async () => {
    const { root, home, project, bin } = tree('pip-shebang');
    const python = venv(join(root, 'venv'));
    script(join(bin, 'pip'), `#!${python}\nimport sys\n`);

    const { discovery } = await scan(envFor(home, { PATH: bin }), project);

    expect(command(discovery, 'pip')).toEqual({
      command: 'pip',
      path: join(bin, 'pip'),
      interpreter: python,
    });
    const candidate = named(discovery, 'pip on PATH');
    expect(candidate).toMatchObject({
      executable: python,
      identity: venvIdentity(join(root, 'venv')),
    });
    expect(candidate.names).toContain(join(bin, 'pip'));
  });

  it("follows the pip that pip itself writes in a folder with spaces (#!/bin/sh, then '''exec' \"…/python3\")", async () => {
    const { root, home, project } = tree('pip-sh-exec');
    const dir = join(root, "with space & 'quote' 100% ünï", 'v env');
    venv(dir, { withPip: true });
    const pip = join(dir, 'bin', 'pip');
    const head = readFileSync(pip, 'utf8').split('\n').slice(0, 2);
    expect(head).toEqual(['#!/bin/sh', `'''exec' "${join(dir, 'bin', 'python3')}" "$0" "$@"`]);

    const { discovery } = await scan(envFor(home, { PATH: join(dir, 'bin') }), project);

    for (const name of ['pip', 'pip3']) {
      expect(command(discovery, name)).toEqual({
        command: name,
        path: join(dir, 'bin', name),
        interpreter: join(dir, 'bin', 'python3'),
      });
    }
    expect(named(discovery, 'pip on PATH').identity).toBe(venvIdentity(dir));
  });

  it("follows a pip written with the '''exec' form for a path too long for a shebang (no quotes)", async () => {
    const { root, home, project, bin } = tree('pip-long-exec');
    const dir = join(root, 'x'.repeat(150), 'venv');
    const python = venv(dir);
    script(
      join(bin, 'pip3'),
      `#!/bin/sh\n'''exec' ${python} "$0" "$@"\n' '''\n# -*- coding: utf-8 -*-\nimport sys\n`,
    );

    const { discovery } = await scan(envFor(home, { PATH: bin }), project);

    expect(command(discovery, 'pip3').interpreter).toBe(python);
    expect(named(discovery, 'pip3 on PATH').identity).toBe(venvIdentity(dir));
  });

  it('follows a pip whose shebang is #!/usr/bin/env python3 to the python3 on PATH, as env does', async () => {
    const { root, home, project } = tree('pip-env');
    const scripts = join(root, 'scripts');
    script(join(scripts, 'pip'), '#!/usr/bin/env python3\nimport sys\n');
    const dir = join(root, 'venv');
    venv(dir);

    const { discovery } = await scan(
      envFor(home, { PATH: [scripts, join(dir, 'bin')].join(':') }),
      project,
    );

    expect(command(discovery, 'pip')).toEqual({
      command: 'pip',
      path: join(scripts, 'pip'),
      interpreter: join(dir, 'bin', 'python3'),
    });
    const target = named(discovery, 'pip on PATH');
    expect(target.identity).toBe(venvIdentity(dir));
    expect(target.names).toEqual(expect.arrayContaining(['python3 on PATH', join(scripts, 'pip')]));
  });

  it('leaves a pip through env unresolved when its python is not on PATH', async () => {
    const { home, project, bin } = tree('pip-env-missing');
    script(join(bin, 'pip'), '#!/usr/bin/env python3.99\n');

    const { discovery } = await scan(envFor(home, { PATH: bin }), project);

    expect(command(discovery, 'pip')).toEqual({
      command: 'pip',
      path: join(bin, 'pip'),
      interpreter: null,
    });
  });

  it('finishes when launchers on PATH run each other in a circle', async () => {
    const { home, project, bin } = tree('env-cycle');
    script(join(bin, 'python3'), '#!/usr/bin/env python3\n');
    script(join(bin, 'pip'), '#!/usr/bin/env python\n');
    script(join(bin, 'python'), '#!/usr/bin/env pip\n');

    const { discovery } = await scan(envFor(home, { PATH: bin }), project);

    for (const name of ['pip', 'python', 'python3'])
      expect(command(discovery, name)).toEqual({
        command: name,
        path: join(bin, name),
        interpreter: null,
      });
  });
});

/** A pyenv root shaped like the real one: bash shims, versions with python3 and a pip script. */
function fakePyenv(root: string, versions: Record<string, string>, globalVersion: string) {
  const shim = [
    '#!/usr/bin/env bash',
    'set -e',
    '[ -n "$PYENV_DEBUG" ] && set -x',
    '',
    'program="${0##*/}"',
    '',
    `export PYENV_ROOT="${root}"`,
    'exec "$PYENV_ROOT/libexec/pyenv" exec "$program" "$@"',
    '',
  ].join('\n');
  for (const name of ['python', 'python3', 'pip', 'pip3']) script(join(root, 'shims', name), shim);
  for (const [version, python] of Object.entries(versions)) {
    const bin = join(root, 'versions', version, 'bin');
    link(python, join(bin, 'python3'));
    link('python3', join(bin, 'python'));
    script(join(bin, 'pip'), `#!${join(bin, 'python3')}\nimport sys\n`);
    script(join(bin, 'pip3'), `#!${join(bin, 'python3')}\nimport sys\n`);
  }
  writeFileSync(join(root, 'version'), `${globalVersion}\n`);
  return {
    shims: join(root, 'shims'),
    python: (v: string) => join(root, 'versions', v, 'bin', 'python3'),
  };
}

describe('discoverPosixInterpreters: pyenv shims', () => {
  // This machine's own pyenv builds where it has them, else other real Pythons, all different files.
  const own = ['3.11.7', '3.12.1', '3.13.0'].map((version) => {
    const python = join(realPyenv, version, 'bin', 'python3');
    return existsSync(python) ? python : null;
  });
  const spare = distinctPythons(4)
    .slice(1)
    .filter((python) => !own.some((o) => o !== null && realpathSync(o) === realpathSync(python)));
  const [py311, py312, py313] = own.map((python) => python ?? spare.shift()!);
  const systemNext = SYSTEM_PYTHON;

  function pyenvTree(label: string) {
    const t = tree(label);
    const root = join(t.home, '.pyenv');
    const pyenv = fakePyenv(
      root,
      { '3.11.7': py311!, '3.12.1': py312!, '3.13.0': py313! },
      '3.11.7',
    );
    // What `system` hands over to: the python3 and pip after the shims on PATH.
    link(systemNext, join(t.bin, 'python3'));
    script(join(t.bin, 'pip'), `#!${join(t.bin, 'python3')}\n`);
    const env = envFor(t.home, { PATH: [pyenv.shims, t.bin].join(':'), PYENV_ROOT: root });
    return { ...t, ...pyenv, root, env };
  }

  it('runs the global version when nothing else chooses one', async () => {
    const { env, project, python } = pyenvTree('pyenv-global');

    const { discovery } = await scan(env, project);

    expect(command(discovery, 'python3').interpreter).toBe(python('3.11.7'));
    expect(command(discovery, 'pip').interpreter).toBe(python('3.11.7'));
    const candidate = named(discovery, 'python3 on PATH');
    expect(candidate.identity).toBe(realpathSync(py311!));
    expect(candidate.names).toEqual(
      expect.arrayContaining(['pip on PATH', 'pip3 on PATH', 'python on PATH', 'pyenv 3.11.7']),
    );
  });

  it('runs the version the project’s .python-version chooses, also from a parent folder', async () => {
    const { env, project, python } = pyenvTree('pyenv-local');
    writeFileSync(join(project, '.python-version'), '3.12.1\n');
    const nested = join(project, 'src', 'pkg');
    mkdirSync(nested, { recursive: true });

    for (const projectDir of [project, nested]) {
      const { discovery } = await scan(env, projectDir);
      expect(command(discovery, 'python3').interpreter).toBe(python('3.12.1'));
      expect(command(discovery, 'pip').interpreter).toBe(python('3.12.1'));
      expect(named(discovery, 'pip on PATH').identity).toBe(realpathSync(py312!));
    }
  });

  it('runs PYENV_VERSION over both .python-version and the global version', async () => {
    const { env, project, python } = pyenvTree('pyenv-env');
    writeFileSync(join(project, '.python-version'), '3.12.1\n');

    const { discovery } = await scan({ ...env, PYENV_VERSION: '3.13.0' }, project);

    expect(command(discovery, 'python3').interpreter).toBe(python('3.13.0'));
    expect(command(discovery, 'pip').interpreter).toBe(python('3.13.0'));
    // Every installed version is still found, each under its own name.
    for (const [version, real] of [
      ['3.11.7', py311!],
      ['3.12.1', py312!],
      ['3.13.0', py313!],
    ] as const)
      expect(named(discovery, `pyenv ${version}`).identity).toBe(realpathSync(real));
  });

  it('hands `system` over to the next python3 and pip on PATH after the shims', async () => {
    const { env, project, bin } = pyenvTree('pyenv-system');
    writeFileSync(join(project, '.python-version'), 'system\n');

    const { discovery } = await scan(env, project);

    expect(command(discovery, 'python3')).toMatchObject({
      path: join(env.PYENV_ROOT!, 'shims', 'python3'),
      interpreter: join(bin, 'python3'),
    });
    expect(command(discovery, 'pip').interpreter).toBe(join(bin, 'python3'));
    // No python (without the 3) after the shims: the shim has nothing to run.
    expect(command(discovery, 'python')).toMatchObject({
      path: join(env.PYENV_ROOT!, 'shims', 'python'),
      interpreter: null,
    });
    expect(named(discovery, 'python3 on PATH').identity).toBe(realpathSync(systemNext));
  });

  it('hands `system` over past shims reached through a symlinked pyenv folder, instead of hanging', async () => {
    const { env, project, bin, root } = pyenvTree('pyenv-system-symlinked');
    const alias = link(root, join(dirname(root), 'pyenv-alias'));
    const path = [join(alias, 'shims'), bin].join(':');

    const { discovery } = await scan({ ...env, PATH: path, PYENV_VERSION: 'system' }, project);

    expect(command(discovery, 'python3')).toEqual({
      command: 'python3',
      path: join(alias, 'shims', 'python3'),
      interpreter: join(bin, 'python3'),
    });
  }, 10_000);

  it('follows a #!/usr/bin/env python3 pip through the pyenv shim to the selected version', async () => {
    const { env, project, python, root } = pyenvTree('pyenv-env-pip');
    const scripts = join(dirname(root), 'scripts');
    script(join(scripts, 'pip'), '#!/usr/bin/env python3\n');

    const { discovery } = await scan(
      { ...env, PATH: `${scripts}:${env.PATH!}`, PYENV_VERSION: '3.12.1' },
      project,
    );

    expect(command(discovery, 'pip')).toEqual({
      command: 'pip',
      path: join(scripts, 'pip'),
      interpreter: python('3.12.1'),
    });
  });

  it('resolves a prefix such as "3.12" to the newest installed 3.12, as pyenv does', async () => {
    const { env, project, python, root } = pyenvTree('pyenv-prefix');
    // 3.12.9 sorts after 3.12.10 as text; pyenv compares the numbers. A 3.12.11rc1 is not a release.
    fakePyenv(root, { '3.12.9': py311!, '3.12.10': py312!, '3.12.11rc1': py313! }, '3.11.7');
    writeFileSync(join(project, '.python-version'), '3.12\n');

    const { discovery } = await scan(env, project);

    expect(command(discovery, 'python3').interpreter).toBe(python('3.12.10'));
    expect(command(discovery, 'pip').interpreter).toBe(python('3.12.10'));
    // "python-3.13.0" names 3.13.0, as pyenv accepts it.
    const prefixed = await scan({ ...env, PYENV_VERSION: 'python-3.13.0' }, project);
    expect(command(prefixed.discovery, 'python3').interpreter).toBe(python('3.13.0'));
  });

  it('takes a command from the first selected version that has it, then from the system', async () => {
    const { env, project, python, root, bin } = pyenvTree('pyenv-several');
    // A 3.13.0 without pip: "3.13.0:3.11.7" runs python3 from 3.13.0 and pip from 3.11.7.
    rmSync(join(root, 'versions', '3.13.0', 'bin', 'pip'));

    const { discovery } = await scan({ ...env, PYENV_VERSION: '3.13.0:3.11.7' }, project);
    expect(command(discovery, 'python3').interpreter).toBe(python('3.13.0'));
    expect(command(discovery, 'pip').interpreter).toBe(python('3.11.7'));

    // Only 3.13.0: pip comes from after the shims on PATH, as `pyenv which` falls back to system.
    const alone = await scan({ ...env, PYENV_VERSION: '3.13.0' }, project);
    expect(command(alone.discovery, 'pip').interpreter).toBe(join(bin, 'python3'));
  });

  it('stops at the nearest .python-version even when it is empty, which selects the system', async () => {
    const { env, project, bin } = pyenvTree('pyenv-empty-local');
    writeFileSync(join(project, '.python-version'), '3.12.1\n');
    const nested = join(project, 'app');
    mkdirSync(nested);
    writeFileSync(join(nested, '.python-version'), '\n# chosen by the team\n');

    const { discovery } = await scan(env, nested);

    expect(command(discovery, 'python3').interpreter).toBe(join(bin, 'python3'));
  });

  it('ignores a .python-version that points outside pyenv, instead of running what it names', async () => {
    const { env, project, root, bin } = pyenvTree('pyenv-traversal');
    // What a cloned repository could carry: a "version" that is someone else's program.
    const planted = join(dirname(root), 'planted');
    link(SYSTEM_PYTHON, join(planted, 'bin', 'python3'));
    writeFileSync(join(project, '.python-version'), `../../planted\n`);

    const { discovery } = await scan(env, project);

    // Nothing valid is selected, so the shim hands over to the system, as pyenv does.
    expect(command(discovery, 'python3').interpreter).toBe(join(bin, 'python3'));
    expect(discovery.candidates.some((c) => c.executable.startsWith(planted))).toBe(false);
  });

  it('leaves the shims unresolved when the chosen version is not installed', async () => {
    const { env, project } = pyenvTree('pyenv-missing-version');

    const { discovery } = await scan({ ...env, PYENV_VERSION: '3.99.0' }, project);

    expect(command(discovery, 'python3').interpreter).toBeNull();
    expect(command(discovery, 'pip').interpreter).toBeNull();
  });
});

describe('discoverPosixInterpreters: environments and installs', () => {
  it('finds the active venv from VIRTUAL_ENV', async () => {
    const { root, home, project } = tree('virtual-env');
    const dir = join(root, 'active venv');
    venv(dir);

    const { discovery } = await scan(envFor(home, { VIRTUAL_ENV: dir }), project);

    expect(named(discovery, 'VIRTUAL_ENV (the active venv)')).toMatchObject({
      identity: venvIdentity(dir),
      executable: join(dir, 'bin', 'python'),
    });
  });

  it('finds the project’s .venv, venv and env, each as its own interpreter', async () => {
    const { home, project } = tree('project-venvs');
    for (const name of ['.venv', 'venv', 'env']) venv(join(project, name));

    const { discovery } = await scan(envFor(home), project);

    for (const name of ['.venv', 'venv', 'env'])
      expect(named(discovery, `${name} in ${project}`)).toMatchObject({
        identity: venvIdentity(join(project, name)),
        executable: join(project, name, 'bin', 'python'),
      });
  });

  it('finds conda environments listed in ~/.conda/environments.txt, CONDA_PREFIX and ~/miniconda3/envs', async () => {
    const { root, home, project } = tree('conda');
    const listed = join(root, 'conda envs', 'data science');
    const active = join(root, 'conda envs', 'active');
    const underRoot = join(home, 'miniconda3', 'envs', 'ml');
    for (const prefix of [listed, active, underRoot]) venv(prefix);
    mkdirSync(join(home, '.conda'));
    writeFileSync(
      join(home, '.conda', 'environments.txt'),
      `${listed}\r\n\r\n${join(root, 'conda envs', 'deleted since')}\r\n`,
    );

    const { discovery } = await scan(envFor(home, { CONDA_PREFIX: active }), project);

    for (const prefix of [listed, active, underRoot])
      expect(named(discovery, `conda ${prefix}`)).toMatchObject({
        identity: venvIdentity(prefix),
        executable: join(prefix, 'bin', 'python'),
      });
    expect(discovery.candidates.flatMap((c) => c.names).join('\n')).not.toContain('deleted since');
  });

  it('finds Pythons installed by uv, under XDG_DATA_HOME or UV_PYTHON_INSTALL_DIR', async () => {
    const { root, home, project } = tree('uv');
    const [python] = distinctPythons(2).slice(1);
    const install = 'cpython-3.12.1-linux-x86_64-gnu';
    const xdg = join(root, 'xdg data');
    link(python!, join(xdg, 'uv', 'python', install, 'bin', 'python3'));
    const custom = join(root, 'uv pythons');
    link(SYSTEM_PYTHON, join(custom, 'cpython-3.11.2-linux-x86_64-gnu', 'bin', 'python3'));

    const fromXdg = await scan(envFor(home, { XDG_DATA_HOME: xdg }), project);
    expect(named(fromXdg.discovery, `uv ${install}`).identity).toBe(realpathSync(python!));

    const fromCustom = await scan(
      envFor(home, { XDG_DATA_HOME: xdg, UV_PYTHON_INSTALL_DIR: custom }),
      project,
    );
    expect(named(fromCustom.discovery, 'uv cpython-3.11.2-linux-x86_64-gnu').identity).toBe(
      realpathSync(SYSTEM_PYTHON),
    );
    expect(fromCustom.discovery.candidates.flatMap((c) => c.names)).not.toContain(`uv ${install}`);
  });
});

describe('discoverPosixInterpreters: --python', () => {
  it('says so when --python names a file that does not exist', async () => {
    const { home, project } = tree('missing');
    const missing = join(project, 'no such python');

    const { discovery } = await scan(envFor(home), project, [missing]);

    expect(englishDeep(discovery.gaps)).toEqual([
      expect.objectContaining({
        area: 'installs',
        message: `"${missing}" (given with --python) does not exist.`,
      }),
    ]);
    expect(discovery.candidates.flatMap((c) => c.names)).not.toContain('--python');
  });

  it('says so when --python names a folder', async () => {
    const { root, home, project } = tree('folder');
    const dir = join(root, 'venv');
    venv(dir);

    const { discovery } = await scan(envFor(home), project, [dir]);

    expect(englishDeep(discovery.gaps)).toEqual([
      expect.objectContaining({
        area: 'installs',
        message: `"${dir}" (given with --python) is a folder, not a Python program.`,
      }),
    ]);
    expect(discovery.candidates.flatMap((c) => c.names)).not.toContain('--python');
  });

  it('says so when --python names a link to a Python that was uninstalled', async () => {
    const { root, home, project } = tree('dangling');
    const python = link(join(root, 'uninstalled', 'bin', 'python3.12'), join(root, 'python'));

    const { discovery } = await scan(envFor(home), project, [python]);

    expect(englishDeep(discovery.gaps.map((gap) => gap.message))).toEqual([
      `"${python}" (given with --python) is a link to a file that does not exist.`,
    ]);
  });

  it('says so when --python names a file that cannot be run', async () => {
    const { home, project } = tree('not-executable');
    const file = join(project, 'python');
    writeFileSync(file, 'not a program\n', { mode: 0o644 });

    const { discovery } = await scan(envFor(home), project, [file]);

    expect(englishDeep(discovery.gaps.map((gap) => gap.message))).toEqual([
      `"${file}" (given with --python) is not an executable file.`,
    ]);
  });

  it('takes a relative --python from the project folder', async () => {
    const { home, project } = tree('relative');
    venv(join(project, 'tools', 'py'));

    const { discovery } = await scan(envFor(home), project, ['tools/py/bin/python']);

    expect(discovery.gaps).toEqual([]);
    expect(named(discovery, '--python')).toMatchObject({
      executable: join(project, 'tools', 'py', 'bin', 'python'),
      identity: venvIdentity(join(project, 'tools', 'py')),
    });
  });

  it('handles spaces, quotes, &, %, $, Unicode and paths over 260 characters', async () => {
    const { root, home, project } = tree('odd-paths');
    const odd = join(root, `it's "quoted" & 100% $HOME ünïcødé 日本語 🐍`);
    const deep = join(odd, ...Array.from({ length: 6 }, (_, i) => `level ${i} ${'d'.repeat(40)}`));
    expect(deep.length).toBeGreaterThan(260);
    execFileSync('mkdir', ['-p', deep]);
    const venvs = {
      given: join(deep, 'given'),
      active: join(odd, 'active'),
      onPath: join(deep, 'on path'),
    };
    for (const dir of Object.values(venvs)) venv(dir);

    const { discovery } = await scan(
      envFor(home, { VIRTUAL_ENV: venvs.active, PATH: join(venvs.onPath, 'bin') }),
      project,
      [join(venvs.given, 'bin', 'python')],
    );

    expect(discovery.gaps).toEqual([]);
    expect(named(discovery, '--python')).toMatchObject({
      executable: join(venvs.given, 'bin', 'python'),
      identity: venvIdentity(venvs.given),
    });
    expect(named(discovery, 'VIRTUAL_ENV (the active venv)').identity).toBe(
      venvIdentity(venvs.active),
    );
    expect(named(discovery, 'python3 on PATH').identity).toBe(venvIdentity(venvs.onPath));
    expect(command(discovery, 'python')).toEqual({
      command: 'python',
      path: join(venvs.onPath, 'bin', 'python'),
      interpreter: join(venvs.onPath, 'bin', 'python'),
    });
  });
});

describe('discoverPosixInterpreters: reporting interpreters as they are found', () => {
  it('calls onFound exactly once per distinct interpreter, with the candidate’s identity', async () => {
    const { root, home, project, bin } = tree('on-found');
    const [other] = distinctPythons(2).slice(1);
    // Many paths to few interpreters: symlinks, a pip, a venv under three names, pyenv, uv, --python.
    link(SYSTEM_PYTHON, join(bin, 'python3'));
    link(SYSTEM_PYTHON, join(bin, 'python3.11'));
    link(other!, join(bin, 'python'));
    const active = join(project, '.venv');
    venv(active);
    script(join(bin, 'pip'), `#!${join(active, 'bin', 'python')}\n`);
    script(join(bin, 'pip3'), `#!/usr/bin/env python3\n`);
    fakePyenv(join(home, '.pyenv'), { '3.11.7': SYSTEM_PYTHON, '3.12.1': other! }, '3.12.1');
    link(other!, join(home, '.local', 'share', 'uv', 'python', 'cpython-x', 'bin', 'python3'));
    const missing = join(root, 'missing');

    const { discovery, found } = await scan(
      envFor(home, {
        PATH: [join(home, '.pyenv', 'shims'), bin].join(':'),
        VIRTUAL_ENV: active,
      }),
      project,
      [join(active, 'bin', 'python3'), SYSTEM_PYTHON, missing],
    );

    const identities = found.map((entry) => entry.identity);
    expect(new Set(identities).size).toBe(identities.length);
    expect([...identities].sort()).toEqual(discovery.candidates.map((c) => c.identity).sort());
    for (const { identity, executable } of found)
      expect(await interpreterIdentity(executable)).toBe(identity);
    expect(discovery.candidates.map((c) => c.identity)).toEqual(
      expect.arrayContaining([
        realpathSync(SYSTEM_PYTHON),
        realpathSync(other!),
        venvIdentity(active),
      ]),
    );
    expect(discovery.gaps).toHaveLength(1);
  });
});

describe('discoverPosixInterpreters: what each command runs', () => {
  it('names, for pip, pip3, python and python3, the first file on PATH and the interpreter it runs', async () => {
    const { root, home, project, bin } = tree('commands');
    const first = join(root, 'first');
    const [other] = distinctPythons(2).slice(1);
    const dir = join(root, 'venv');
    const inVenv = venv(dir);
    script(join(first, 'pip'), `#!${inVenv}\n`);
    link(other!, join(first, 'python'));
    // Shadowed by the ones in `first`:
    script(join(bin, 'pip'), `#!${SYSTEM_PYTHON}\n`);
    link(SYSTEM_PYTHON, join(bin, 'python'));
    // Only here:
    script(join(bin, 'pip3'), `#!${join(bin, 'python3')}\n`);
    link(other!, join(bin, 'python3'));

    const { discovery } = await scan(envFor(home, { PATH: [first, bin].join(':') }), project);

    expect(discovery.commands.map((c) => c.command)).toEqual(REPORTED_COMMANDS);
    const venvCandidate = named(discovery, 'pip on PATH');
    const otherCandidate = named(discovery, 'python3 on PATH');
    expect(venvCandidate).toMatchObject({ identity: venvIdentity(dir), executable: inVenv });
    // One interpreter reached by three paths is shown by the first one the commands reached.
    expect(otherCandidate).toMatchObject({
      identity: realpathSync(other!),
      executable: join(bin, 'python3'),
    });
    expect(otherCandidate.names).toEqual(
      expect.arrayContaining(['pip3 on PATH', 'python on PATH', join(first, 'python')]),
    );
    expect(discovery.commands).toEqual([
      { command: 'pip', path: join(first, 'pip'), interpreter: inVenv },
      { command: 'pip3', path: join(bin, 'pip3'), interpreter: join(bin, 'python3') },
      { command: 'python', path: join(first, 'python'), interpreter: join(bin, 'python3') },
      { command: 'python3', path: join(bin, 'python3'), interpreter: join(bin, 'python3') },
    ]);
  });

  it('gives null for commands not on PATH, and a path without interpreter for a pip that is a compiled program', async () => {
    const { home, project, bin } = tree('absent-commands');
    link('/bin/true', join(bin, 'pip'));

    const { discovery } = await scan(envFor(home, { PATH: bin }), project);

    expect(discovery.commands).toEqual([
      { command: 'pip', path: join(bin, 'pip'), interpreter: null },
      { command: 'pip3', path: null, interpreter: null },
      { command: 'python', path: null, interpreter: null },
      { command: 'python3', path: null, interpreter: null },
    ]);
  });
});
