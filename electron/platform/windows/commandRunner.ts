import type { RunOptions, RunResult } from '../runProcess';

/**
 * The one runner's signature (runProcess), so the Windows backend can be
 * handed recorded outputs in tests. Every Windows tool goes through it:
 * program + argument array, no shell, a timeout (DESIGN.md rule 3).
 */
export type CommandRunner = (
  program: string,
  args: readonly string[],
  options: RunOptions,
) => Promise<RunResult>;

/**
 * An environment variable whatever its case: Windows names are
 * case-insensitive (Node's process.env is too there, a plain object in a
 * test is not).
 */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  if (env[name] !== undefined) return env[name];
  const lower = name.toLowerCase();
  const key = Object.keys(env).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : env[key];
}

/** %SystemRoot%, from the environment the scan runs with. */
export function systemRootOf(env: NodeJS.ProcessEnv): string {
  return envValue(env, 'SystemRoot') ?? 'C:\\Windows';
}
