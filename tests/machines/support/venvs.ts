import { join } from 'node:path';
import { makeVenv } from '../../support/heldVenv';
import type { Venv } from '../../e2e/support/pythonFixtures';
import { DEBIAN_WHEELS, SUDO_ENV, SYSTEM_PYTHON } from './machine';
import type { Machine } from './machine';

export type { Venv };

/** A venv the user made themselves (`python3 -m venv DIR`), so every file of it is theirs. */
export async function userVenv(machine: Machine, dir: string, base = SYSTEM_PYTHON): Promise<Venv> {
  const made = await machine.bash('"$1" -m venv "$2"', [base, dir]);
  if (made.code !== 0)
    throw new Error(`${base} -m venv ${dir} failed: ${made.stdout}${made.stderr}`);
  const python = join(dir, 'bin', 'python');
  return { dir, python, sitePackages: await purelib(machine, python) };
}

/** A venv made with `sudo python3 -m venv DIR`: root's, whoever uses it. */
export function rootVenv(dir: string): Venv {
  return makeVenv(dir);
}

/**
 * `sudo PYTHON -m pip install ...`: root installing into an install. sudo
 * drops PIP_* from the environment, so the wheels are named on the line.
 */
export async function sudoPipInstall(
  machine: Machine,
  python: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<void> {
  const installed = await machine.bash(
    '"$1" -m pip install --no-index --find-links "$2" --find-links "$3" "${@:4}"',
    [python, machine.wheels, DEBIAN_WHEELS, ...args],
    { as: 'root', env: { ...SUDO_ENV, ...env } },
  );
  if (installed.code !== 0)
    throw new Error(
      `sudo ${python} -m pip install ${args.join(' ')} failed: ${installed.stdout}${installed.stderr}`,
    );
}

/** The user installing into an install of theirs, the way they set it up before things broke. */
export async function userPipInstall(
  machine: Machine,
  python: string,
  args: readonly string[],
): Promise<void> {
  const installed = await machine.bash('"$1" -m pip install "${@:2}"', [python, ...args]);
  if (installed.code !== 0)
    throw new Error(
      `${python} -m pip install ${args.join(' ')} failed: ${installed.stdout}${installed.stderr}`,
    );
}

/** Where the interpreter installs packages, as it says itself. */
export async function purelib(machine: Machine, python: string): Promise<string> {
  const asked = await machine.run([
    python,
    '-c',
    'import sysconfig; print(sysconfig.get_path("purelib"))',
  ]);
  if (asked.code !== 0) throw new Error(`${python} cannot say where it installs: ${asked.stderr}`);
  return asked.stdout.trim();
}
