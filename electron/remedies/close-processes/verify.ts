import type { VerifySpec } from '../planning/recipe';

/**
 * Nothing holds the files any more; what the close steps left (still
 * running, or not theirs to close) counts as a holder too.
 */
export function closeProcessesChecks(
  roots: string[],
  held: string[],
  closeStepIds: string[],
): VerifySpec[] {
  return [{ kind: 'unheld', roots, paths: held, closeStepIds }];
}
