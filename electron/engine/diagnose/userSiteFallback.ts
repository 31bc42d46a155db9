import type { PythonInstall } from '../../shared/model/diagnosis';

/** pip decides on a --user install by itself from 20.0 (pip/_internal/commands/install.py). */
const FALLBACK_SINCE_MAJOR = 20;

/**
 * Where pip goes by itself when site-packages is not writable: pip >= 20
 * "Defaults to user installation" when the user site is enabled and
 * writable, outside a venv and where PEP 668 does not forbid it (or the
 * user told pip to ignore it: PIP_BREAK_SYSTEM_PACKAGES). A plain
 * `pip install` then succeeds: it is not a failure to report.
 */
export function userSiteFallback(
  install: PythonInstall,
  pep668Bypassed = false,
): { blocked: string; userSite: string } | null {
  if (install.kind === 'venv' || install.userSiteEnabled !== true) return null;
  if (install.externallyManaged && !pep668Bypassed) return null;
  const major = Number(install.pipVersion?.split('.')[0] ?? NaN);
  if (!(major >= FALLBACK_SINCE_MAJOR)) return null;
  const blocked = install.folders.find(
    (folder) =>
      (folder.role === 'purelib' || folder.role === 'platlib') && folder.writable === false,
  );
  const userSite = install.folders.find((folder) => folder.role === 'user-site');
  if (!blocked || !userSite || userSite.writable !== true) return null;
  return { blocked: blocked.path, userSite: userSite.path };
}
