import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { asNobodyTitle, canMountReadOnly, canSwitchUser } from '../unit/platform/accessAsUser';
import { diagnoseAsUser } from './support/diagnoseAsUser';
import {
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
import { userVenv } from './support/venvs';

/**
 * Machines whose trouble is a mount: each runs every step (the failing
 * install, the scan, the pasted fix, the install again) inside one private
 * mount namespace, so the mount exists only for that machine and vanishes
 * with it.
 */
const canMount = canSwitchUser && canMountReadOnly();

describe.skipIf(!canMount)(
  asNobodyTitle('mounts (needs a private mount namespace: unshare(1) as root)'),
  () => {
    test('a venv on a read-only mount: not a permission problem, and a new venv elsewhere fixes it', async () => {
      const machine = machineForThisTest('read-only-mount');
      const venv = await userVenv(machine, join(machine.project, '.venv'));
      await machine.enterMountNamespace('mount --bind "$1" "$1"\nmount -o remount,ro,bind "$1"', [
        venv.dir,
      ]);
      machine.activate(venv.dir);
      const { run, logFile } = await machine.type('pip install demo');
      expect(run.code).not.toBe(0);
      expect(run.stdout).toContain('[Errno 30] Read-only file system');

      const diagnosis = await diagnoseAsUser(machine, logFile);
      expectVerdict(diagnosis, {
        targetPrefix: venv.dir,
        because: 'log-path',
        cause: 'not-permission',
      });
      expectRequested(diagnosis);
      const venvRemedy = expectFirstRemedy(diagnosis, 'venv');
      // Neither administrator rights nor new permissions make a read-only mount writable.
      expectNotApplicable(diagnosis, ['elevated-install', 'grant-access']);
      const newVenv = diagnosis.newVenvFolder ?? '';
      expect(`${newVenv}/`.startsWith(`${venv.dir}/`), summarize(diagnosis)).toBe(false);

      await expectPastedCommandsWork(machine, venvRemedy);
      await expectImports(machine, join(newVenv, 'bin', 'python'));
      await expectInstallWorks(machine, join(newVenv, 'bin', 'python'));
    });

    test('TMPDIR on a nearly full tmpfs: Errno 28 unpacking demo-dep; the install run again with a TMPDIR that works', async () => {
      // demo-dep comes as an sdist here: pip unpacks it (64 KiB) in TMPDIR, which has 12 KiB left.
      const machine = machineForThisTest('tmpdir-full', { packages: 'sdist-dependency' });
      const venv = await userVenv(machine, join(machine.project, '.venv'));
      const smallTmp = join(machine.root, 'small-tmp');
      mkdirSync(smallTmp);
      await machine.enterMountNamespace(
        'mount -t tmpfs -o size=64k,mode=1777 tmpfs "$1"\nhead -c 53248 /dev/zero > "$1/filler"',
        [smallTmp],
      );
      machine.env.TMPDIR = smallTmp;
      machine.activate(venv.dir);
      const { run, logFile } = await machine.type('pip install demo');
      expect(run.code).not.toBe(0);
      expect(run.stdout).toContain('[Errno 28] No space left on device');

      const diagnosis = await diagnoseAsUser(machine, logFile);
      // The error names no path in an install: the active venv is where pip ran.
      expectVerdict(diagnosis, {
        targetPrefix: venv.dir,
        because: 'virtual-env',
        cause: 'temp-dir',
      });
      expectRequested(diagnosis);
      const runAgain = expectFirstRemedy(diagnosis, 'run-again');
      const alternative = diagnosis.tempDir?.alternative ?? '';
      expect(alternative, summarize(diagnosis)).not.toBe('');
      expect(runAgain.commands.join('\n'), summarize(diagnosis)).toMatch(/TMPDIR=/);

      await expectPastedCommandsWork(machine, runAgain);
      await expectImports(machine, venv.python);
      await expectInstallWorks(machine, venv.python, { env: { TMPDIR: alternative } });
    });
  },
);
