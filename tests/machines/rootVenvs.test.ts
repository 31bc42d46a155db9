import { symlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asNobodyTitle, canSwitchUser } from '../unit/platform/accessAsUser';
import { diagnoseAsUser } from './support/diagnoseAsUser';
import {
  expectFirstRemedy,
  expectImports,
  expectInstallWorks,
  expectPastedCommandsWork,
  expectRequested,
  expectVerdict,
  summarize,
} from './support/expectations';
import { machineForThisTest } from './support/machine';
import { rootVenv, userVenv } from './support/venvs';

/**
 * Virtual environments root made (`sudo python3 -m venv`) outside the
 * user's home, used by the user: they may run them, not install into them.
 * The fix is a venv of their own, never root's files handed over.
 */
describe.skipIf(!canSwitchUser)(asNobodyTitle("root's venvs used by another user"), () => {
  test("an activated venv made by root: Errno 13 on the dependency's folder, and a venv of the user's own fixes it", async () => {
    const machine = machineForThisTest('root-venv');
    const shared = rootVenv(join(machine.root, 'opt', 'shared-venv'));
    machine.activate(shared.dir);
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain(`Permission denied: '${join(shared.sitePackages, 'demo_dep')}'`);

    const diagnosis = await diagnoseAsUser(machine, logFile);
    expectVerdict(diagnosis, {
      targetPrefix: shared.dir,
      because: 'log-path',
      cause: 'permission',
    });
    expectRequested(diagnosis);
    const venv = expectFirstRemedy(diagnosis, 'venv');
    expect(diagnosis.newVenvFolder, summarize(diagnosis)).toBe(join(machine.project, '.venv'));

    await expectPastedCommandsWork(machine, venv);
    await expectImports(machine, join(machine.project, '.venv', 'bin', 'python'));
    await expectInstallWorks(machine, join(machine.project, '.venv', 'bin', 'python'));
  });

  test("root's venv on no PATH, named only by the log (the user typed its pip's full path)", async () => {
    const machine = machineForThisTest('root-venv-off-path');
    const tool = rootVenv(join(machine.root, 'opt', 'tool-venv'));
    const { run, logFile } = await machine.type(`'${tool.dir}/bin/pip' install demo`);
    expect(run.code).not.toBe(0);

    const diagnosis = await diagnoseAsUser(machine, logFile);
    // Rule 11: the failing path is mapped to its install though nothing on PATH reaches it.
    expectVerdict(diagnosis, { targetPrefix: tool.dir, because: 'log-path', cause: 'permission' });
    expectRequested(diagnosis);
    const venv = expectFirstRemedy(diagnosis, 'venv');

    await expectPastedCommandsWork(machine, venv);
    await expectImports(machine, join(diagnosis.newVenvFolder!, 'bin', 'python'));
    await expectInstallWorks(machine, join(diagnosis.newVenvFolder!, 'bin', 'python'));
  });

  test("pip and python reach different interpreters: pip is root's venv's, python3 the user's own venv", async () => {
    const machine = machineForThisTest('pip-not-python');
    const shared = rootVenv(join(machine.root, 'opt', 'shared-venv'));
    const own = await userVenv(machine, join(machine.project, 'env'));
    // An admin's /usr/local/bin-like folder holding only `pip`, ahead of the user's venv.
    const adminBin = join(machine.root, 'admin-bin');
    mkdirSync(adminBin);
    symlinkSync(join(shared.dir, 'bin', 'pip'), join(adminBin, 'pip'));
    machine.prependPath(adminBin, join(own.dir, 'bin'));
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain(shared.sitePackages);

    const diagnosis = await diagnoseAsUser(machine, logFile);
    expectVerdict(diagnosis, {
      targetPrefix: shared.dir,
      because: 'log-path',
      cause: 'permission',
    });
    const usePythonMPip = expectFirstRemedy(diagnosis, 'use-python-m-pip');
    // The python on PATH (the user's venv), never pip's own interpreter.
    for (const command of usePythonMPip.commands)
      expect(command, summarize(diagnosis)).not.toContain(shared.dir);

    await expectPastedCommandsWork(machine, usePythonMPip);
    await expectImports(machine, own.python);
    await expectInstallWorks(machine, own.python);
  });
});
