import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { pathProfileInstructions } from '../../../electron/remedies/planning/instructions';
import { isValidPackageName, normalizePackageName } from '../../../electron/shared/packageName';
import { chownCommands } from '../../../electron/platform/posix/chown';
import { interpretPkexec } from '../../../electron/platform/posix/pkexec';
import {
  isSameProcess,
  protectedReason,
  selfAndAncestors,
} from '../../../electron/platform/processGuard';
import { changesBetween } from '../../../electron/remedies/steps/distributions';
import { transientLockCandidate } from '../../../electron/remedies/steps/transientLock';
import { importNames, moduleToImport } from '../../../electron/remedies/checks/importNames';
import type { ProcessSummary } from '../../../electron/platform/systemProbe';
import { tempTree } from '../../support/tempTree';
import { englishDeep, englishOf } from '../../support/english';
import { SYSTEM_PYTHON } from './actionHarness';
import { buildDemoWheels } from './buildWheel';
import { fixture } from './windowsScripts';
import { osTraits } from '../../../electron/platform/osTraits';

describe('package names', () => {
  test('PEP 508 names pass, and compare by their PEP 503 form', () => {
    for (const name of ['requests', 'scikit-learn', 'zope.interface', 'backports_abc', 'A', 'x2']) {
      expect(isValidPackageName(name), name).toBe(true);
    }
    for (const name of [
      '-r',
      '.hidden',
      'trailing-',
      'a b',
      'pkg>=1',
      'pkg[extra]',
      'a/b',
      'C:\\x',
      'x'.repeat(121),
    ]) {
      expect(isValidPackageName(name), name).toBe(false);
    }
    expect(normalizePackageName('Zope.Interface__x')).toBe('zope-interface-x');
  });
});

describe('processes', () => {
  test('a start time within a second is the same process; an hour apart is a reused pid', () => {
    expect(isSameProcess('2026-11-24T08:00:00.000Z', '2026-11-24T08:00:00.990Z')).toBe(true);
    expect(isSameProcess('2026-11-24T08:00:00.000Z', '2026-11-24T07:59:59.000Z')).toBe(true);
    expect(isSameProcess('2026-11-24T08:00:00.000Z', '2026-11-24T08:00:01.500Z')).toBe(false);
    expect(isSameProcess('2026-11-24T08:00:00.000Z', '2026-11-24T09:00:00.000Z')).toBe(false);
    // Unknown start times (a Windows process the scan could not date) never count as the same.
    expect(isSameProcess('', '')).toBe(false);
  });

  test('never the app, the programs above it, init, kernel threads, or Windows’ own processes', () => {
    const summary = (pid: number, ppid: number, name = 'x'): [number, ProcessSummary] => [
      pid,
      { pid, ppid, name, startTime: '2026-11-24T08:00:00.000Z', executable: null },
    ];
    const table = new Map([
      summary(1, 0),
      summary(900, 1, 'bash'),
      summary(1000, 900, 'electron'),
      summary(1001, 1000),
    ]);
    const app = selfAndAncestors(1000, table);
    expect([...app].sort()).toEqual([1, 1000, 900]);
    expect(englishOf(protectedReason({ pid: 900, name: 'bash', ppid: 1 }, 'linux', app))).toMatch(
      /Pip Doctor itself or the program that started it/,
    );
    expect(protectedReason({ pid: 1001, name: 'python3', ppid: 1000 }, 'linux', app)).toBeNull();
    expect(
      englishOf(protectedReason({ pid: 55, name: 'kworker/0:1', ppid: 2 }, 'linux', app)),
    ).toMatch(/operating system/);
    expect(
      englishOf(protectedReason({ pid: 640, name: 'csrss.exe', ppid: 500 }, 'win32', new Set())),
    ).toMatch(/part of Windows/);
    expect(
      protectedReason({ pid: 8132, name: 'python.exe', ppid: 500 }, 'win32', new Set()),
    ).toBeNull();
  });

  test('pkexec’s refusals are answers; a program’s own exit code is not mistaken for one', () => {
    expect(interpretPkexec(126, '')).toBe('declined');
    expect(interpretPkexec(127, 'Error executing command as another user: Not authorized\n')).toBe(
      'declined',
    );
    expect(
      interpretPkexec(
        127,
        'Error executing command as another user: No authentication agent found.',
      ),
    ).toBe('unavailable');
    expect(interpretPkexec(127, 'ERROR: No matching distribution found for x')).toBe('ran');
    expect(interpretPkexec(1, '')).toBe('ran');
  });
});

describe('files', () => {
  test('chown commands stay far below the command-line limit, and never read a path as an option', () => {
    const paths = Array.from(
      { length: 5000 },
      (_, index) => `/home/ana/.local/lib/python3.12/site-packages/pkg/module_${index}.py`,
    );
    const commands = chownCommands('/usr/bin/chown', '1000:1000', paths);
    expect(commands.length).toBeGreaterThan(1);
    for (const command of commands) {
      expect(command.args.slice(0, 3)).toEqual(['-h', '1000:1000', '--']);
      expect(Buffer.byteLength(command.args.join(' '))).toBeLessThan(140 * 1024);
    }
    expect(commands.flatMap((command) => command.args.slice(3))).toEqual(paths);
  });

  test('the PATH line for a profile uses $HOME where it can, and quotes what the shell would expand', () => {
    expect(pathProfileInstructions('/home/ana/.local/bin', '/home/ana')[0]!.text).toBe(
      'export PATH="$HOME/.local/bin:$PATH"',
    );
    expect(pathProfileInstructions('/opt/my $tools/bin', '/home/ana')[0]!.text).toBe(
      `export PATH='/opt/my $tools/bin':"$PATH"`,
    );
  });

  test('what an install added, and what it upgraded', () => {
    expect(
      changesBetween(
        { pip: '24.0', numpy: '1.26.4' },
        { pip: '24.0', numpy: '2.1.3', 'pipdoctor-demo': '1.0' },
      ),
    ).toEqual({
      added: ['pipdoctor-demo'],
      changed: [{ name: 'numpy', from: '1.26.4', to: '2.1.3' }],
    });
  });
});

describe('retrying a brief lock on Windows', () => {
  test('a WinError 32 on a file is a candidate for a retry on Windows only', () => {
    const stderr = fixture('elevated-pip-install-failed/stderr.txt');
    expect(transientLockCandidate(osTraits('win32'), stderr)).toBe(
      'c:\\program files\\python312\\lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd',
    );
    expect(transientLockCandidate(osTraits('linux'), stderr)).toBeNull();
    expect(
      transientLockCandidate(osTraits('win32'), 'ERROR: No matching distribution found for nump'),
    ).toBeNull();
  });
});

describe('import names come from the installed distribution’s metadata', () => {
  const root = tempTree('import-names');
  const venv = join(root, 'venv');
  const python = join(venv, 'bin', 'python');

  beforeAll(() => {
    mkdirSync(join(root, 'wheels'));
    buildDemoWheels(join(root, 'wheels'));
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', venv]);
    execFileSync(python, [
      '-m',
      'pip',
      'install',
      '--no-index',
      '--find-links',
      join(root, 'wheels'),
      'pipdoctor-demo',
    ]);
  }, 60_000);

  test('from top_level.txt, from RECORD when there is none, and not at all for a distribution not installed', async () => {
    const signal = new AbortController().signal;
    expect(await importNames(python, 'pipdoctor-demo', process.env, root, signal)).toEqual({
      ok: true,
      version: '1.0',
      modules: ['demo_module'],
    });
    expect(await importNames(python, 'PIPDOCTOR_helper', process.env, root, signal)).toEqual({
      ok: true,
      version: '2.0',
      modules: ['helper_mod'],
    });
    expect(
      englishDeep(await importNames(python, 'not-installed-here', process.env, root, signal)),
    ).toEqual({
      ok: false,
      detail: `not-installed-here is not installed in ${python}`,
    });
    expect(moduleToImport(['_speedups', 'yaml'])).toBe('yaml');
    expect(moduleToImport(['_cffi_backend'])).toBe('_cffi_backend');
    expect(moduleToImport(['os; import shutil'])).toBeNull();
  }, 30_000);
});
