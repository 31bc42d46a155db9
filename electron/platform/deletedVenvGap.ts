import type { Gap } from '../shared/model/diagnosis';

/** VIRTUAL_ENV names a folder that is gone: the terminal's activation outlived its venv. */
export function deletedVenvGap(prefix: string): Gap {
  return {
    area: 'installs',
    message: `VIRTUAL_ENV names ${prefix}, which does not exist: the virtual environment active in that terminal was deleted or moved.`,
    howToReveal:
      'Run `deactivate` in that terminal (or open a new one), then activate the environment you mean to use.',
  };
}
