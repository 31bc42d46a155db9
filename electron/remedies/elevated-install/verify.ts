import { installedChecks } from '../checks/installChecks';
import type { VerifySpec } from '../planning/recipe';

/** The package imports in that Python (checked without administrator rights). */
export function elevatedInstallChecks(python: string, packageName: string): VerifySpec[] {
  return installedChecks(python, packageName);
}
