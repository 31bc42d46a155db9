import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hangingPythonDir } from '../e2e/support/pythonFixtures';
import { asNobodyTitle, canSwitchUser } from '../unit/platform/accessAsUser';
import { bashWords } from './support/bashWords';
import { diagnoseAsUser, runDiagnose } from './support/diagnoseAsUser';
import {
  expectFirstRemedy,
  expectImports,
  expectInstallWorks,
  expectNoVenvRemedy,
  expectObservation,
  expectPastedCommandsWork,
  expectRequested,
  expectVerdict,
  summarize,
} from './support/expectations';
import { machineForThisTest } from './support/machine';
import { rootVenv, userVenv } from './support/venvs';

/** What the user's shell has set up (VIRTUAL_ENV, PATH) decides which install pip runs. */
describe.skipIf(!canSwitchUser)(asNobodyTitle("the user's shell"), () => {
  test("VIRTUAL_ENV set but its bin/ not on PATH (activated in name only): `python -m pip` with the venv's python", async () => {
    const machine = machineForThisTest('venv-in-name-only');
    const venv = await userVenv(machine, join(machine.project, '.venv'));
    // An editor set VIRTUAL_ENV; PATH still starts with the system's: `pip` is Debian's, PEP 668 refuses.
    machine.env.VIRTUAL_ENV = venv.dir;
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code).not.toBe(0);

    const diagnosis = await diagnoseAsUser(machine, logFile);
    expectVerdict(diagnosis, { targetPrefix: venv.dir, because: 'virtual-env' });
    expectObservation(diagnosis, 'venv-not-on-path');
    const usePythonMPip = expectFirstRemedy(diagnosis, 'use-python-m-pip');
    const words = await bashWords(machine, usePythonMPip.commands[0] ?? '');
    expect(words[0] ?? '', summarize(diagnosis)).toMatch(
      new RegExp(`^${venv.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/bin/python`),
    );

    await expectPastedCommandsWork(machine, usePythonMPip);
    await expectImports(machine, venv.python);
    await expectInstallWorks(machine, venv.python);
  });

  test("nothing wrong: a successful install's log, and the tool says so", async () => {
    const machine = machineForThisTest('nothing-wrong');
    const venv = await userVenv(machine, join(machine.project, '.venv'));
    machine.activate(venv.dir);
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code, run.stdout).toBe(0);

    const diagnosis = await diagnoseAsUser(machine, logFile);
    expectVerdict(diagnosis, { targetPrefix: venv.dir, because: 'virtual-env', cause: 'none' });
    expectNoVenvRemedy(diagnosis);
    expectObservation(diagnosis, 'nothing-wrong');

    await expectInstallWorks(machine, venv.python);
  });

  test('a python3 on PATH that hangs: the scan finishes, and the report names it with its path', async () => {
    const machine = machineForThisTest('hanging-python');
    const shared = rootVenv(join(machine.root, 'opt', 'shared-venv'));
    const hangingBin = hangingPythonDir(machine.root);
    const hanging = join(hangingBin, 'python3');
    // `pip` is root's venv's; `python3` first on PATH never answers.
    machine.prependPath(hangingBin, join(shared.dir, 'bin'));
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code).not.toBe(0);

    const report = await runDiagnose(machine, { log: logFile, json: false });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout, 'the human report names the hanging interpreter').toContain(hanging);

    const diagnosis = await diagnoseAsUser(machine, logFile);
    expect
      .soft(diagnosis.installs.find((install) => install.executable === hanging)?.status)
      .toBe('timed-out');
    expectObservation(diagnosis, 'interpreter-hangs', hanging);
    expectVerdict(diagnosis, {
      targetPrefix: shared.dir,
      because: 'log-path',
      cause: 'permission',
    });
    expectRequested(diagnosis);
    const venv = expectFirstRemedy(diagnosis, 'venv');

    await expectPastedCommandsWork(machine, venv);
    await expectImports(machine, join(diagnosis.newVenvFolder!, 'bin', 'python'));
    await expectInstallWorks(machine, join(diagnosis.newVenvFolder!, 'bin', 'python'));
  });
});
