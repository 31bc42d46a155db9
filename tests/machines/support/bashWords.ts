import type { Machine } from './machine';

/**
 * The words bash makes of a printed command line, as the machine's user
 * (quotes removed, no globbing): what a pasted path really becomes.
 */
export async function bashWords(machine: Machine, commandLine: string): Promise<string[]> {
  const split = await machine.bash('set -f\neval "set -- $1"\nprintf "%s\\0" "$@"', [commandLine]);
  if (split.code !== 0) throw new Error(`bash cannot read ${commandLine}: ${split.stderr}`);
  return split.stdout.split('\0').slice(0, -1);
}
