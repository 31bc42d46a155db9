import type { Remedy } from '../remedy';
import { repairInstallPlan } from './plan';
import { adviseRepairInstall } from './applies';
import { repairInstallWords } from './words';

export const repairInstallRemedy: Remedy<'repair-install'> = {
  id: 'repair-install',
  advise: adviseRepairInstall,

  ...repairInstallWords,
  plan: repairInstallPlan,
};
