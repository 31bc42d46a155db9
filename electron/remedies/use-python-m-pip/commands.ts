import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import type { PythonInstall } from '../../shared/model/diagnosis';
import { commandLine } from '../../shared/shellQuote';

/** pip started by the interpreter: for a self-upgrade, pip's upgrade; otherwise the user's install. */
export function usePythonMPipCommands(
  { os, packageName }: RemedyFacts,
  python: PythonInstall,
  selfUpgrade: boolean,
): string[] {
  const args = selfUpgrade
    ? ['-m', 'pip', 'install', '--upgrade', 'pip']
    : ['-m', 'pip', 'install', packageName];
  return [commandLine(os.shell, python.executable, args)];
}
