import { defineMessages } from '@formatjs/intl';

/** The words every plan shares: the dry run, the sudo commands shown instead of run, an undo's title. */
export const planWords = defineMessages({
  dryRunTitle: {
    id: 'plan.dryRun.title',
    defaultMessage: 'Check that {package} can be installed',
    description: 'A plan step that runs pip with --dry-run first. {package} is a package name.',
  },
  sudoInstruction: {
    id: 'plan.sudo.instruction',
    defaultMessage: 'Run this in a terminal; sudo asks for your password',
    description: 'Above a sudo command the user types on Linux or macOS.',
  },
  sudoNoPkexec: {
    id: 'plan.sudo.noPkexec',
    defaultMessage:
      'Pip Doctor cannot ask for administrator rights on this system (pkexec is not installed), so it shows the command instead of running it.',
  },
  sudoPkexecUntrusted: {
    id: 'plan.sudo.pkexecUntrusted',
    defaultMessage:
      'Pip Doctor will not ask for administrator rights through {path}: {reason}; it shows the command instead of running it.',
    description:
      '{path} is the pkexec program found on the system; {reason} says why it is not trusted (English, from the system check).',
  },
  undoTitle: {
    id: 'plan.undo.title',
    defaultMessage: 'Undo: {title}',
    description: "The title of a plan that undoes an earlier fix; {title} is that fix's own title.",
  },
  olderTitle: {
    id: 'plan.journal.olderTitle',
    defaultMessage: '{title}',
    description:
      'Words an older version of Pip Doctor wrote down in English (a fix or step title), shown as they are. Keep the placeholder alone.',
  },
});

/** What the user types or clicks after the fix: activating a virtual environment, a PATH line. */
export const instructionWords = defineMessages({
  vscodeTitle: { id: 'plan.instruction.vscode.title', defaultMessage: 'Use it in VS Code' },
  vscodeText: {
    id: 'plan.instruction.vscode.text',
    defaultMessage:
      'Command Palette (Ctrl+Shift+P) → "Python: Select Interpreter" → "Enter interpreter path…" → {python}',
    description:
      "Clicks in VS Code. The quoted command names are VS Code's own (use the names VS Code shows in your language if it has them); {python} is a path.",
  },
  activatePowershell: {
    id: 'plan.instruction.activate.powershell',
    defaultMessage: 'Activate it in PowerShell',
    description: '"it" is the virtual environment just created.',
  },
  allowScripts: {
    id: 'plan.instruction.allowScripts',
    defaultMessage: 'If PowerShell says running scripts is disabled, allow your own scripts once',
  },
  activateCmd: {
    id: 'plan.instruction.activate.cmd',
    defaultMessage: 'Activate it in Command Prompt',
    description: '"it" is the virtual environment just created.',
  },
  activateBash: {
    id: 'plan.instruction.activate.bash',
    defaultMessage: 'Activate it in bash or zsh',
    description: '"it" is the virtual environment just created.',
  },
  activateFish: {
    id: 'plan.instruction.activate.fish',
    defaultMessage: 'Activate it in fish',
    description: '"it" is the virtual environment just created.',
  },
  profileBash: {
    id: 'plan.instruction.profile.bash',
    defaultMessage: 'Add this line to ~/.bashrc (bash)',
  },
  profileZsh: {
    id: 'plan.instruction.profile.zsh',
    defaultMessage: 'Add this line to ~/.zshrc (zsh)',
  },
  fishOnce: { id: 'plan.instruction.fishOnce', defaultMessage: 'Run this once in fish' },
});
