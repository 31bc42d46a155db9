import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import { tempTree } from '../../support/tempTree';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';
import { buildDemoWheels } from './buildWheel';
import { findUnmanagedPython } from './unmanagedPython';
import { english } from '../../support/english';
import { refusalOf } from '../../support/refusal';

/**
 * Administrator rights on Linux and macOS: pkexec where it exists, else the
 * sudo command for the user to run. This machine has no polkit; the
 * refusals are exercised with a stand-in `pkexec` that exits the way pkexec
 * documents (126: dialog dismissed; 127 with its message: no agent). pkexec
 * is only taken from the system's own folders, and only when root owns it
 * and no one else can change it: each stand-in sits in /usr/bin of a small
 * system of its own (the service's posixSystemRoot), owned by root.
 */
const python = findUnmanagedPython();
const isRoot = process.geteuid?.() === 0;
const standInTitle = (title: string) =>
  isRoot ? title : `${title} (skipped: a stand-in pkexec must be root's, as a real one is)`;

describe.skipIf(python === null)(
  python === null
    ? 'elevated-install on POSIX (skipped: no Python here that is not PEP 668-managed)'
    : 'elevated-install on POSIX',
  () => {
    const root = tempTree('posix-elevation');
    const wheels = join(root, 'wheels');
    const noPkexec = join(root, 'bin-without');
    const dismissing = join(root, 'system-dismiss');
    const agentless = join(root, 'system-agentless');

    beforeAll(() => {
      mkdirSync(wheels);
      buildDemoWheels(wheels);
      mkdirSync(noPkexec);
      for (const [system, script] of [
        [
          dismissing,
          '#!/bin/sh\necho "Error executing command as another user: Request dismissed" >&2\nexit 126\n',
        ],
        [
          agentless,
          '#!/bin/sh\necho "Error executing command as another user: No authentication agent found." >&2\nexit 127\n',
        ],
      ] as const) {
        mkdirSync(join(system, 'usr', 'bin'), { recursive: true, mode: 0o755 });
        for (const dir of [system, join(system, 'usr'), join(system, 'usr', 'bin')])
          chmodSync(dir, 0o755);
        writeFileSync(join(system, 'usr', 'bin', 'pkexec'), script);
        chmodSync(join(system, 'usr', 'bin', 'pkexec'), 0o755);
      }
    });

    // What an unprivileged user's scan says: not elevated, site-packages not writable.
    const unprivileged = (diagnosis: Diagnosis): Diagnosis => ({
      ...diagnosis,
      elevated: false,
      installs: diagnosis.installs.map((install) => ({
        ...install,
        folders: install.folders.map((f) => (f.role === 'purelib' ? { ...f, writable: false } : f)),
      })),
    });

    test('without pkexec the plan only shows the sudo command, and there is nothing to run', async () => {
      const harness = createHarness(root, { wheelDir: wheels, env: { PATH: noPkexec } });
      const scan = await harness.scan([python!], unprivileged);
      const install = scan.installOf(python!);
      const plan = await harness.service.plan(
        scan.request({
          remedy: 'elevated-install',
          installId: install.id,
          packageName: 'pipdoctor-demo',
        }),
      );
      expect(plan.steps).toEqual([]);
      expect(
        plan.instructions.map((instruction) => ({
          ...instruction,
          title: english(instruction.title),
        })),
      ).toEqual([
        {
          title: 'Run this in a terminal; sudo asks for your password',
          where: 'bash',
          text: `sudo ${install.executable} -m pip install --no-index --find-links ${wheels} pipdoctor-demo`,
        },
      ]);
      expect(await refusalOf(harness.service.run(plan.id))).toMatch(
        /nothing for Pip Doctor to run/,
      );
    }, 30_000);

    test.skipIf(!isRoot)(
      standInTitle(
        'a dismissed password dialog is `declined`, an answer that changed nothing and leaves nothing pending',
      ),
      async () => {
        const harness = createHarness(root, {
          wheelDir: wheels,
          extra: { posixSystemRoot: dismissing },
        });
        const scan = await harness.scan([python!], unprivileged);
        const install = scan.installOf(python!);
        const plan = await harness.service.plan(
          scan.request({
            remedy: 'elevated-install',
            installId: install.id,
            packageName: 'pipdoctor-demo',
          }),
        );
        expect(plan.needsElevation).toBe(true);
        expect(plan.steps[0]!.command).toEqual({
          program: join(dismissing, 'usr', 'bin', 'pkexec'),
          args: [
            install.executable,
            '-m',
            'pip',
            'install',
            '--no-index',
            '--find-links',
            wheels,
            'pipdoctor-demo',
          ],
          env: {},
        });
        const outcome = await harness.service.run(plan.id);
        expect(outcome.status).toBe('declined');
        expect(english(outcome.steps[0]!.detail)).toBe(
          'You did not give administrator rights; nothing was changed.',
        );
        expect(await harness.service.pendingActions()).toEqual([]);
      },
      30_000,
    );

    test.skipIf(!isRoot)(
      standInTitle('no polkit agent to ask is a failure that says what to do instead'),
      async () => {
        const harness = createHarness(root, {
          wheelDir: wheels,
          extra: { posixSystemRoot: agentless },
        });
        const scan = await harness.scan([python!], unprivileged);
        const plan = await harness.service.plan(
          scan.request({
            remedy: 'elevated-install',
            installId: scan.installOf(python!).id,
            packageName: 'pipdoctor-demo',
          }),
        );
        const outcome = await harness.service.run(plan.id);
        expect(outcome.status).toBe('failed');
        expect(english(outcome.steps[0]!.detail)).toContain(
          'could not ask for the administrator password',
        );
        expect(english(outcome.steps[0]!.detail)).toContain('sudo');
      },
      30_000,
    );

    test.skipIf(!isRoot)(
      standInTitle(
        'upgrade-pip is `python -m pip install --upgrade pip setuptools wheel`, as administrator where pip cannot write',
      ),
      async () => {
        const harness = createHarness(root, { extra: { posixSystemRoot: dismissing } });
        const scan = await harness.scan([python!], unprivileged);
        const install = scan.installOf(python!);
        const plan = await harness.service.plan(
          scan.request({ remedy: 'upgrade-pip', installId: install.id }),
        );
        expect(plan.steps[0]!.command?.args).toEqual([
          install.executable,
          '-m',
          'pip',
          'install',
          '--upgrade',
          'pip',
          'setuptools',
          'wheel',
        ]);
        const managed = await harness.scan([SYSTEM_PYTHON]);
        const system = managed.installOf(SYSTEM_PYTHON);
        if (system.externallyManaged) {
          expect(
            await refusalOf(
              harness.service.plan(
                managed.request({ remedy: 'upgrade-pip', installId: system.id }),
              ),
            ),
          ).toMatch(/operating system's packages/);
        }
      },
      30_000,
    );
  },
);
