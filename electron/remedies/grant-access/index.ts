import type { Remedy } from '../remedy';
import { grantAccessPlan } from './plan';
import { adviseGrantAccess } from './applies';
import { grantAccessWords } from './words';

export const grantAccessRemedy: Remedy<'grant-access'> = {
  id: 'grant-access',
  advise: adviseGrantAccess,

  ...grantAccessWords,
  plan: grantAccessPlan,
};
