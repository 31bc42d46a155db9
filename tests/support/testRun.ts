import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RUN_FOLDERS, RUN_MARKER, stillRuns, suiteProcesses } from './suiteProcesses';
import type { SuiteProcess } from './suiteProcesses';

/**
 * One test run, from the runner's global setup to its teardown: setup marks
 * the environment every worker and child inherits and opens the list of the
 * run's temporary folders; teardown lists what the run left running, fails
 * the run naming each survivor's command line, and then kills them.
 */

/** How long processes the last tests ended get to be gone: an exit is not instant under load. */
const SETTLE_MS = 5_000;

/** How many global setups have opened the run and not yet ended it (vitest loads this module once per project). */
const OPENINGS = Symbol.for('pip-doctor.test-run.openings');
const shared = globalThis as typeof globalThis & { [OPENINGS]?: number };

/** Called by the runner's global setup, before any worker starts (they inherit process.env). */
export function beginTestRun(): void {
  // vitest runs the global setup once per project: the first one opens the run, the last one ends it.
  shared[OPENINGS] = (shared[OPENINGS] ?? 0) + 1;
  if (process.env[RUN_MARKER]) return;
  const id = `${Date.now()}-${randomBytes(4).toString('hex')}`;
  const folders = join(tmpdir(), `pip-doctor-test-run-${id}.folders`);
  writeFileSync(folders, '');
  process.env[RUN_MARKER] = id;
  process.env[RUN_FOLDERS] = folders;
}

/** Adds a temporary folder of a test to the run's list: what runs under it is the run's. */
export function registerRunFolder(path: string): void {
  const list = process.env[RUN_FOLDERS];
  if (list) appendFileSync(list, `${path}\n`);
}

function describe(survivor: SuiteProcess): string {
  return `  pid ${survivor.pid} (parent ${survivor.ppid}; ${survivor.reason}): ${survivor.commandLine}`;
}

/** Called by the runner's global teardown, after its workers have ended. Throws if anything survived. */
export async function endTestRun(): Promise<void> {
  shared[OPENINGS] = (shared[OPENINGS] ?? 1) - 1;
  const id = process.env[RUN_MARKER];
  const list = process.env[RUN_FOLDERS];
  if (shared[OPENINGS] > 0 || !id || !list) return;
  const folders = readFileSync(list, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  const deadline = Date.now() + SETTLE_MS;
  let survivors = suiteProcesses(id, folders);
  while (survivors.length > 0 && Date.now() < deadline) {
    await sleep(200);
    survivors = suiteProcesses(id, folders);
  }
  rmSync(list, { force: true });
  if (survivors.length === 0) return;
  for (const survivor of survivors) {
    try {
      process.kill(survivor.pid, 'SIGKILL');
    } catch {
      // Ended on its own between the listing and the kill.
    }
  }
  await sleep(200);
  // vitest logs an error thrown by a teardown but does not fail the run for it.
  process.exitCode = 1;
  const unkillable = survivors.filter((survivor) => stillRuns(survivor.pid));
  throw new Error(
    [
      `The test run left ${survivors.length} process${survivors.length === 1 ? '' : 'es'} running (killed now with SIGKILL${unkillable.length > 0 ? `; still running: ${unkillable.map((s) => s.pid).join(', ')}` : ''}):`,
      ...survivors.map(describe),
      'A test that starts a process must end it, and wait for it to be gone, before it finishes.',
    ].join('\n'),
  );
}
