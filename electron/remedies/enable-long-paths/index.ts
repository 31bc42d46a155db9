import type { Remedy } from '../remedy';
import { enableLongPathsPlan } from './plan';
import { adviseEnableLongPaths, whyNotEnableLongPaths } from './applies';
import { enableLongPathsWords } from './words';

export const enableLongPathsRemedy: Remedy<'enable-long-paths'> = {
  id: 'enable-long-paths',
  advise: adviseEnableLongPaths,
  whyNot: whyNotEnableLongPaths,
  ...enableLongPathsWords,
  plan: enableLongPathsPlan,
};
