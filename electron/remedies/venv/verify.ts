import { installedChecks } from '../checks/installChecks';
import type { VerifySpec } from '../planning/recipe';

/** The new environment works: the package imports in it, or (without a package) its pip runs. */
export function venvChecks(python: string, packageName: string | null): VerifySpec[] {
  return installedChecks(python, packageName);
}
