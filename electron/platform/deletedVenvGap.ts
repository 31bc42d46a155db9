import { msg } from '../shared/i18n/message';
import { gapWords } from './gapWords';
import type { Gap } from '../shared/model/diagnosis';

/** VIRTUAL_ENV names a folder that is gone: the terminal's activation outlived its venv. */
export function deletedVenvGap(prefix: string): Gap {
  return {
    area: 'installs',
    message: msg(gapWords.deletedVenv, { venv: prefix }),
    howToReveal: msg(gapWords.deletedVenvHow),
  };
}
