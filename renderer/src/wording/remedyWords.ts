import { defineMessages } from 'react-intl';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import type { Shell } from '../../../electron/shared/model/diagnosis';

const words = defineMessages({
  bash: {
    id: 'ui.shell.bash',
    defaultMessage: 'Terminal',
    description: 'The terminal app of macOS and Linux, in "Run this in …" above a command',
  },
  cmd: {
    id: 'ui.shell.cmd',
    defaultMessage: 'Command Prompt',
    description: "Windows' Command Prompt (cmd.exe), by the name Windows shows in this language",
  },
  powershell: {
    id: 'ui.shell.powershell',
    defaultMessage: 'PowerShell',
    description: 'The program name PowerShell: keep it as it is',
  },
});

/** The shells' names as users know them, for "Run this in …". */
export const SHELL_NAMES: Record<Shell, Message> = {
  bash: msg(words.bash),
  cmd: msg(words.cmd),
  powershell: msg(words.powershell),
};
