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

/**
 * A Windows tool by absolute path: a where.exe or powershell.exe in the
 * working folder or early on PATH must not be the one that runs
 * (windows-probes.md §0).
 */
export function systemTool(env: NodeJS.ProcessEnv, relative: string): string {
  const root = envValue(env, 'SystemRoot') ?? 'C:\\Windows';
  return `${root.replace(/\\+$/, '')}\\System32\\${relative}`;
}

export const WHERE_EXE = 'where.exe';
export const REG_EXE = 'reg.exe';
export const POWERSHELL_EXE = 'WindowsPowerShell\\v1.0\\powershell.exe';
