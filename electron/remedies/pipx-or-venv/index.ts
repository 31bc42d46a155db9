import type { Remedy } from '../remedy';
// pipx is the user's own tool to install: the app shows the command.
import { advisePipx } from './applies';
import { pipxWords } from './words';

export const pipxRemedy: Remedy<'pipx-or-venv'> = {
  id: 'pipx-or-venv',
  advise: advisePipx,

  ...pipxWords,
  plan: null,
};
