import type { ActionPlanRequest } from '../../../electron/shared/contract';
import { isValidPackageName, packageFromLog } from '../../../electron/shared/packageName';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import type { ActionOrigin, PlanChoices } from './actionSession';

type RemedyOrigin = Extract<ActionOrigin, { kind: 'remedy' }>;

/** The package pip failed on, when the log names one that may go on a command line. */
export function loggedPackage(diagnosis: Diagnosis): string {
  return packageFromLog(diagnosis.log) ?? '';
}

export type PlanAsk = { ok: true; request: ActionPlanRequest } | { ok: false; reason: string };

/**
 * The request for a plan from the user's choices: ids of the latest scan,
 * the package name once it is one, a folder id from main's dialog, the
 * ticked programs. Choices that cannot make a plan say why instead.
 */
export function planRequestFor(
  scanId: string,
  origin: Pick<RemedyOrigin, 'remedy' | 'installId' | 'packageUse'>,
  choices: PlanChoices,
): PlanAsk {
  const { remedy, installId, packageUse: use } = origin;
  const request: ActionPlanRequest = { scanId, remedy, installId };
  const name = choices.packageName.trim();
  if (use !== 'none' && name !== '') {
    if (!isValidPackageName(name)) return { ok: false, reason: packageNameProblem(name) };
    request.packageName = name;
  } else if (use === 'required') {
    return { ok: false, reason: 'Type the name of the package to install.' };
  }
  if (remedy === 'venv' && choices.folder !== null) {
    request.venvFolder = { pickedFolderId: choices.folder.folderId };
  }
  if (remedy === 'close-processes' && choices.holders !== null) {
    const ticked = choices.holders.filter((holder) => !choices.unticked.includes(holder.pid));
    if (ticked.length === 0) return { ok: false, reason: 'Tick at least one program to close.' };
    request.processes = ticked.map(({ pid, startTime }) => ({ pid, startTime }));
  }
  return { ok: true, request };
}

/** Empty means the name is fine (or not given). */
export function packageNameProblem(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || isValidPackageName(trimmed)) return '';
  return 'Use the name as on PyPI, such as requests or scikit-learn: letters, digits, and . _ - between them, without a version or options.';
}
