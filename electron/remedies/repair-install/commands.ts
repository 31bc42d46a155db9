import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import { venvPython } from '../../platform/osTraits';
import type { Shell } from '../../shared/model/diagnosis';
import { commandLine, quoteArg } from '../../shared/shellQuote';

/**
 * Deleting a leftover (a folder and all it holds, or one file), in each
 * shell. PowerShell's path is -LiteralPath: -Path reads [ ] * ? as
 * wildcards, and it is an argument, not a program, so it takes no `&`. cmd
 * needs `del` for a file: `rmdir` refuses anything but a folder.
 */
const REMOVE: Readonly<Record<Shell, (path: string, isFile: boolean) => string>> = {
  powershell: (path) => `Remove-Item -LiteralPath ${quoteArg(path, 'powershell')} -Recurse -Force`,
  bash: (path) => `rm -rf ${commandLine('bash', path, [])}`,
  cmd: (path, isFile) => `${isFile ? 'del /f /q' : 'rmdir /s /q'} ${commandLine('cmd', path, [])}`,
};

/**
 * A broken venv made again over itself by a Python that exists (its
 * packages go with it: they are installed again), then the user's package.
 */
export function recreateVenvCommands(facts: RemedyFacts): string[] {
  const { os, target, basePython, packageName } = facts;
  if (basePython === null || target.prefix === null) return [];
  return [
    commandLine(os.shell, basePython.executable, ['-m', 'venv', '--clear', target.prefix]),
    commandLine(os.shell, venvPython(os, target.prefix), ['-m', 'pip', 'install', packageName]),
  ];
}

/**
 * The leftovers removed one by one, pip brought back when it is missing (and
 * made current), then each package left half-installed installed again.
 */
export function repairInstallCommands(facts: RemedyFacts): string[] {
  const { os, target } = facts;
  const python = (...args: string[]) => commandLine(os.shell, target.executable, args);
  const { leftovers } = target;
  const pipMissing = leftovers.some((leftover) => leftover.kind === 'pip-missing');
  const halfInstalled = [
    ...new Set(
      leftovers
        .filter((leftover) => leftover.kind === 'stash-folder' && leftover.package !== 'pip')
        .map((leftover) => leftover.package)
        .filter((name): name is string => name !== null),
    ),
  ];
  return [
    ...leftovers
      .filter((leftover) => leftover.kind !== 'pip-missing')
      .map((leftover) => REMOVE[os.shell](leftover.path, leftover.kind === 'deleteme-file')),
    ...(pipMissing
      ? [python('-m', 'ensurepip', '--upgrade'), python('-m', 'pip', 'install', '--upgrade', 'pip')]
      : []),
    ...(halfInstalled.length > 0
      ? [python('-m', 'pip', 'install', '--force-reinstall', ...halfInstalled)]
      : []),
  ];
}
