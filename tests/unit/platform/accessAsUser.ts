import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { AccessCheckSchema } from '../../../electron/shared/model/diagnosis';
import type { AccessCheck } from '../../../electron/shared/model/diagnosis';
import type { WriteProbe } from '../../../electron/platform/writeProbe';
import { REPO } from '../../support/repoPaths';

const TSX_CLI = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SCRIPT = join(__dirname, 'printAccessCheck.ts');

/** The unprivileged account the tests switch to: root may write anywhere. */
export const NOBODY = 65534;

function hasProgram(name: string): boolean {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const isRoot = process.getuid?.() === 0;
export const canSwitchUser = isRoot && hasProgram('setpriv');
/** A describe title that says why it was skipped, where it is. */
export function asNobodyTitle(title: string): string {
  return canSwitchUser
    ? title
    : `${title} (skipped: needs root and setpriv(1) to run as uid 65534, since root can write anywhere)`;
}

const WriteProbeSchema = z.object({
  exists: z.boolean(),
  probedPath: z.string().nullable(),
  writable: z.boolean().nullable(),
  errorCode: z.string().nullable(),
  leftBehind: z.string().nullable(),
}) satisfies z.ZodType<WriteProbe>;

const OutputSchema = z.object({ probe: WriteProbeSchema, check: AccessCheckSchema });
export type Checked = { probe: WriteProbe; check: AccessCheck };

const AS_NOBODY = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];

/**
 * Probes and checks `path` in a separate process. `asNobody` drops to uid
 * 65534 with no supplementary groups; `readOnlyMount` first mounts an empty
 * read-only tmpfs on it in a private mount namespace (gone when the process
 * ends, so a failed test cannot leave a mount behind); `home` is the HOME
 * the check runs with (default: this process's).
 */
export function checkInProcess(
  path: string,
  options: { asNobody?: boolean; readOnlyMount?: 'tmpfs' | 'bind'; home?: string } = {},
): Promise<Checked> {
  let command = [process.execPath, TSX_CLI, SCRIPT, 'purelib', path];
  if (options.asNobody) command = ['setpriv', ...AS_NOBODY, ...command];
  if (options.readOnlyMount) {
    const mount =
      options.readOnlyMount === 'tmpfs'
        ? 'mount -t tmpfs -o ro,size=64k tmpfs "$1"'
        : 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1"';
    // The path travels as "$1", never spliced into the script.
    command = [
      'unshare',
      '--mount',
      '--',
      'sh',
      '-c',
      `${mount} && shift && exec "$@"`,
      'sh',
      path,
      ...command,
    ];
  }
  return new Promise((resolve, reject) => {
    execFile(
      command[0]!,
      command.slice(1),
      {
        cwd: REPO,
        timeout: 60_000,
        env: options.home === undefined ? process.env : { ...process.env, HOME: options.home },
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command.join(' ')} failed: ${stderr || error.message}`));
        else resolve(OutputSchema.parse(JSON.parse(stdout)));
      },
    );
  });
}

/** Whether this sandbox lets root mount a read-only tmpfs in a private namespace. */
export function canMountReadOnly(): boolean {
  if (!isRoot || !hasProgram('unshare')) return false;
  const dir = mkdtempSync(join(tmpdir(), 'pip-doctor-mount-'));
  try {
    execFileSync(
      'unshare',
      ['--mount', '--', 'mount', '-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', dir],
      {
        stdio: 'ignore',
      },
    );
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
