import { installedChecks } from '../checks/installChecks';
import type { VerifySpec } from '../planning/recipe';

/** The upgraded pip still runs. */
export function upgradePipChecks(python: string): VerifySpec[] {
  return installedChecks(python, null);
}
