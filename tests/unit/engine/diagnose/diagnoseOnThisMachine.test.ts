import { englishOf } from '../../../support/english';
import { english } from '../../../support/english';
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCliProcess } from '../../../support/runCliProcess';
import { parseCliDiagnosis } from '../../../support/cliDiagnosis';
import { tempTree } from '../../../support/tempTree';

/** Debian's Python: an unprivileged user can run it (pyenv's live under root's 0700 home). */
const SYSTEM_PYTHON = '/usr/bin/python3';

describe('diagnose on this machine, for real', () => {
  const root = tempTree('diagnose');
  const project = join(root, 'my project & 100% ünïcode');
  const venv = join(project, '.venv');
  const lockedVenvProject = join(root, 'root-owned');
  const holder: { child: ChildProcess | null } = { child: null };

  beforeAll(() => {
    mkdirSync(project, { recursive: true });
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', venv]);
    mkdirSync(lockedVenvProject);
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', join(lockedVenvProject, '.venv')]);
    chmodSync(root, 0o755);
    chmodSync(project, 0o755);
  }, 60_000);

  afterAll(() => {
    holder.child?.kill('SIGKILL');
  });

  test('lists the real Pythons and venvs, and says which one pip runs', async () => {
    const run = await runCliProcess(['diagnose', '--json', '--project', project]);
    expect(run.code, run.stderr).toBe(0);
    const diagnosis = parseCliDiagnosis(run.stdout);

    const projectVenv = diagnosis.installs.find(
      (install) => install.executable === join(venv, 'bin', 'python'),
    );
    expect(projectVenv?.kind).toBe('venv');
    expect(projectVenv?.status).toBe('ok');
    expect(projectVenv?.prefix).toBe(venv);
    expect(projectVenv?.pipVersion).toMatch(/^\d+\./);
    expect(projectVenv?.folders.find((f) => f.role === 'purelib')?.writable).toBe(true);

    // Every pyenv version on this machine (if it has pyenv) is found, with its real version.
    const pyenvRoot = process.env.PYENV_ROOT ?? join(process.env.HOME ?? '/root', '.pyenv');
    const pyenvVersions = existsSync(join(pyenvRoot, 'versions'))
      ? readdirSync(join(pyenvRoot, 'versions'))
      : [];
    for (const version of pyenvVersions) {
      const install = diagnosis.installs.find((i) => i.names.includes(`pyenv ${version}`));
      expect(install?.version, `pyenv ${version}`).toBe(version);
      expect(install?.kind).toBe('pyenv');
    }
    // The system Python is one install, reached by all its names (python3, python3.11, /bin and /usr/bin).
    const system = diagnosis.installs.filter((i) => i.executable.startsWith('/usr/bin/python3'));
    expect(system).toHaveLength(1);
    expect(system[0]?.kind).toBe('system');
    expect(system[0]?.names).toEqual(
      expect.arrayContaining(['/usr/bin/python3', '/usr/bin/python3.11']),
    );

    const pip = diagnosis.pipOnPath.find((entry) => entry.command === 'pip');
    expect(pip?.installId).not.toBeNull();
    expect(diagnosis.targetInstallId).toBe(pip?.installId);
    expect(diagnosis.elevated).toBe(process.geteuid?.() === 0);
  }, 90_000);

  test('as an unprivileged user, a root-owned site-packages is not writable, with the reason, and venv comes first', async () => {
    const lockedVenv = join(lockedVenvProject, '.venv');
    const env = {
      PATH: `${join(lockedVenv, 'bin')}:/usr/bin:/bin`,
      HOME: join(root, 'nobody-home'),
      LANG: 'C.UTF-8',
    };
    const run = await runCliProcess(['diagnose', '--json', '--project', lockedVenvProject], {
      env,
      asNobody: true,
    });
    expect(run.code, run.stderr).toBe(0);
    const diagnosis = parseCliDiagnosis(run.stdout);

    const target = diagnosis.installs.find((install) => install.id === diagnosis.targetInstallId);
    expect(target?.prefix).toBe(lockedVenv);
    expect(target?.names).toContain('pip on PATH');
    const purelib = target?.folders.find((folder) => folder.role === 'purelib');
    expect(purelib?.writable).toBe(false);
    expect(englishOf(purelib?.reason)).toMatch(/root/);
    expect(englishOf(purelib?.reason)).toMatch(/755/);
    expect(diagnosis.cause).toBe('permission');
    expect(diagnosis.recommendations[0]?.id).toBe('venv');
    expect(english(diagnosis.recommendations[0]!.reason)).toContain(purelib?.path);
    expect(diagnosis.elevated).toBe(false);
  }, 90_000);

  test('given a pasted lock log, it names the real process holding that file and its parent', async () => {
    const sitePackages = execFileSync(
      join(venv, 'bin', 'python'),
      ['-c', 'import sysconfig;print(sysconfig.get_path("purelib"))'],
      {
        encoding: 'utf8',
      },
    ).trim();
    const heldFile = join(sitePackages, 'held module.py');
    writeFileSync(heldFile, '# held open by a running program\n');
    const child = spawn(
      join(venv, 'bin', 'python'),
      [
        '-c',
        `f = open(${JSON.stringify(heldFile)}); import sys; print('ready', flush=True); sys.stdin.read()`,
      ],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    holder.child = child;
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));

    const log = [
      'Installing collected packages: held-module',
      `ERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`,
    ].join('\n');
    const logFile = join(root, 'lock.log');
    writeFileSync(logFile, log);

    const run = await runCliProcess(['diagnose', '--json', '--project', project, '--log', logFile]);
    expect(run.code, run.stderr).toBe(0);
    const diagnosis = parseCliDiagnosis(run.stdout);
    expect(diagnosis.log?.category).toBe('lock');
    expect(diagnosis.cause).toBe('lock');

    const found = diagnosis.processes.find((p) => p.pid === child.pid);
    expect(found?.holds).toContain(heldFile);
    expect(found?.installId).toBe(diagnosis.installs.find((i) => i.prefix === venv)?.id);
    expect(found?.parents[0]?.pid).toBe(process.pid);
    expect(diagnosis.recommendations[0]?.id).toBe('close-processes');
    expect(english(diagnosis.recommendations[0]!.reason)).toContain(`pid ${child.pid}`);

    child.stdin!.end();
  }, 90_000);

  test('an interpreter that hangs is marked timed out and the scan still finishes', async () => {
    const fakeDir = join(root, 'fake bin');
    mkdirSync(fakeDir, { recursive: true });
    const hanging = join(fakeDir, 'python');
    writeFileSync(hanging, '#!/bin/sh\nexec sleep 1000\n');
    chmodSync(hanging, 0o755);
    const crashing = join(fakeDir, 'python-crash');
    writeFileSync(crashing, '#!/bin/sh\necho "Fatal Python error: init_fs_encoding" >&2\nexit 1\n');
    chmodSync(crashing, 0o755);

    const run = await runCliProcess([
      'diagnose',
      '--json',
      '--project',
      project,
      '--python',
      hanging,
      '--python',
      crashing,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const diagnosis = parseCliDiagnosis(run.stdout);
    expect(diagnosis.installs.find((i) => i.executable === hanging)?.status).toBe('timed-out');
    expect(diagnosis.installs.find((i) => i.executable === crashing)?.status).toBe('crashed');
    expect(diagnosis.installs.filter((i) => i.status === 'ok').length).toBeGreaterThan(2);
    expect(diagnosis.gaps.some((gap) => english(gap.message).includes(hanging))).toBe(true);
  }, 90_000);

  test('the human report leads with the cause and the fix to try first', async () => {
    const run = await runCliProcess(['diagnose', '--project', project]);
    expect(run.code, run.stderr).toBe(0);
    const [firstLine] = run.stdout.split('\n');
    expect(firstLine).toMatch(/^[✓✗] /);
    expect(run.stdout).toContain('Which Python each command runs:');
    expect(run.stdout).toMatch(/pip\s+→ Python \d/);
  }, 90_000);
});
