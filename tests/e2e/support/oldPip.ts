import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SYSTEM_PYTHON } from './pythonFixtures';
import type { Venv } from './pythonFixtures';

/**
 * Real pip, setuptools and wheel wheels that Pythons on this machine ship
 * (ensurepip's bundled ones, Debian's python-wheels, CPython's test data):
 * an old pip to install and newer ones to upgrade to, with no network.
 */
const WHEEL_FOLDERS = [
  '/usr/share/python-wheels',
  ...pyenvFolders([
    'lib/python{v}/ensurepip/_bundled',
    'lib/python{v}/test/wheeldata',
    'lib/python{v}/test',
  ]),
];

function pyenvFolders(patterns: string[]): string[] {
  const versions = '/root/.pyenv/versions';
  if (!existsSync(versions)) return [];
  return readdirSync(versions).flatMap((version) => {
    const minor = version.split('.').slice(0, 2).join('.');
    return patterns.map((pattern) => join(versions, version, pattern.replace('{v}', minor)));
  });
}

function wheelsOf(name: string): string[] {
  return WHEEL_FOLDERS.filter(existsSync).flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.whl'))
      .map((file) => join(folder, file)),
  );
}

const major = (wheel: string) => Number(basename(wheel).split('-')[1]!.split('.')[0]);

/** A pip below 21, the line upgrade-pip draws (a py2.py3 wheel runs on Python 3.11 too). */
export const OLD_PIP_WHEEL: string | null =
  wheelsOf('pip').find((wheel) => major(wheel) >= 19 && major(wheel) < 21) ?? null;

/** A folder with a pip of 21 or newer, setuptools and wheel: what the upgrade command installs. */
export const UPGRADE_WHEELS: string | null = (() => {
  const pip = wheelsOf('pip').find((wheel) => major(wheel) >= 21);
  const setuptools = wheelsOf('setuptools')[0];
  const wheel = wheelsOf('wheel')[0];
  if (!pip || !setuptools || !wheel) return null;
  const folder = mkdtempSync(join(tmpdir(), 'pip-doctor-e2e-upgrade-wheels-'));
  for (const file of [pip, setuptools, wheel]) copyFileSync(file, join(folder, basename(file)));
  return folder;
})();

/** A venv made by root (so others may not change it) whose pip is installed from `pipWheel`. */
export function makeVenvWithPip(dir: string, pipWheel: string): Venv {
  execFileSync(SYSTEM_PYTHON, ['-m', 'venv', '--without-pip', dir]);
  const python = join(dir, 'bin', 'python');
  // A wheel of pip runs from the zip: it installs itself.
  execFileSync(python, [join(pipWheel, 'pip'), 'install', '--no-index', '--no-deps', pipWheel], {
    env: { PATH: '/usr/bin:/bin', HOME: '/root' },
  });
  const sitePackages = execFileSync(
    python,
    ['-c', 'import sysconfig; print(sysconfig.get_path("purelib"))'],
    { encoding: 'utf8' },
  ).trim();
  return { dir, python, sitePackages };
}
