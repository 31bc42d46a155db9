import type { Machine, Run } from './machine';

/**
 * A remedy's commands pasted into bash exactly as printed, one after the
 * other with `set -e`, the way a user follows them. A line starting with
 * `sudo ` is what the user types with their password: it runs as root
 * without the `sudo ` word (this harness is root), with what sudo leaves of
 * the environment. The user's lines in between run in one bash, so what one
 * line sets the next one sees.
 */

/** The placeholder the app prints where it does not know the package. */
const PACKAGE_PLACEHOLDER = /\bPACKAGE\b/g;

/** The only thing the harness runs as root: it never lets a pasted command change this computer outside the machine. */
const ROOT_LINE_ALLOWED = /^chown -R /;

export interface PastedGroup {
  as: 'user' | 'root';
  lines: string[];
  run: Run;
}

export async function pasteCommands(
  machine: Machine,
  commands: readonly string[],
  packageName: string,
): Promise<PastedGroup[]> {
  const groups: Array<Omit<PastedGroup, 'run'>> = [];
  for (const printed of commands) {
    const line = printed.replace(PACKAGE_PLACEHOLDER, packageName);
    const asRoot = line.startsWith('sudo ');
    const as = asRoot ? 'root' : 'user';
    const text = asRoot ? line.slice('sudo '.length) : line;
    if (asRoot && !(ROOT_LINE_ALLOWED.test(text) && text.includes(machine.root)))
      throw new Error(
        `the harness refuses to run "${line}" as root: only a chown of something inside this machine (${machine.root}) is safe to paste here`,
      );
    const last = groups.at(-1);
    if (last && last.as === as && as === 'user') last.lines.push(text);
    else groups.push({ as, lines: [text] });
  }
  const pasted: PastedGroup[] = [];
  for (const group of groups) {
    const run = await machine.bash(`set -e\nexec 2>&1\n${group.lines.join('\n')}`, [], {
      as: group.as,
    });
    pasted.push({ ...group, run });
    if (run.code !== 0) break;
  }
  return pasted;
}

/** What each pasted group printed, for a failure message. */
export function describePasted(pasted: readonly PastedGroup[]): string {
  return pasted
    .map(
      (group) =>
        `[${group.as}] ${group.lines.join(' ; ')}\n→ exit ${group.run.code}\n${group.run.stdout}${group.run.stderr}`,
    )
    .join('\n');
}
