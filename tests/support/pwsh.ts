import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * The real PowerShell 7 (pwsh) the tests parse and run the app's PowerShell
 * with (DESIGN.md: "Windows is the main target; Linux is where it is tested
 * for real"). On a machine with dotnet, `.ci/run` installs it as a .NET
 * global tool; elsewhere the tests that need it skip and say why.
 */

/** The version `.ci/run` installs: the newest one fails to install as a global tool here. */
export const PWSH_VERSION = '7.6.10';

export const PWSH_SKIP_REASON = `PowerShell 7 (pwsh) is not installed: on a dotnet machine \`.ci/run\` installs it with \`dotnet tool install --global PowerShell --version ${PWSH_VERSION}\``;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where pwsh is: PIP_DOCTOR_PWSH when set (and then only there, so a wrong
 * setting is noticed rather than papered over), else the .NET global tool
 * folder, else PATH. Null when there is none.
 */
export function findPwsh(
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string | null {
  const override = env.PIP_DOCTOR_PWSH;
  if (override) return isExecutable(override) ? override : null;
  const dotnetTool = join(home, '.dotnet', 'tools', 'pwsh');
  if (isExecutable(dotnetTool)) return dotnetTool;
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, 'pwsh');
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** A title that says, when pwsh is missing, why the tests under it were skipped. */
export function pwshTitle(
  title: string,
  pwsh: string | null = findPwsh(),
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (pwsh !== null) return title;
  const reason = env.PIP_DOCTOR_PWSH
    ? `PIP_DOCTOR_PWSH=${env.PIP_DOCTOR_PWSH} is not an executable pwsh`
    : PWSH_SKIP_REASON;
  return `${title} (skipped: ${reason})`;
}

export interface PwshRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * One pwsh process: `-NoProfile -NonInteractive` and the given arguments,
 * `input` on stdin. A pwsh start costs about a second, so callers batch
 * their cases into one run.
 */
export function runPwsh(
  pwsh: string,
  args: readonly string[],
  input = '',
  env: NodeJS.ProcessEnv = process.env,
): Promise<PwshRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(pwsh, ['-NoProfile', '-NonInteractive', ...args], {
      // No telemetry ping and no update check: the tests run offline.
      env: { ...env, POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) =>
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    child.stdin.end(input, 'utf8');
  });
}
