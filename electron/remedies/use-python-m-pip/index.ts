import type { Remedy } from '../remedy';
// Advice about how to type pip: nothing for the app to run.
import { adviseUsePythonMPip } from './applies';
import { usePythonMPipWords } from './words';

export const usePythonMPipRemedy: Remedy<'use-python-m-pip'> = {
  id: 'use-python-m-pip',
  advise: adviseUsePythonMPip,

  ...usePythonMPipWords,
  plan: null,
};
