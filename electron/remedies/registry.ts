import type { RemedyCatalog } from '../engine/recommend/remedyFacts';
import type { RemedyId } from '../shared/model/vocabulary';
import { closeProcessesRemedy } from './close-processes';
import { elevatedInstallRemedy } from './elevated-install';
import { enableLongPathsRemedy } from './enable-long-paths';
import { grantAccessRemedy } from './grant-access';
import { pipxRemedy } from './pipx-or-venv';
import type { Remedy } from './remedy';
import { repairInstallRemedy } from './repair-install';
import { restartRemedy } from './restart';
import { runAgainRemedy } from './run-again';
import { upgradePipRemedy } from './upgrade-pip';
import { usePythonMPipRemedy } from './use-python-m-pip';
import { userInstallRemedy } from './user-install';
import { venvRemedy } from './venv';

/**
 * Every remedy by its id: the one place that knows them all. The engine
 * ranks them from it (passed to diagnose), the plans are built from it, the
 * words come from it. Adding a remedy is adding its folder and a line here.
 */
export const REMEDIES: { readonly [R in RemedyId]: Remedy<R> } = {
  venv: venvRemedy,
  'user-install': userInstallRemedy,
  'close-processes': closeProcessesRemedy,
  'elevated-install': elevatedInstallRemedy,
  'grant-access': grantAccessRemedy,
  'upgrade-pip': upgradePipRemedy,
  'enable-long-paths': enableLongPathsRemedy,
  'use-python-m-pip': usePythonMPipRemedy,
  'pipx-or-venv': pipxRemedy,
  'repair-install': repairInstallRemedy,
  restart: restartRemedy,
  'run-again': runAgainRemedy,
};

/** What diagnose() ranks: the remedies' advice and words, without their plans. */
export const REMEDY_CATALOG: RemedyCatalog = REMEDIES;
