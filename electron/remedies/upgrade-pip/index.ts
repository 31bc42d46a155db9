import type { Remedy } from '../remedy';
import { upgradePipPlan } from './plan';
import { adviseUpgradePip } from './applies';
import { upgradePipWords } from './words';

export const upgradePipRemedy: Remedy<'upgrade-pip'> = {
  id: 'upgrade-pip',
  advise: adviseUpgradePip,

  ...upgradePipWords,
  plan: upgradePipPlan,
};
