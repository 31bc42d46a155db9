import type { Remedy } from '../remedy';
import { grantAccessPlan } from './plan';
import { adviseGrantAccess, whyNotGrantAccess } from './applies';
import { grantAccessWords } from './words';

export const grantAccessRemedy: Remedy<'grant-access'> = {
  id: 'grant-access',
  advise: adviseGrantAccess,
  whyNot: whyNotGrantAccess,

  ...grantAccessWords,
  plan: grantAccessPlan,
};
