import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asNobodyTitle, canSwitchUser } from '../unit/platform/accessAsUser';
import { diagnoseAsUser } from './support/diagnoseAsUser';
import {
  expectChown,
  expectFirstRemedy,
  expectInstallWorks,
  expectNotApplicable,
  expectPastedCommandsWork,
  expectRequested,
  expectVerdict,
} from './support/expectations';
import { machineForThisTest, SYSTEM_PYTHON } from './support/machine';
import type { Machine } from './support/machine';
import { rootVenv, sudoPipInstall, userVenv } from './support/venvs';

/**
 * Root-owned things inside the user's own home, left by a `sudo` that should
 * not have been there. The user's tree is theirs: the fix gives it back
 * (`sudo chown -R <user>: <that tree>`), and "sudo pip" into it is never
 * offered, since it would leave more of root's files behind.
 */
describe.skipIf(!canSwitchUser)(asNobodyTitle("root-owned files in the user's home"), () => {
  test('~/.local made by `sudo pip install --user`: the user-site install fails, chown gives it back', async () => {
    const machine = machineForThisTest('root-dot-local');
    machine.env.PIP_BREAK_SYSTEM_PACKAGES = '1';
    // Once, with sudo keeping HOME: root's `tool` went into the user's ~/.local, which root now owns.
    await sudoPipInstall(machine, SYSTEM_PYTHON, ['--user', 'tool'], {
      HOME: machine.home,
      PIP_BREAK_SYSTEM_PACKAGES: '1',
    });
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain(join(machine.home, '.local'));

    const diagnosis = await diagnoseAsUser(machine, logFile);
    // The user site is a folder of the system Python: the log's path lies in that install.
    expectVerdict(diagnosis, { targetPrefix: '/usr', because: 'log-path', cause: 'permission' });
    expectRequested(diagnosis);
    const grant = expectFirstRemedy(diagnosis, 'grant-access');
    await expectChown(machine, grant, diagnosis, join(machine.home, '.local'));
    expectNotApplicable(diagnosis, ['elevated-install']);

    await expectPastedCommandsWork(machine, grant);
    await expectInstallWorks(machine, SYSTEM_PYTHON);
  });

  test("the project's .venv created with sudo: chown gives the user their venv back", async () => {
    const machine = machineForThisTest('sudo-project-venv');
    const venv = rootVenv(join(machine.project, '.venv'));
    machine.activate(venv.dir);
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code).not.toBe(0);

    const diagnosis = await diagnoseAsUser(machine, logFile);
    expectVerdict(diagnosis, { targetPrefix: venv.dir, because: 'log-path', cause: 'permission' });
    expectRequested(diagnosis);
    const grant = expectFirstRemedy(diagnosis, 'grant-access');
    await expectChown(machine, grant, diagnosis, venv.dir);
    expectNotApplicable(diagnosis, ['elevated-install']);

    await expectPastedCommandsWork(machine, grant);
    await expectInstallWorks(machine, venv.python);
  });

  test("files a `sudo pip` left in the user's own venv: the next upgrade fails on them, chown fixes it", async () => {
    const machine = machineForThisTest('sudo-pip-in-user-venv');
    const venv = await userVenv(machine, join(machine.project, '.venv'));
    // `sudo .venv/bin/pip install demo==1.0`: demo and demo-dep 1.0 now belong to root.
    await sudoPipInstall(machine, venv.python, ['demo==1.0']);
    machine.activate(venv.dir);
    // demo 2.0 needs demo-dep 2.0: pip replaces root's demo-dep first and fails on its files.
    const { run, logFile } = await machine.type('pip install --upgrade demo');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('[Errno 13] Permission denied');

    const diagnosis = await diagnoseAsUser(machine, logFile);
    // pip names the file relative to a folder it had open ('RECORD'): only VIRTUAL_ENV says which install.
    expectVerdict(diagnosis, {
      targetPrefix: venv.dir,
      because: 'virtual-env',
      cause: 'permission',
    });
    expectRequested(diagnosis);
    const grant = expectFirstRemedy(diagnosis, 'grant-access');
    await expectChown(machine, grant, diagnosis, venv.dir, true);
    expectNotApplicable(diagnosis, ['elevated-install']);

    await expectPastedCommandsWork(machine, grant);
    expect(await rootOwnedFilesIn(machine, venv.dir), 'root-owned files left in the venv').toEqual(
      [],
    );
    await expectInstallWorks(machine, venv.python, {
      pipArgs: ['install', '--upgrade', 'demo'],
      importCheck: 'import demo; assert demo.VERSION == "2.0", demo.VERSION',
    });
  });
});

async function rootOwnedFilesIn(machine: Machine, folder: string): Promise<string[]> {
  const found = await machine.run(['find', folder, '-user', 'root'], { as: 'root' });
  return found.stdout.split('\n').filter(Boolean);
}
