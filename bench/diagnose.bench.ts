import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../electron/engine/diagnose/diagnose';
import { classifyLogText } from '../electron/engine/logClassifier';
import { createSystemProbe } from '../electron/platform/createSystemProbe';
import { median, timeMs } from './benchResult';
import type { BenchResult } from './benchResult';
import { REMEDY_CATALOG } from '../electron/remedies/registry';

const RUNS = 15;
const VENV_COUNTS = [1, 5, 20];

/** The floor: start every interpreter once, all at once, doing nothing. */
function spawnAllOnce(executables: string[]): Promise<void> {
  return Promise.all(
    executables.map(
      (executable) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(executable, ['-c', 'pass'], { stdio: 'ignore' });
          child.on('error', reject);
          child.on('exit', () => resolve());
        }),
    ),
  ).then(() => undefined);
}

/**
 * Full `diagnose` (discovery, one probe per interpreter, folder checks,
 * holders, remedies) with 1, 5 and 20 project venvs and a log that names a
 * venv on no PATH (found by walking up from the log's path), against the floor of
 * spawning exactly the interpreters it probed once in parallel. Runs are
 * interleaved so both see the same machine state.
 */
export async function benchDiagnose(): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'pip-doctor-bench-venvs-'));
  const probe = createSystemProbe();
  const medians: Record<string, number> = {};
  let worst = 0;
  try {
    let made = 0;
    for (const count of VENV_COUNTS) {
      for (; made < count; made++) {
        execFileSync('/usr/bin/python3', [
          '-m',
          'venv',
          '--without-pip',
          join(root, `venv-${made}`),
        ]);
      }
      const project = join(root, `project-${count}`);
      mkdirSync(project);
      const extraPythons = Array.from({ length: count }, (_, i) =>
        join(root, `venv-${i}`, 'bin', 'python'),
      );
      // The install pip failed in is named only by the log: found by walking up from its path.
      const failing = join(root, 'failing-venv');
      if (count === VENV_COUNTS[0])
        execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', failing]);
      const logPath = join(failing, 'lib', 'python3.11', 'site-packages', 'demo', '__init__.py');
      const log = classifyLogText(
        `ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${logPath}'`,
      );
      const options = {
        projectDir: project,
        extraPythons,
        env: process.env,
        log,
        remedies: REMEDY_CATALOG,
      };
      const discovered = await probe.discoverInterpreters({ ...options, logPaths: [logPath] });
      const executables = discovered.candidates.map((candidate) => candidate.executable);

      await diagnose(probe, options); // warm the file-system cache once
      const full: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        floor.push(await timeMs(() => spawnAllOnce(executables)));
        full.push(await timeMs(() => diagnose(probe, options)));
      }
      const ratio = median(full) / median(floor);
      worst = Math.max(worst, ratio);
      medians[`${count} venv(s), ${executables.length} interpreters: diagnose`] = median(full);
      medians[`${count} venv(s), ${executables.length} interpreters: floor`] = median(floor);
      medians[`${count} venv(s): ratio`] = ratio;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return {
    name: 'full diagnose vs spawning each interpreter once in parallel (python -c pass)',
    unit: 'ms',
    medians,
    ratio: {
      label: 'worst ratio diagnose / floor',
      value: worst,
      budget: '<= 1.3',
      withinBudget: worst <= 1.3,
    },
    notes: [
      'the interpreters include every Python this machine has, besides the project venvs',
      "and the venv the log names, found only from the log's path",
    ],
  };
}
