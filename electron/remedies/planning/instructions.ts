import { fishQuote, quoteArg } from '../../shared/shellQuote';
import type { Instruction } from '../../shared/actionModel';
import type { OsTraits } from '../../platform/osTraits';

/** What the user types after a virtual environment exists: activation in each shell, and VS Code. */
export function venvInstructions(os: OsTraits, folder: string, python: string): Instruction[] {
  const { paths } = os;
  const vscode: Instruction = {
    title: 'Use it in VS Code',
    where: 'vscode',
    text: `Command Palette (Ctrl+Shift+P) → "Python: Select Interpreter" → "Enter interpreter path…" → ${python}`,
  };
  const bin = paths.join(folder, os.venvBinFolder);
  if (os.shell === 'powershell') {
    return [
      {
        title: 'Activate it in PowerShell',
        where: 'powershell',
        text: `& ${quoteArg(paths.join(bin, 'Activate.ps1'), 'powershell')}`,
      },
      {
        // The first activation often fails on "running scripts is disabled on this system".
        title: 'If PowerShell says running scripts is disabled, allow your own scripts once',
        where: 'powershell',
        text: 'Set-ExecutionPolicy -Scope CurrentUser RemoteSigned',
      },
      {
        title: 'Activate it in Command Prompt',
        where: 'cmd',
        text: quoteArg(paths.join(bin, 'activate.bat'), 'cmd'),
      },
      vscode,
    ];
  }
  return [
    {
      title: 'Activate it in bash or zsh',
      where: 'bash',
      text: `source ${quoteArg(paths.join(bin, 'activate'), 'bash')}`,
    },
    {
      title: 'Activate it in fish',
      where: 'fish',
      text: `source ${fishQuote(paths.join(bin, 'activate.fish'))}`,
    },
    vscode,
  ];
}

/**
 * The line that puts a folder on PATH for future terminals. Shown, never
 * written: a user's dotfiles are theirs (and often managed by a tool).
 */
export function pathProfileInstructions(folder: string, home: string): Instruction[] {
  const shown = folder.startsWith(`${home}/`) ? `$HOME/${folder.slice(home.length + 1)}` : folder;
  // Double quotes keep $HOME and $PATH working; a folder with characters they would interpret is quoted literally.
  const bashLine = /["$`\\]/.test(folder)
    ? `export PATH=${quoteArg(folder, 'bash')}:"$PATH"`
    : `export PATH="${shown}:$PATH"`;
  return [
    { title: 'Add this line to ~/.bashrc (bash)', where: 'profile', text: bashLine },
    { title: 'Add this line to ~/.zshrc (zsh)', where: 'profile', text: bashLine },
    {
      title: 'Run this once in fish',
      where: 'fish',
      text: `fish_add_path ${fishQuote(folder)}`,
    },
  ];
}
