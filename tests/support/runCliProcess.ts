import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'electron', 'cli.ts');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in its own process, optionally as the unprivileged user
 * 65534 (root can write anywhere, so "not writable" needs another user).
 */
export function runCliProcess(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; asNobody?: boolean; cwd?: string; stdin?: string } = {},
): Promise<CliRun> {
  const [program, programArgs] = options.asNobody
    ? [
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          TSX_CLI_LOADER,
          CLI,
          ...args,
        ],
      ]
    : [process.execPath, [TSX_CLI_LOADER, CLI, ...args]];
  return new Promise((resolve) => {
    const child = execFile(
      program,
      programArgs as string[],
      {
        env: options.env ?? process.env,
        cwd: options.cwd ?? REPO,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    else child.stdin?.end();
  });
}

/** tsx's CLI, run by the current Node so the child uses the same Node 24. */
const TSX_CLI_LOADER = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
