import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asNobodyTitle, canSwitchUser } from '../unit/platform/accessAsUser';
import { diagnoseAsUser } from './support/diagnoseAsUser';
import {
  expectChown,
  expectFirstRemedy,
  expectImports,
  expectInstallWorks,
  expectNotApplicable,
  expectPastedCommandsWork,
  expectRequested,
  expectVerdict,
  summarize,
} from './support/expectations';
import { machineForThisTest } from './support/machine';
import { rootVenv } from './support/venvs';

/**
 * The plain permission cases again, in folders whose names break careless
 * quoting: spaces, both quotes, `$`, `&`, `%`, letters outside ASCII, and a
 * path over 260 characters. Every printed command must paste as it is.
 *
 * The user types `python -m pip`, not `pip`: in such a venv pip's own
 * launcher cannot start (its `#!/bin/sh` trampoline leaves `"` and `$`
 * unescaped), which is pip's bug, not the one under test.
 */
const HOSTILE = `my proj 'q' "dq" $HOME & 100% ünïcødé`;

describe.skipIf(!canSwitchUser)(asNobodyTitle('hostile characters in paths'), () => {
  test('a sudo-made .venv in a project with quotes, $, & and % in its name: the chown pastes as printed', async () => {
    const machine = machineForThisTest('hostile-sudo-venv', { projectPath: [HOSTILE] });
    const venv = rootVenv(join(machine.project, '.venv'));
    machine.activate(venv.dir);
    const { run, logFile } = await machine.type('python -m pip install demo');
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

  test("root's venv and the user's project both under hostile names over 260 characters: the new venv's commands paste as printed", async () => {
    // Each name stays under 255 bytes (the file system's limit); together they pass 260 characters.
    const machine = machineForThisTest('hostile-long', {
      projectPath: [`prøject "x" & $y 'z' 100%`, 'ö'.repeat(120), `ñame ${'é'.repeat(100)}`],
    });
    expect(machine.project.length).toBeGreaterThan(260);
    const shared = rootVenv(
      join(machine.root, `opt 'shared' "env" $PATH & 50% ü`, 'å'.repeat(120), 'venv'),
    );
    machine.activate(shared.dir);
    const { run, logFile } = await machine.type('python -m pip install demo');
    expect(run.code).not.toBe(0);

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
});
