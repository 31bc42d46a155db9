import type { VerifySpec } from '../planning/recipe';

/** The usual proof an install worked: the package imports in that Python; without a package, pip runs. */
export function installedChecks(python: string, packageName: string | null): VerifySpec[] {
  return packageName === null
    ? [{ kind: 'pip-runs', python }]
    : [{ kind: 'imports', python, packageName, env: {} }];
}
