import type { FileOwner } from '../../platform/systemProbe';
import type { Observation, PythonInstall, TempDirCheck } from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { normalizePackageName } from '../../shared/packageName';
import { userSiteFallback } from './userSiteFallback';

export interface ObservationFacts {
  target: PythonInstall | null;
  installs: PythonInstall[];
  log: LogFinding | null;
  activeVenv: { prefix: string; onPath: boolean } | null;
  tempDir: TempDirCheck | null;
  /** The distribution that installed the file the log names, from the install's RECORD files. */
  logFileOwner: FileOwner | null;
  /** PIP_BREAK_SYSTEM_PACKAGES is set: pip does not enforce PEP 668 for this user. */
  pep668Bypassed?: boolean;
}

/**
 * What the user should know beyond the cause, each from a fact the scan
 * read: never a guess (DESIGN.md rule 11).
 */
export function observationsOf(facts: ObservationFacts): Observation[] {
  const { target, log } = facts;
  const observations: Observation[] = [];
  if (facts.activeVenv && !facts.activeVenv.onPath) {
    observations.push({
      kind: 'venv-not-on-path',
      message: `Your virtual environment ${facts.activeVenv.prefix} is activated in name only: VIRTUAL_ENV names it, but its commands are not on your PATH, so \`pip\` runs another Python's pip.`,
      path: facts.activeVenv.prefix,
    });
  }
  const fallback = target ? userSiteFallback(target, facts.pep668Bypassed ?? false) : null;
  if (fallback && !logShowsFailure(log)) {
    observations.push({
      kind: 'user-site-fallback',
      message: `pip cannot write to ${fallback.blocked}, so it installs into your own folder ${fallback.userSite} instead (it says "Defaulting to user installation"). Packages there import as usual in ${target!.executable}.`,
      path: fallback.userSite,
    });
  }
  if (facts.tempDir?.problem) {
    observations.push({
      kind: 'temp-dir-unusable',
      // Where Python's tempfile takes another folder by itself, pip works: no folder to suggest.
      message: `${facts.tempDir.reason ?? `The temporary folder ${facts.tempDir.path} cannot be used.`}${facts.tempDir.alternative && !facts.tempDir.usedInstead ? ` ${facts.tempDir.alternative} works instead.` : ''}`,
      path: facts.tempDir.path,
    });
  }
  const readOnly = target?.folders.find((folder) => folder.readOnlyFileSystem);
  if (readOnly) {
    observations.push({
      kind: 'read-only-file-system',
      message: `${readOnly.path} is on a read-only file system: no one can change it, administrators included.`,
      path: readOnly.path,
    });
  }
  for (const stash of target?.leftovers ?? []) {
    if (stash.kind !== 'stash-folder' || stash.package === null || stash.package === 'pip')
      continue;
    observations.push({
      kind: 'half-installed-package',
      message: `${stash.package} was left half-installed (${stash.path} is pip's copy of it, set aside during an update that stopped): reinstall ${stash.package} after the leftovers are removed.`,
      path: stash.path,
    });
  }
  for (const hung of facts.installs.filter((install) => install.status === 'timed-out')) {
    observations.push({
      kind: 'interpreter-hangs',
      message: `${hung.executable} (${hung.names.join(', ')}) did not answer: running it hangs.`,
      path: hung.executable,
    });
  }
  const owner = facts.logFileOwner;
  const requested = log?.requested ?? null;
  if (
    owner &&
    log?.path &&
    requested &&
    normalizePackageName(owner.name) !== normalizePackageName(requested)
  ) {
    observations.push({
      kind: 'file-owner',
      message: `The file pip failed on belongs to ${owner.name} ${owner.version} (a dependency of ${requested}).`,
      path: log.path,
    });
  }
  return observations;
}

/** The log shows an error pip stopped on; a log of a successful run does not. */
export function logShowsFailure(log: LogFinding | null): boolean {
  return log !== null && (log.code !== null || log.evidence.length > 0);
}
