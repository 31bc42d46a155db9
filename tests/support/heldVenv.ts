import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHolder, SYSTEM_PYTHON } from './pythonHolder';
import type { HolderOptions, HolderProcess } from './pythonHolder';

export interface Venv {
  dir: string;
  python: string;
  sitePackages: string;
}

/** A real venv made by /usr/bin/python3; made by root, so only root may write into it. */
export function makeVenv(dir: string): Venv {
  mkdirSync(join(dir, '..'), { recursive: true });
  execFileSync(SYSTEM_PYTHON, ['-m', 'venv', dir]);
  const python = join(dir, 'bin', 'python');
  const sitePackages = execFileSync(
    python,
    ['-c', 'import sysconfig; print(sysconfig.get_path("purelib"))'],
    { encoding: 'utf8' },
  ).trim();
  return { dir, python, sitePackages };
}

export interface HeldVenv {
  venv: Venv;
  /** The file in its site-packages that a running program holds open. */
  heldFile: string;
  holder: HolderProcess;
}

/**
 * The machine of a "file in use" error: a real venv, a module file in its
 * site-packages, and a real Python process holding that file open (by
 * default the venv's own interpreter, as an editor's would be).
 */
export async function venvWithHeldFile(
  dir: string,
  fileName: string,
  options: HolderOptions = {},
): Promise<HeldVenv> {
  const venv = makeVenv(dir);
  const heldFile = join(venv.sitePackages, fileName);
  writeFileSync(heldFile, '# held open by a running program\n');
  const holder = await startHolder([`open:${heldFile}`], { python: venv.python, ...options });
  return { venv, heldFile, holder };
}
