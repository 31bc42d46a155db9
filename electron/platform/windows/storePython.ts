import { win32 } from 'node:path';

/**
 * What an App Execution Alias in %LOCALAPPDATA%\Microsoft\WindowsApps runs
 * (windows-probes.md §6.2). These are zero-byte reparse points:
 * - with no Store Python installed, python.exe and python3.exe point at the
 *   App Installer's redirector (package Microsoft.DesktopAppInstaller_…),
 *   which runs no Python: it prints "Python was not found; run without
 *   arguments to install from the Microsoft Store…" (exit 9009) or opens the
 *   Store. CPython's own launcher detects it by that package id (PC/launcher2.c).
 *   It is never an install and is never run;
 * - with the Store's Python, they point into
 *   C:\Program Files\WindowsApps\PythonSoftwareFoundation.Python.3.X_<version>_<arch>__<publisher>\,
 *   a read-only package folder; the alias runs it (the package folder itself
 *   cannot be run directly).
 */
export type AliasTarget =
  | { kind: 'store-stub' }
  | { kind: 'store-python'; packageFolder: string; familyName: string }
  | { kind: 'other' }
  | { kind: 'unknown' };

const STORE_PACKAGE = /^(.*\\WindowsApps\\(PythonSoftwareFoundation\.Python\.[^\\]+))(?:\\|$)/i;

export function classifyAliasTarget(target: string | null): AliasTarget {
  if (target === null) return { kind: 'unknown' };
  if (/\\Microsoft\.DesktopAppInstaller_/i.test(target)) return { kind: 'store-stub' };
  const store = STORE_PACKAGE.exec(target);
  if (store) {
    return { kind: 'store-python', packageFolder: store[1]!, familyName: familyName(store[2]!) };
  }
  return { kind: 'other' };
}

/**
 * A package's full name is Name_Version_Arch_ResourceId_PublisherId; its
 * family (the name of its alias folder and of its data under
 * %LOCALAPPDATA%\Packages) is Name_PublisherId.
 */
export function familyName(packageFullName: string): string {
  const parts = packageFullName.split('_');
  return parts.length >= 5 ? `${parts[0]}_${parts.at(-1)}` : packageFullName;
}

/** %LOCALAPPDATA%\Microsoft\WindowsApps: where the aliases live (and the stub). */
export function aliasFolder(localAppData: string): string {
  return win32.join(localAppData, 'Microsoft', 'WindowsApps');
}

export function isInAliasFolder(path: string): boolean {
  return /\\Microsoft\\WindowsApps\\/i.test(path);
}

/** A Store package folder or a Store alias: what only the Store may change. */
export function isStorePath(path: string): boolean {
  return /\\WindowsApps\\PythonSoftwareFoundation\.Python\./i.test(path);
}
