import type { Shell } from '../../../electron/shared/model/diagnosis';

/** The shells' names as users know them, for "Run this in …". */
export const SHELL_NAMES: Record<Shell, string> = {
  bash: 'Terminal',
  cmd: 'Command Prompt',
  powershell: 'PowerShell',
};
