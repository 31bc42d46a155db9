import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import { quoteWindowsArgument } from '../../platform/windows/windowsArguments';
import { commandLine, powershellLiteral } from '../../shared/shellQuote';

/** pip as administrator, the way each shell asks for it. */
export function elevatedInstallCommands({ os, target, packageName }: RemedyFacts): string[] {
  const args = ['-m', 'pip', 'install', packageName];
  switch (os.shell) {
    case 'powershell': {
      // -Verb RunAs cannot redirect output, so pip runs in a new administrator PowerShell that
      // stays open (-NoExit) to show its result. Its parameters go as one string, quoted the
      // way Windows splits a command line: an -ArgumentList array is joined with bare spaces.
      const parameters = `-NoExit -Command ${quoteWindowsArgument(commandLine('powershell', target.executable, args))}`;
      return [
        `Start-Process -Verb RunAs -FilePath powershell.exe -ArgumentList ${powershellLiteral(parameters)}`,
      ];
    }
    case 'bash':
      return [`sudo ${commandLine('bash', target.executable, args)}`];
    case 'cmd':
      // cmd has no way to ask for administrator rights: the user opens an elevated prompt.
      return [commandLine('cmd', target.executable, args)];
  }
}
