import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import type { Shell } from '../../shared/model/diagnosis';
import { commandLine } from '../../shared/shellQuote';

/** Deleting a folder and all it holds, in each shell. */
const REMOVE: Readonly<Record<Shell, (path: string) => string>> = {
  powershell: (path) => `Remove-Item -Recurse -Force ${commandLine('powershell', path, [])}`,
  bash: (path) => `rm -rf ${commandLine('bash', path, [])}`,
  cmd: (path) => `rmdir /s /q ${commandLine('cmd', path, [])}`,
};

/** The leftovers removed one by one, then pip brought back when it is missing. */
export function repairInstallCommands({ os, target }: RemedyFacts): string[] {
  const { leftovers } = target;
  const pipMissing = leftovers.some((leftover) => leftover.kind === 'pip-missing');
  return [
    ...leftovers
      .filter((leftover) => leftover.kind !== 'pip-missing')
      .map((leftover) => REMOVE[os.shell](leftover.path)),
    ...(pipMissing
      ? [commandLine(os.shell, target.executable, ['-m', 'ensurepip', '--upgrade'])]
      : []),
  ];
}
