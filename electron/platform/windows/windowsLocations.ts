import { win32 } from 'node:path';
import { envValue } from './commandRunner';

/**
 * Where Python installs live on Windows, by their tools' own rules
 * (windows-probes.md §6.5; docs.astral.sh/uv/reference/storage).
 */

export function homeFolder(env: NodeJS.ProcessEnv): string {
  return envValue(env, 'USERPROFILE') ?? 'C:\\Users\\Default';
}

/** pyenv-win: PYENV_ROOT, else PYENV, else ~\.pyenv\pyenv-win. */
export function pyenvWinRoot(env: NodeJS.ProcessEnv): string {
  return (
    envValue(env, 'PYENV_ROOT') ??
    envValue(env, 'PYENV') ??
    win32.join(homeFolder(env), '.pyenv', 'pyenv-win')
  );
}

/** uv's managed Pythons: UV_PYTHON_INSTALL_DIR, else its data folder under %APPDATA% (old and new layout). */
export function uvPythonRoots(env: NodeJS.ProcessEnv): string[] {
  const explicit = envValue(env, 'UV_PYTHON_INSTALL_DIR');
  if (explicit) return [explicit];
  const appData = envValue(env, 'APPDATA') ?? win32.join(homeFolder(env), 'AppData', 'Roaming');
  return [win32.join(appData, 'uv', 'python'), win32.join(appData, 'uv', 'data', 'python')];
}

const CONDA_NAMES = ['anaconda3', 'miniconda3', 'miniforge3', 'mambaforge', 'micromamba'];

/** Conda base folders a user or an administrator typically installs into. */
export function condaRoots(env: NodeJS.ProcessEnv): string[] {
  const bases = [
    homeFolder(env),
    envValue(env, 'LOCALAPPDATA'),
    envValue(env, 'ProgramData') ?? 'C:\\ProgramData',
    `${envValue(env, 'SystemDrive') ?? 'C:'}\\`,
  ].filter((base): base is string => base !== undefined);
  return [...new Set(bases.flatMap((base) => CONDA_NAMES.map((name) => win32.join(base, name))))];
}

/**
 * The Python install manager's runtimes (python.org's installer from 3.14,
 * `py install`): %LOCALAPPDATA%\Python\<tag>\python.exe, beside its own
 * `bin` (global aliases) and `_cache` folders (pymanager.json, install_dir).
 */
export function pythonInstallManagerRoot(env: NodeJS.ProcessEnv): string | null {
  const localAppData = envValue(env, 'LOCALAPPDATA');
  return localAppData ? win32.join(localAppData, 'Python') : null;
}

/** Per-user installs ("Install Now"): %LOCALAPPDATA%\Programs\Python\PythonXY. */
export function perUserPythonsFolder(env: NodeJS.ProcessEnv): string | null {
  const localAppData = envValue(env, 'LOCALAPPDATA');
  return localAppData ? win32.join(localAppData, 'Programs', 'Python') : null;
}

/** Folders whose Python* children are all-users installs: Program Files (both) and the system drive's root. */
export function allUsersPythonParents(env: NodeJS.ProcessEnv): string[] {
  const parents = [
    envValue(env, 'ProgramFiles'),
    envValue(env, 'ProgramFiles(x86)'),
    `${envValue(env, 'SystemDrive') ?? 'C:'}\\`,
  ].filter((parent): parent is string => parent !== undefined);
  return [...new Set(parents)];
}
