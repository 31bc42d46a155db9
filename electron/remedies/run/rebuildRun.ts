import { shortVenvFolder } from '../../engine/diagnose/newVenvFolder';
import type { Diagnosis } from '../../shared/model/diagnosis';
import { osTraits } from '../../platform/osTraits';
import type { PlanRequest } from '../../shared/planRequest';
import { UserFacingError } from '../../shared/userFacingError';
import type { PlanContext } from '../planning/planContext';
import type { ScanFacts } from '../planning/undoSteps';
import type { PlanFacts, RecordedRequest } from './planFacts';
import { differingSteps, factsOf } from './planFacts';
import type { Recipe } from '../planning/recipe';
import type { RunHistory } from './replayJournal';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';

const refusals = defineMessages({
  scanAgain: {
    id: 'error.resume.scanAgain',
    defaultMessage:
      'Pip Doctor checks this computer again before it continues or undoes a fix. Scan, then choose it again.',
  },
  tooOld: {
    id: 'error.resume.tooOld',
    defaultMessage:
      '{days, plural, one {This fix was planned # day ago or more; Pip Doctor will not continue a plan that old. Dismiss it, then choose the fix again.} other {This fix was planned # days ago or more; Pip Doctor will not continue a plan that old. Dismiss it, then choose the fix again.}}',
  },
  pythonGone: {
    id: 'error.resume.pythonGone',
    defaultMessage:
      'The Python this fix was for is not on this computer any more (it is not in the latest scan). Dismiss the fix.',
  },
  recordDiffers: {
    id: 'error.resume.recordDiffers',
    defaultMessage:
      'Pip Doctor’s record of this fix does not match what it would do on this computer now (the record was changed, or the computer was), so it will not continue it. Undo or dismiss it, then scan and choose the fix again.',
  },
});

/**
 * Checks a recorded run's facts against a fresh scan before Resume or Undo
 * builds anything from them (DESIGN.md rule 10). The journal is a file any
 * program of the user can rewrite: each check here is one such an edit
 * would have to get past.
 */

export interface FreshScan {
  scanId: string;
  diagnosis: Diagnosis;
}

/** A recorded plan older than this is not continued: the machine it was made for has moved on. */
export const MAX_RECORD_AGE_MS = 7 * 24 * 60 * 60_000;

/**
 * The latest scan of this session, when it is recent; else the words to
 * scan again. After a restart there is none until the user scans, so a
 * run recorded by an earlier process is always checked against a new scan.
 */
export function freshScanFor(latest: FreshScan | null, now: Date, maxScanAgeMs: number): FreshScan {
  const scanAgain = (cause: string) => new UserFacingError(msg(refusals.scanAgain), cause);
  if (latest === null) throw scanAgain('no scan in this session');
  const scannedAt = Date.parse(latest.diagnosis.scannedAt);
  const age = now.getTime() - scannedAt;
  if (!(age <= maxScanAgeMs)) throw scanAgain(`scan age ${age} ms > ${maxScanAgeMs} ms`);
  return latest;
}

/** Refuses to continue a plan made long ago: the machine it was made for has moved on. */
export function refuseOld(facts: PlanFacts, now: Date): void {
  const age = now.getTime() - Date.parse(facts.scannedAt);
  if (!(age <= MAX_RECORD_AGE_MS)) {
    throw new UserFacingError(
      msg(refusals.tooOld, { days: Math.round(age / 86_400_000) }),
      `record age ${age} ms > ${MAX_RECORD_AGE_MS} ms`,
    );
  }
}

/** Refuses a run whose Python the fresh scan no longer shows. */
export function refuseGone(facts: PlanFacts, scan: FreshScan): void {
  const installs = [facts.installId, facts.request.baseInstallId, facts.request.installId];
  for (const id of installs) {
    if (id === null || id === undefined) continue;
    if (!scan.diagnosis.installs.some((install) => install.id === id)) {
      throw new UserFacingError(
        msg(refusals.pythonGone),
        `install ${id} is not in scan ${scan.scanId}`,
      );
    }
  }
}

/** A picked folder's id for a rebuild: the dialog's id died with the process; the recorded path stands in. */
const RECORDED_PICK = 'folder-0000000000000000';

/** The renderer's request again, from the recorded one, against the fresh scan. */
export function requestFrom(facts: PlanFacts, scanId: string): PlanRequest {
  const { venvFolder, ...rest } = facts.request;
  const request: PlanRequest = { scanId, remedy: facts.remedy, ...rest };
  if (venvFolder === 'project') request.venvFolder = 'project';
  else if (venvFolder !== undefined) request.venvFolder = { pickedFolderId: RECORDED_PICK };
  return request;
}

export function pickedFolderOf(request: RecordedRequest): (id: string) => string | null {
  const picked = request.venvFolder;
  return (id) =>
    id === RECORDED_PICK && picked !== undefined && picked !== 'project' ? picked.pickedPath : null;
}

/**
 * Refuses a rebuilt recipe whose facts differ from the journal's: an edit
 * of the record (a path, a pid, another step), or a machine that changed.
 */
export function refuseDiffering(recorded: PlanFacts, rebuilt: Recipe): void {
  const differing = differingSteps(recorded, factsOf(rebuilt, recorded.request));
  if (differing.length === 0) return;
  throw new UserFacingError(
    msg(refusals.recordDiffers),
    `rebuilt plan differs from the journal at: ${differing.join(', ')}`,
  );
}

/** What the fresh scan and main's settings vouch for, for the undo builders to check facts against. */
export function scanFactsFor(
  run: RunHistory,
  scan: FreshScan,
  settings: { projectDir: string; homeDir: string },
): ScanFacts {
  const os = osTraits(scan.diagnosis.platform);
  const picked = run.facts?.request.venvFolder;
  const userFolders = [settings.projectDir, settings.homeDir];
  if (picked !== undefined && picked !== 'project') userFolders.push(picked.pickedPath);
  // A long-path error's venv goes to a short folder outside the project (newVenvFolder).
  const short = shortVenvFolder(os, settings.projectDir);
  if (short !== null) userFolders.push(short);
  const installs = scan.diagnosis.installs.filter((install) => install.status === 'ok');
  const pythons = new Set(installs.map((install) => install.executable));
  const adminPythons = new Set(
    installs
      .filter((install) =>
        install.folders.some(
          (folder) =>
            (folder.role === 'purelib' || folder.role === 'platlib') && folder.writable === false,
        ),
      )
      .map((install) => install.executable),
  );
  const installFolders = installs.flatMap((install) => [
    ...(install.prefix === null ? [] : [install.prefix]),
    ...install.folders.map((folder) => folder.path),
  ]);
  return { os, pythons, adminPythons, userFolders, installFolders, homeDir: settings.homeDir };
}

/** The context the remedies' builders get when they build a recorded run again. */
export function rebuildContext(
  base: Omit<PlanContext, 'request' | 'pickedFolder' | 'recorded' | 'diagnosis' | 'scanId'>,
  facts: PlanFacts,
  scan: FreshScan,
): PlanContext {
  return {
    ...base,
    diagnosis: scan.diagnosis,
    scanId: scan.scanId,
    request: requestFrom(facts, scan.scanId),
    pickedFolder: pickedFolderOf(facts.request),
    recorded: facts,
  };
}
