import { checkLongPathsOn } from '../enable-long-paths/verify';
import { checkOwnedBy, checkWritable } from '../grant-access/verify';
import type { CheckKind } from '../planning/recipe';
import type { CheckRunner } from './checkContext';
import { checkImports, checkPathsGone, checkPipRuns, checkUnheld } from './generic';

/** Every check kind by its name: the generic ones and those of the remedies that own them. */
export const CHECK_KINDS: { readonly [K in CheckKind]: CheckRunner<K> } = {
  imports: checkImports,
  'pip-runs': checkPipRuns,
  'paths-gone': checkPathsGone,
  unheld: checkUnheld,
  writable: checkWritable,
  'owned-by': checkOwnedBy,
  'long-paths-on': checkLongPathsOn,
};
