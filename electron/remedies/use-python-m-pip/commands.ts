import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import { commandLine } from '../../shared/shellQuote';

/** pip started by the interpreter: for a self-upgrade, pip's upgrade; otherwise the user's install. */
export function usePythonMPipCommands(
  { os, target, packageName }: RemedyFacts,
  selfUpgrade: boolean,
): string[] {
  const args = selfUpgrade
    ? ['-m', 'pip', 'install', '--upgrade', 'pip']
    : ['-m', 'pip', 'install', packageName];
  return [commandLine(os.shell, target.executable, args)];
}
