import { defineMessages } from '@formatjs/intl';

/**
 * Why a virtual environment cannot run, on either system: a clause that
 * other sentences embed ("… cannot run: {reason}"), so it starts in lower
 * case and has no full stop in English.
 */
export const brokenVenvWords = defineMessages({
  interpreterMissing: {
    id: 'platform.brokenVenv.interpreterMissing',
    defaultMessage:
      'its interpreter {python} is missing: the environment was not finished, or was damaged',
    description: 'Why a virtual environment cannot run, after "cannot run:"; {python} is a path',
  },
  baseGone: {
    id: 'platform.brokenVenv.baseGone',
    defaultMessage:
      'its base interpreter {base} no longer exists (it was deleted or moved), so {python} cannot start',
    description:
      'Why a virtual environment cannot run, after "cannot run:"; {base} and {python} are paths',
  },
  baseGoneWindows: {
    id: 'platform.brokenVenv.baseGoneWindows',
    defaultMessage:
      'its base interpreter {base} no longer exists (that Python was uninstalled, moved or upgraded), so {python} cannot start: it says "No Python at {base}"',
    description:
      'Why a virtual environment cannot run, after "cannot run:"; {base} and {python} are paths; "No Python at" is what Python itself prints, in English',
  },
  linkMissing: {
    id: 'platform.brokenVenv.linkMissing',
    defaultMessage: '{python} links to {target}, which is missing: the environment was damaged',
    description: 'Why a virtual environment cannot run, after "cannot run:"; both are paths',
  },
  linkLoop: {
    id: 'platform.brokenVenv.linkLoop',
    defaultMessage: '{python} is a loop of symbolic links that never reaches a Python',
    description: 'Why a virtual environment cannot run, after "cannot run:"; {python} is a path',
  },
});
