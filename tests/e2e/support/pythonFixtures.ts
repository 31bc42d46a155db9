import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerRunFolder } from '../../support/testRun';

/** Debian's Python: every user can run it (pyenv's live under root's 0700 home). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** A temporary folder every user may read and enter, so probes run as uid 65534 reach it. */
export function sharedTempDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `pip-doctor-e2e-${label}-`));
  chmodSync(path, 0o755);
  registerRunFolder(path);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A shared temporary folder with a `project/` whose `.venv/bin` comes first
 * on PATH, as after `source .venv/bin/activate`: the environment the
 * handlers' scans see (the venv itself is the spec's to make).
 */
export function activatedProject(label: string): {
  root: { path: string; remove(): void };
  project: string;
  env: NodeJS.ProcessEnv;
} {
  const root = sharedTempDir(label);
  const project = join(root.path, 'project');
  const env = {
    PATH: `${join(project, '.venv', 'bin')}:/usr/bin:/bin`,
    HOME: join(root.path, 'home'),
    LANG: 'C.UTF-8',
  };
  return { root, project, env };
}

// Moved to tests/support/ (unit and machine tests use them too).
export { makeVenv } from '../../support/heldVenv';
export type { Venv } from '../../support/heldVenv';

/**
 * A folder whose `python3` never answers: a probe of it can only time out.
 * The script has no shebang on purpose: discovery reads a shebang to follow
 * launchers (and drops one that leads to no Python), while a file without
 * one counts as an interpreter binary. Running it, execvp falls back to
 * /bin/sh, which sleeps.
 */
export function hangingPythonDir(parent: string): string {
  const dir = join(parent, 'hanging bin');
  mkdirSync(dir, { recursive: true });
  const python = join(dir, 'python3');
  writeFileSync(python, 'exec sleep 1000\n');
  chmodSync(python, 0o755);
  return dir;
}

export const canSwitchUser = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export const NEEDS_ROOT =
  'needs root and setpriv(1) to scan as uid 65534 (root can write anywhere); .ci/run provides both';
