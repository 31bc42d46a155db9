// Starts the headless CLI (electron/cli.ts) through tsx, for `npm run cli` and `npm run diagnose`.
//
// tsx needs a temporary folder of its own before the CLI is even loaded, so a
// missing, unwritable or full TMPDIR would crash the very tool that is meant
// to diagnose it. When the user's TMPDIR cannot be used, tsx is given a
// folder that can; the CLI then gets the user's own value back
// (PIP_DOCTOR_USER_TMPDIR) and inspects exactly what pip would see.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function usable(folder) {
  try {
    if (!statSync(folder).isDirectory()) return false;
    accessSync(folder, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function creatable(folder) {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return usable(folder);
  } catch {
    return false;
  }
}

const env = { ...process.env };
if (!usable(tmpdir())) {
  const home = (() => {
    try {
      return homedir();
    } catch {
      return null;
    }
  })();
  const fallback = ['/tmp', home && join(home, '.cache', 'pip-doctor', 'tmp')].find(
    (folder) => folder && (usable(folder) || creatable(folder)),
  );
  if (fallback) {
    env.PIP_DOCTOR_USER_TMPDIR = process.env.TMPDIR ?? '';
    env.TMPDIR = fallback;
  }
}

const child = spawn(
  process.execPath,
  [tsx, join(repo, 'electron', 'cli.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env,
  },
);
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exitCode = code ?? 1;
});
