import type { Remedy } from '../remedy';
import { closeProcessesPlan } from './plan';
import { adviseCloseProcesses, whyNotCloseProcesses } from './applies';
import { closeProcessesWords } from './words';

export const closeProcessesRemedy: Remedy<'close-processes'> = {
  id: 'close-processes',
  advise: adviseCloseProcesses,
  whyNot: whyNotCloseProcesses,
  ...closeProcessesWords,
  plan: closeProcessesPlan,
};
