import { z } from 'zod';
import { runProcess } from '../../platform/runProcess';
import { normalizePackageName } from '../../shared/packageName';
import { PIP_ENV } from '../planning/pipEnvironment';

/** What `pip list --format=json` prints. */
const ListSchema = z.array(z.object({ name: z.string(), version: z.string() }));

export type Distributions = Record<string, string>;

/**
 * The distributions one Python sees, by normalised name, to learn what an
 * install added. `user`: only those in the user's own site folder. Null when
 * pip could not say (the undo then names only the package itself).
 */
export async function listDistributions(
  python: string,
  scope: 'environment' | 'user',
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
): Promise<Distributions | null> {
  const result = await runProcess(
    python,
    ['-m', 'pip', 'list', '--format=json', ...(scope === 'user' ? ['--user'] : [])],
    { timeoutMs: 60_000, env: { ...env, ...PIP_ENV }, signal },
  );
  if (result.exitCode !== 0) return null;
  try {
    const parsed = ListSchema.safeParse(JSON.parse(result.stdout));
    if (!parsed.success) return null;
    return Object.fromEntries(parsed.data.map((d) => [normalizePackageName(d.name), d.version]));
  } catch {
    return null;
  }
}

export interface InstallChanges {
  /** Not there before: what an undo uninstalls. */
  added: string[];
  /** There before in another version: an undo cannot bring the old one back without the network. */
  changed: Array<{ name: string; from: string; to: string }>;
}

export function changesBetween(before: Distributions, after: Distributions): InstallChanges {
  const added: string[] = [];
  const changed: InstallChanges['changed'] = [];
  for (const [name, version] of Object.entries(after)) {
    const old = before[name];
    if (old === undefined) added.push(name);
    else if (old !== version) changed.push({ name, from: old, to: version });
  }
  return { added: added.sort(), changed };
}

export const DistributionsSchema = z.record(z.string(), z.string());
export const InstallChangesSchema = z.object({
  added: z.array(z.string()),
  changed: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
});
