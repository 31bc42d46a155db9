import type { RemedyId } from '../../../electron/shared/model/vocabulary';
import type { Diagnosis, Shell } from '../../../electron/shared/model/diagnosis';
// Plain data with no Node import: safe in the renderer, and shared with the exported report.
import { REMEDY_TITLES } from '../../../electron/engine/report/remedyTitles';

type Platform = Diagnosis['platform'];

interface RemedyWords {
  /** The report's title for it, so the screen and the exported report agree. */
  title: string;
  /** What carrying it out changes on the computer: the user decides with this. */
  changes: string;
}

const admin = (platform: Platform) => (platform === 'win32' ? 'administrator' : 'root (sudo)');

/** The title and the effect of each remedy, worded for the platform the scan ran on. */
export function remedyWords(id: RemedyId, platform: Platform): RemedyWords {
  return { title: REMEDY_TITLES[id], changes: remedyChanges(id, platform) };
}

function remedyChanges(id: RemedyId, platform: Platform): string {
  switch (id) {
    case 'venv':
      return 'Creates a .venv folder in your project and installs the package there. Nothing outside that folder changes.';
    case 'user-install':
      return 'Installs the package into your own user folder. The shared Python stays as it is.';
    case 'close-processes':
      return 'Stops the programs listed. Save your work in them first.';
    case 'elevated-install':
      return `Changes the shared Python for every user of this computer, with ${admin(platform)} rights.`;
    case 'grant-access':
      return 'Changes who may write to that folder. Other programs may rely on it staying as it is.';
    case 'upgrade-pip':
      return 'Replaces pip, setuptools and wheel in this Python with their newest versions.';
    case 'enable-long-paths':
      return 'Changes one Windows setting for the whole computer. Needs administrator rights once.';
    case 'use-python-m-pip':
      return 'Nothing changes on your computer: it is another way to start pip.';
    case 'pipx-or-venv':
      return 'Gives the tool a private environment of its own and puts its command on your PATH.';
    case 'repair-install':
      return 'Deletes what the earlier run left behind (the commands name each path) and reinstalls pip if it is missing.';
    case 'restart':
      return 'Closes every program. Nothing else changes.';
  }
}

export const SHELL_NAMES: Record<Shell, string> = {
  bash: 'Terminal',
  cmd: 'Command Prompt',
  powershell: 'PowerShell',
};
