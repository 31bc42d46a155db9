import type { VerifySpec } from '../planning/recipe';

/** The leftovers are gone and pip runs again. */
export function repairInstallChecks(python: string, removed: string[]): VerifySpec[] {
  return [
    ...(removed.length > 0 ? [{ kind: 'paths-gone' as const, paths: removed }] : []),
    { kind: 'pip-runs', python },
  ];
}
