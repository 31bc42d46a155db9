import { installedChecks } from '../checks/installChecks';
import type { VerifySpec } from '../planning/recipe';

/** The package imports in the same Python, from the user's own folder. */
export function userInstallChecks(python: string, packageName: string): VerifySpec[] {
  return installedChecks(python, packageName);
}
