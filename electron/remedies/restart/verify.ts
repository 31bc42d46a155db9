import { installedChecks } from '../checks/installChecks';
import type { VerifySpec } from '../planning/recipe';

/** After the restart nothing holds the files, and the package (when one was asked for) imports. */
export function restartChecks(
  roots: string[],
  held: string[],
  python: string,
  packageName: string | null,
): VerifySpec[] {
  return [
    { kind: 'unheld', roots, paths: held, closeStepIds: [] },
    ...(packageName === null ? [] : installedChecks(python, packageName)),
  ];
}
