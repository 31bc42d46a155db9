import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import type { PythonInstall } from '../../shared/model/diagnosis';
import { userInstallCommands } from './commands';

/** Why `--user` cannot work for this install; null when it can. The advice and the plan both ask this. */
export type UserInstallBlocker = 'venv' | 'pep668' | 'user-site-off' | 'user-site-not-writable';

export function userInstallBlocker(install: PythonInstall): UserInstallBlocker | null {
  if (install.kind === 'venv') return 'venv';
  if (install.externallyManaged) return 'pep668';
  if (install.userSiteEnabled !== true) return 'user-site-off';
  if (install.folders.find((folder) => folder.role === 'user-site')?.writable === false)
    return 'user-site-not-writable';
  return null;
}

export function adviseUserInstall(facts: RemedyFacts): Advice {
  const userSite = facts.target.folders.find((folder) => folder.role === 'user-site');
  return {
    reason: userSite
      ? `Installs into your own folder ${userSite.path} instead, which needs no administrator rights.`
      : 'Installs into your own user folder instead, which needs no administrator rights.',
    commands: userInstallCommands(facts),
    applicable: userInstallBlocker(facts.target) === null,
  };
}

const WHY_NOT: Readonly<Record<UserInstallBlocker, string>> = {
  venv: '--user does nothing useful inside a virtual environment.',
  pep668: 'PEP 668 forbids --user installs into this Python too.',
  'user-site-off': 'This Python has user installs turned off.',
  'user-site-not-writable': 'Your user folder is not writable either.',
};

export function whyNotUserInstall({ target }: RemedyFacts): string {
  return WHY_NOT[userInstallBlocker(target) ?? 'user-site-not-writable'];
}
