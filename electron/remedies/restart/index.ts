import type { Remedy } from '../remedy';
import { restartPlan } from './plan';
import { adviseRestart } from './applies';
import { restartWords } from './words';

export const restartRemedy: Remedy<'restart'> = {
  id: 'restart',
  advise: adviseRestart,

  ...restartWords,
  plan: restartPlan,
};
