import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import { commandLine } from '../../shared/shellQuote';

export function userInstallCommands({ os, target, packageName }: RemedyFacts): string[] {
  return [
    commandLine(os.shell, target.executable, ['-m', 'pip', 'install', '--user', packageName]),
  ];
}
