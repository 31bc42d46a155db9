import { defineMessages } from 'react-intl';
import type { ActionPlanRequest } from '../../../electron/shared/contract';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import { isValidPackageName, packageFromLog } from '../../../electron/shared/packageName';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import type { ActionOrigin, PlanChoices } from './actionSession';

const words = defineMessages({
  packageMissing: {
    id: 'ui.plan.packageMissing',
    defaultMessage: 'Type the name of the package to install.',
    description: 'Under the package name box of a fix, when it is empty',
  },
  noProgramTicked: {
    id: 'ui.plan.noProgramTicked',
    defaultMessage: 'Tick at least one program to close.',
    description: 'In the fix that closes programs, when the user unticked them all',
  },
  packageNameInvalid: {
    id: 'ui.plan.packageNameInvalid',
    defaultMessage:
      'Use the name as on PyPI, such as requests or scikit-learn: letters, digits, and . _ - between them, without a version or options.',
    description:
      'Under the package name box, when what was typed is not a package name. Keep requests, scikit-learn and the characters . _ - as they are',
  },
});

type RemedyOrigin = Extract<ActionOrigin, { kind: 'remedy' }>;

/** The package pip failed on, when the log names one that may go on a command line. */
export function loggedPackage(diagnosis: Diagnosis): string {
  return packageFromLog(diagnosis.log) ?? '';
}

export type PlanAsk = { ok: true; request: ActionPlanRequest } | { ok: false; reason: Message };

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
    const problem = packageNameProblem(name);
    if (problem !== null) return { ok: false, reason: problem };
    request.packageName = name;
  } else if (use === 'required') {
    return { ok: false, reason: msg(words.packageMissing) };
  }
  if (remedy === 'venv' && choices.folder !== null) {
    request.venvFolder = { pickedFolderId: choices.folder.folderId };
  }
  if (remedy === 'close-processes' && choices.holders !== null) {
    const ticked = choices.holders.filter((holder) => !choices.unticked.includes(holder.pid));
    if (ticked.length === 0) return { ok: false, reason: msg(words.noProgramTicked) };
    request.processes = ticked.map(({ pid, startTime }) => ({ pid, startTime }));
  }
  return { ok: true, request };
}

/** What is wrong with a typed package name; null when it is fine (or not given). */
export function packageNameProblem(name: string): Message | null {
  const trimmed = name.trim();
  if (trimmed === '' || isValidPackageName(trimmed)) return null;
  return msg(words.packageNameInvalid);
}
