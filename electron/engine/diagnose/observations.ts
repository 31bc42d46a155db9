import type { FileOwner } from '../../platform/systemProbe';
import type { Observation, PythonInstall, TempDirCheck } from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { normalizePackageName } from '../../shared/packageName';
import { userSiteFallback } from './userSiteFallback';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';

const words = defineMessages({
  venvNotOnPath: {
    id: 'diagnosis.observation.venvNotOnPath',
    defaultMessage:
      "Your virtual environment {venv} is activated in name only: VIRTUAL_ENV names it, but its commands are not on your PATH, so `pip` runs another Python's pip.",
    description: "{venv} is the virtual environment's folder",
  },
  userSiteFallback: {
    id: 'diagnosis.observation.userSiteFallback',
    defaultMessage:
      'pip cannot write to {blocked}, so it installs into your own folder {userSite} instead (it says "Defaulting to user installation"). Packages there import as usual in {python}.',
    description:
      '{blocked} and {userSite} are folders, {python} the path of a Python program; "Defaulting to user installation" is pip\'s own English output: keep it in English',
  },
  tempDir: {
    id: 'diagnosis.observation.tempDir',
    defaultMessage:
      '{alternative, select, none {{reason}} other {{reason} {alternative} works instead.}}',
    description:
      '{reason} is a sentence saying why the temporary folder cannot be used; {alternative} a folder that works, or "none"',
  },
  tempDirUnknown: {
    id: 'diagnosis.observation.tempDirUnknown',
    defaultMessage: 'The temporary folder {path} cannot be used.',
  },
  readOnly: {
    id: 'diagnosis.observation.readOnly',
    defaultMessage:
      '{path} is on a read-only file system: no one can change it, administrators included.',
  },
  halfInstalled: {
    id: 'diagnosis.observation.halfInstalled',
    defaultMessage:
      "{package} was left half-installed ({stash} is pip's copy of it, set aside during an update that stopped): reinstall {package} after the leftovers are removed.",
    description: '{package} is a package name, {stash} a folder',
  },
  hangs: {
    id: 'diagnosis.observation.hangs',
    defaultMessage: '{python} ({names}) did not answer: running it hangs.',
    description: '{python} is the path of a Python program, {names} the commands that run it',
  },
  fileOwner: {
    id: 'diagnosis.observation.fileOwner',
    defaultMessage:
      'The file pip failed on belongs to {owner} {version} (a dependency of {requested}).',
    description: '{owner} and {requested} are package names, {version} a version number',
  },
});

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
      message: msg(words.venvNotOnPath, { venv: facts.activeVenv.prefix }),
      path: facts.activeVenv.prefix,
    });
  }
  const fallback = target ? userSiteFallback(target, facts.pep668Bypassed ?? false) : null;
  if (fallback && !logShowsFailure(log)) {
    observations.push({
      kind: 'user-site-fallback',
      message: msg(words.userSiteFallback, {
        blocked: fallback.blocked,
        userSite: fallback.userSite,
        python: target!.executable,
      }),
      path: fallback.userSite,
    });
  }
  if (facts.tempDir?.problem) {
    observations.push({
      kind: 'temp-dir-unusable',
      // Where Python's tempfile takes another folder by itself, pip works: no folder to suggest.
      message: msg(words.tempDir, {
        reason: facts.tempDir.reason ?? msg(words.tempDirUnknown, { path: facts.tempDir.path }),
        alternative:
          facts.tempDir.alternative && !facts.tempDir.usedInstead
            ? facts.tempDir.alternative
            : 'none',
      }),
      path: facts.tempDir.path,
    });
  }
  const readOnly = target?.folders.find((folder) => folder.readOnlyFileSystem);
  if (readOnly) {
    observations.push({
      kind: 'read-only-file-system',
      message: msg(words.readOnly, { path: readOnly.path }),
      path: readOnly.path,
    });
  }
  for (const stash of target?.leftovers ?? []) {
    if (stash.kind !== 'stash-folder' || stash.package === null || stash.package === 'pip')
      continue;
    observations.push({
      kind: 'half-installed-package',
      message: msg(words.halfInstalled, { package: stash.package, stash: stash.path }),
      path: stash.path,
    });
  }
  for (const hung of facts.installs.filter((install) => install.status === 'timed-out')) {
    observations.push({
      kind: 'interpreter-hangs',
      message: msg(words.hangs, { python: hung.executable, names: hung.names.join(', ') }),
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
      message: msg(words.fileOwner, {
        owner: owner.name,
        version: owner.version,
        requested,
      }),
      path: log.path,
    });
  }
  return observations;
}

/** The log shows an error pip stopped on; a log of a successful run does not. */
export function logShowsFailure(log: LogFinding | null): boolean {
  return log !== null && (log.code !== null || log.evidence.length > 0);
}
