import { win32 } from 'node:path';
import type { InstallKind } from '../../shared/model/diagnosis';
import type { InterpreterFacts } from '../systemProbe';
import { envValue } from './commandRunner';
import { isStorePath } from './storePython';
import { pyenvWinRoot, pythonInstallManagerRoot, uvPythonRoots } from './windowsLocations';
import { isInside } from '../../shared/paths';

/**
 * Who installed an interpreter, from where it lives on Windows
 * (windows-probes.md §6.5): the Store's package folder, a per-user install
 * under %LOCALAPPDATA%\Programs\Python or by the Python install manager
 * under %LOCALAPPDATA%\Python, an all-users one under Program Files
 * or a C:\PythonXY folder, conda, pyenv-win, uv, or a venv.
 */
export function windowsInstallKind(facts: InterpreterFacts, env: NodeJS.ProcessEnv): InstallKind {
  if (facts.inVenv) return 'venv';
  if (facts.condaPrefix) return 'conda';
  const places = [facts.prefix, facts.realExecutable, facts.executable].filter(
    (place): place is string => place !== null,
  );
  const under = (root: string | undefined) =>
    root !== undefined && places.some((place) => isInside(place, root));
  if (places.some(isStorePath)) return 'store';
  if (under(win32.join(pyenvWinRoot(env), 'versions'))) return 'pyenv';
  if (uvPythonRoots(env).some(under)) return 'uv';
  const localAppData = envValue(env, 'LOCALAPPDATA');
  if (localAppData && under(win32.join(localAppData, 'Programs', 'Python'))) return 'per-user';
  if (under(pythonInstallManagerRoot(env) ?? undefined)) return 'per-user';
  const programFolders = ['ProgramFiles', 'ProgramFiles(x86)', 'ProgramW6432'].map((name) =>
    envValue(env, name),
  );
  if (programFolders.some(under)) return 'all-users';
  if (places.some((place) => /^[a-z]:\\python\d+[^\\]*\\/i.test(`${place}\\`))) return 'all-users';
  return 'unknown';
}
