import type { Remedy } from '../remedy';
import { adviseRunAgain } from './applies';
import { runAgainWords } from './words';

export const runAgainRemedy: Remedy<'run-again'> = {
  id: 'run-again',
  advise: adviseRunAgain,
  ...runAgainWords,
  // The user's own command, nothing for the app to plan.
  plan: null,
};
