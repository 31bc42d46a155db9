import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asNobodyTitle, canSwitchUser } from '../unit/platform/accessAsUser';
import { startHolder } from '../support/pythonHolder';
import { diagnoseAsUser } from './support/diagnoseAsUser';
import {
  expectFirstRemedy,
  expectInstallWorks,
  expectPastedCommandsWork,
  expectRequested,
  expectVerdict,
  summarize,
} from './support/expectations';
import { AS_USER, machineForThisTest } from './support/machine';
import { userPipInstall, userVenv } from './support/venvs';

/**
 * A file of the venv held by a running Python program (a notebook kernel):
 * on Windows pip cannot replace it ("being used by another process"). Linux
 * lets pip replace it, so the log is the one the same upgrade prints on
 * Windows, naming the real held file; the process, the scan and the fix are
 * real.
 */
describe.skipIf(!canSwitchUser)(asNobodyTitle('a file held by a running Python'), () => {
  test('WinError 32 on a file of demo-dep that a running Python of the user holds: `kill PID`, then the upgrade works', async () => {
    const machine = machineForThisTest('held-file');
    const venv = await userVenv(machine, join(machine.project, '.venv'));
    await userPipInstall(machine, venv.python, ['demo==1.0']);
    const held = join(venv.sitePackages, 'demo_dep', '__init__.py');
    const holder = await startHolder([`open:${held}`], {
      python: venv.python,
      via: ['setpriv', ...AS_USER, '--'],
    });
    try {
      machine.activate(venv.dir);
      const log = machine.saveLog(
        [
          `Looking in links: ${machine.wheels}`,
          `Requirement already satisfied: demo in ${venv.sitePackages} (1.0)`,
          `Processing ${join(machine.wheels, 'demo-2.0-py3-none-any.whl')}`,
          `Processing ${join(machine.wheels, 'demo_dep-2.0-py3-none-any.whl')}`,
          'Installing collected packages: demo-dep, demo',
          '  Attempting uninstall: demo-dep',
          '    Found existing installation: demo-dep 1.0',
          '    Uninstalling demo-dep-1.0:',
          `ERROR: Could not install packages due to an OSError: [WinError 32] The process cannot access the file because it is being used by another process: '${held}'`,
          'Consider using the `--user` option or check the permissions.',
          '',
        ].join('\n'),
      );

      const diagnosis = await diagnoseAsUser(machine, log);
      expectVerdict(diagnosis, { targetPrefix: venv.dir, because: 'log-path', cause: 'lock' });
      expectRequested(diagnosis);
      const close = expectFirstRemedy(diagnosis, 'close-processes');
      expect(close.commands, summarize(diagnosis)).toEqual([`kill ${holder.pid}`]);

      await expectPastedCommandsWork(machine, close);
      // `kill` sends SIGTERM; give the holder a moment to be gone.
      if (holder.alive()) await once(holder.child, 'exit', { signal: AbortSignal.timeout(10_000) });
      expect(holder.alive(), 'the holder was closed').toBe(false);
      await expectInstallWorks(machine, venv.python, {
        pipArgs: ['install', '--upgrade', 'demo'],
        importCheck: 'import demo; assert demo.VERSION == "2.0", demo.VERSION',
      });
    } finally {
      await holder.stop();
    }
  });
});
