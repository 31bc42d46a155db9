import type { Remedy } from '../remedy';
import { elevatedInstallPlan } from './plan';
import { adviseElevatedInstall, whyNotElevatedInstall } from './applies';
import { elevatedInstallWords } from './words';

export const elevatedInstallRemedy: Remedy<'elevated-install'> = {
  id: 'elevated-install',
  advise: adviseElevatedInstall,
  whyNot: whyNotElevatedInstall,
  ...elevatedInstallWords,
  plan: elevatedInstallPlan,
};
