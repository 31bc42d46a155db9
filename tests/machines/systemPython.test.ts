import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asNobodyTitle, canSwitchUser } from '../unit/platform/accessAsUser';
import { diagnoseAsUser } from './support/diagnoseAsUser';
import {
  expectFirstRemedy,
  expectImports,
  expectInstallWorks,
  expectNoVenvRemedy,
  expectObservation,
  expectPastedCommandsWork,
  expectRequested,
  expectVerdict,
} from './support/expectations';
import { machineForThisTest, SYSTEM_PYTHON } from './support/machine';

/**
 * Debian's own Python (/usr/bin/python3 with python3-pip), used by an
 * ordinary user who types `pip install demo`. Nothing here writes to /usr:
 * the user cannot, and the fixes go elsewhere.
 */
describe.skipIf(!canSwitchUser)(asNobodyTitle("Debian's system Python"), () => {
  test('PEP 668: pip refuses the externally managed system Python, and a project venv fixes it', async () => {
    const machine = machineForThisTest('pep668');
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('externally-managed-environment');

    const diagnosis = await diagnoseAsUser(machine, logFile);
    // The message names no path and no interpreter: the target is what `pip` on PATH runs.
    expectVerdict(diagnosis, { targetPrefix: '/usr', because: 'pip-on-path', cause: 'pep668' });
    const venv = expectFirstRemedy(diagnosis, 'venv');
    expect(diagnosis.newVenvFolder).toBe(join(machine.project, '.venv'));

    await expectPastedCommandsWork(machine, venv);
    await expectImports(machine, join(machine.project, '.venv', 'bin', 'python'));
    await expectInstallWorks(machine, join(machine.project, '.venv', 'bin', 'python'));
  });

  test('root-owned system site-packages: Errno 13 in /usr/local/lib/python3.11/dist-packages, and a venv fixes it', async () => {
    const machine = machineForThisTest('system-site');
    // The user has overridden PEP 668 and has no user site, so pip cannot fall back to --user.
    machine.env.PIP_BREAK_SYSTEM_PACKAGES = '1';
    machine.env.PYTHONNOUSERSITE = '1';
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(
      /\[Errno 13\] Permission denied: '\/usr\/local\/lib\/python3\.11\/dist-packages\/demo_dep/,
    );

    const diagnosis = await diagnoseAsUser(machine, logFile);
    expectVerdict(diagnosis, { targetPrefix: '/usr', because: 'log-path', cause: 'permission' });
    expectRequested(diagnosis);
    const venv = expectFirstRemedy(diagnosis, 'venv');

    await expectPastedCommandsWork(machine, venv);
    await expectImports(machine, join(diagnosis.newVenvFolder!, 'bin', 'python'));
    await expectInstallWorks(machine, join(diagnosis.newVenvFolder!, 'bin', 'python'));
  });

  test("pip's automatic --user fallback: the install worked, and the tool says where it went", async () => {
    const machine = machineForThisTest('user-fallback');
    machine.env.PIP_BREAK_SYSTEM_PACKAGES = '1';
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('Defaulting to user installation');

    const diagnosis = await diagnoseAsUser(machine, logFile);
    expectVerdict(diagnosis, { targetPrefix: '/usr', because: 'pip-on-path', cause: 'none' });
    expectNoVenvRemedy(diagnosis);
    const fallback = expectObservation(diagnosis, 'user-site-fallback');
    expect
      .soft(fallback?.path ?? '', 'the observation names the user site it went to')
      .toContain(join(machine.home, '.local'));

    await expectInstallWorks(machine, SYSTEM_PYTHON);
  });
});
