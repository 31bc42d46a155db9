import type { Remedy } from '../remedy';
import { venvPlan } from './plan';
import { adviseVenv } from './applies';
import { venvWords } from './words';

export const venvRemedy: Remedy<'venv'> = {
  id: 'venv',
  advise: adviseVenv,

  ...venvWords,
  plan: venvPlan,
};
