import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import { venvPython } from '../../platform/osTraits';
import { commandLine } from '../../shared/shellQuote';

/** Create the environment with the target's Python, then install the package with the new one. */
export function venvCommands({ os, target, venvFolder, packageName }: RemedyFacts): string[] {
  return [
    commandLine(os.shell, target.executable, ['-m', 'venv', venvFolder]),
    commandLine(os.shell, venvPython(os, venvFolder), ['-m', 'pip', 'install', packageName]),
  ];
}
