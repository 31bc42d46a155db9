import type { BrokenInstall } from '../../platform/systemProbe';
import type { PythonInstall } from '../../shared/model/diagnosis';
import { installIdFor } from './installIdentity';

/**
 * A virtual environment that cannot run, as an install of the Diagnosis:
 * listed with status `broken` and why, never dropped (DESIGN.md rule 11),
 * so that a log naming it is about it and not about another Python.
 */
export function brokenInstall(broken: BrokenInstall): PythonInstall {
  return {
    id: installIdFor(broken.prefix, broken.executable),
    executable: broken.executable,
    names: broken.names,
    version: broken.version,
    implementation: null,
    kind: 'venv',
    prefix: broken.prefix,
    basePrefix: null,
    status: 'broken',
    statusDetail: broken.reason,
    pipVersion: null,
    externallyManaged: false,
    userSiteEnabled: null,
    folders: [],
    leftovers: [],
    heldBy: [],
  };
}
