import type { OsTraits } from '../../platform/osTraits';
import type { PythonInstall } from '../../shared/model/diagnosis';

/**
 * Where a new virtual environment for the project goes: its `.venv`. A new
 * environment never replaces the one pip failed in (it may be in use, or
 * root's), so when that is the project's `.venv` the new one is `.venv-new`.
 * Paths in the form of the OS the scan was made on.
 */
export function newVenvFolder(
  os: OsTraits,
  projectDir: string,
  target: PythonInstall | null,
): string | null {
  if (target === null) return null;
  const projectVenv = os.paths.join(projectDir, '.venv');
  return target.prefix === projectVenv ? `${projectVenv}-new` : projectVenv;
}
