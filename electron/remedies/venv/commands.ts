import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import { venvPython } from '../../platform/osTraits';
import { commandLine } from '../../shared/shellQuote';

/** Create the environment with the target's Python, then install the package with the new one. */
export function venvCommands({ os, basePython, venvFolder, packageName }: RemedyFacts): string[] {
  if (basePython === null) return [];
  return [
    commandLine(os.shell, basePython.executable, ['-m', 'venv', venvFolder]),
    commandLine(os.shell, venvPython(os, venvFolder), ['-m', 'pip', 'install', packageName]),
  ];
}
