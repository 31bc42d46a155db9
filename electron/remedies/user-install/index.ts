import type { Remedy } from '../remedy';
import { userInstallPlan } from './plan';
import { adviseUserInstall, whyNotUserInstall } from './applies';
import { userInstallWords } from './words';

export const userInstallRemedy: Remedy<'user-install'> = {
  id: 'user-install',
  advise: adviseUserInstall,
  whyNot: whyNotUserInstall,
  ...userInstallWords,
  plan: userInstallPlan,
};
