import type { Remedy } from '../remedy';
import { upgradePipPlan } from './plan';
import { adviseUpgradePip, whyNotUpgradePip } from './applies';
import { upgradePipWords } from './words';

export const upgradePipRemedy: Remedy<'upgrade-pip'> = {
  id: 'upgrade-pip',
  advise: adviseUpgradePip,
  whyNot: whyNotUpgradePip,

  ...upgradePipWords,
  plan: upgradePipPlan,
};
