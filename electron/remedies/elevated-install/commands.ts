import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import { commandLine, powershellLiteral, quoteArg } from '../../shared/shellQuote';

/** pip as administrator, the way each shell asks for it. */
export function elevatedInstallCommands({ os, target, packageName }: RemedyFacts): string[] {
  const args = ['-m', 'pip', 'install', packageName];
  switch (os.shell) {
    case 'powershell':
      // -Verb RunAs cannot redirect output; the elevated window shows pip's own. Every
      // -ArgumentList item is quoted: a bare -m there is read as a parameter of Start-Process.
      return [
        `Start-Process -Verb RunAs -Wait -FilePath ${quoteArg(target.executable, 'powershell')} -ArgumentList ${args.map(powershellLiteral).join(',')}`,
      ];
    case 'bash':
      return [`sudo ${commandLine('bash', target.executable, args)}`];
    case 'cmd':
      // cmd has no way to ask for administrator rights: the user opens an elevated prompt.
      return [commandLine('cmd', target.executable, args)];
  }
}
