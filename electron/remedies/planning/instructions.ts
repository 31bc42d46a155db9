import { fishQuote, quoteArg } from '../../shared/shellQuote';
import type { Instruction } from '../../shared/actionModel';
import type { OsTraits } from '../../platform/osTraits';
import { msg } from '../../shared/i18n/message';
import { instructionWords as words } from './planWords';

/** What the user types after a virtual environment exists: activation in each shell, and VS Code. */
export function venvInstructions(os: OsTraits, folder: string, python: string): Instruction[] {
  const { paths } = os;
  const vscode: Instruction = {
    title: msg(words.vscodeTitle),
    where: 'vscode',
    text: msg(words.vscodeText, { python }),
  };
  const bin = paths.join(folder, os.venvBinFolder);
  if (os.shell === 'powershell') {
    return [
      {
        title: msg(words.activatePowershell),
        where: 'powershell',
        text: `& ${quoteArg(paths.join(bin, 'Activate.ps1'), 'powershell')}`,
      },
      {
        // The first activation often fails on "running scripts is disabled on this system".
        title: msg(words.allowScripts),
        where: 'powershell',
        text: 'Set-ExecutionPolicy -Scope CurrentUser RemoteSigned',
      },
      {
        title: msg(words.activateCmd),
        where: 'cmd',
        text: quoteArg(paths.join(bin, 'activate.bat'), 'cmd'),
      },
      vscode,
    ];
  }
  return [
    {
      title: msg(words.activateBash),
      where: 'bash',
      text: `source ${quoteArg(paths.join(bin, 'activate'), 'bash')}`,
    },
    {
      title: msg(words.activateFish),
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
    { title: msg(words.profileBash), where: 'profile', text: bashLine },
    { title: msg(words.profileZsh), where: 'profile', text: bashLine },
    {
      title: msg(words.fishOnce),
      where: 'fish',
      text: `fish_add_path ${fishQuote(folder)}`,
    },
  ];
}
