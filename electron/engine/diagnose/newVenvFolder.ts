import type { OsTraits } from '../../platform/osTraits';
import type { PythonInstall } from '../../shared/model/diagnosis';
import type { Cause } from '../../shared/model/vocabulary';

/**
 * Where a new virtual environment for the project goes: its `.venv`. A new
 * environment never replaces the one pip failed in (it may be in use, or
 * root's), so when that is the project's `.venv` the new one is `.venv-new`.
 * When pip failed because a path grew past the OS's length limit, a venv
 * inside the same deep folder would fail the same way: it goes into a short
 * folder at the top of the project's drive (`C:\venvs\<project>`), as the
 * log's explanation advises. Paths in the form of the OS the scan was made on.
 */
export function newVenvFolder(
  os: OsTraits,
  projectDir: string,
  target: PythonInstall | null,
  cause: Cause | 'none' = 'none',
): string | null {
  if (target === null) return null;
  const short = cause === 'long-path' ? shortVenvFolder(os, projectDir) : null;
  if (short !== null) return short;
  const projectVenv = os.paths.join(projectDir, '.venv');
  return target.prefix === projectVenv ? `${projectVenv}-new` : projectVenv;
}

/**
 * `venvs\<project folder's name>` at the root of the project's drive (or
 * share); null where the OS has no path length limit to stay under.
 */
export function shortVenvFolder(os: OsTraits, projectDir: string): string | null {
  if (os.pathLengthLimit === null) return null;
  const { root } = os.paths.parse(projectDir);
  const name = os.paths.basename(projectDir) || 'project';
  return os.paths.join(root, 'venvs', name);
}
