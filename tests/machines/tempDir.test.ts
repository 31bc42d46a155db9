import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { asNobodyTitle, canSwitchUser } from '../unit/platform/accessAsUser';
import { diagnoseAsUser } from './support/diagnoseAsUser';
import {
  expectInstallWorks,
  expectNoVenvRemedy,
  expectObservation,
  expectVerdict,
} from './support/expectations';
import type { Machine } from './support/machine';
import { machineForThisTest } from './support/machine';
import { userVenv } from './support/venvs';

/**
 * A TMPDIR that is missing or not writable. Python's tempfile then falls
 * back to /tmp, so pip succeeds: the tool must not crash on it, must say
 * nothing is wrong with the install, and should mention the bad TMPDIR.
 */
describe.skipIf(!canSwitchUser)(asNobodyTitle('a TMPDIR pip cannot use'), () => {
  test('TMPDIR names a folder that does not exist: pip succeeds, the tool says so and mentions TMPDIR', async () => {
    const machine = machineForThisTest('tmpdir-missing');
    await expectHarmlessTmpdir(machine, join(machine.root, 'no-such-folder'));
  });

  test('TMPDIR names a folder only root may write: pip succeeds, the tool says so and mentions TMPDIR', async () => {
    const machine = machineForThisTest('tmpdir-unwritable');
    const rootsTmp = join(machine.root, 'roots-tmp');
    mkdirSync(rootsTmp, { mode: 0o755 });
    await expectHarmlessTmpdir(machine, rootsTmp);
  });
});

async function expectHarmlessTmpdir(machine: Machine, tmpdir: string): Promise<void> {
  const venv = await userVenv(machine, join(machine.project, '.venv'));
  machine.env.TMPDIR = tmpdir;
  machine.activate(venv.dir);
  const { run, logFile } = await machine.type('pip install demo');
  expect(run.code, run.stdout).toBe(0);

  const diagnosis = await diagnoseAsUser(machine, logFile);
  expectVerdict(diagnosis, { targetPrefix: venv.dir, because: 'virtual-env', cause: 'none' });
  expectNoVenvRemedy(diagnosis);
  expectObservation(diagnosis, 'temp-dir-unusable', tmpdir);

  await expectInstallWorks(machine, venv.python);
}
