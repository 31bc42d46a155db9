import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tempTree } from '../../support/tempTree';
import { createHarness } from './actionHarness';
import { buildDemoWheels } from './buildWheel';
import { findUnmanagedPython } from './unmanagedPython';
import { english } from '../../support/english';

const python = findUnmanagedPython();
const title =
  'user-install: pip install --user into a temporary user base, verified, then uninstalled by undo';

describe.skipIf(python === null)(
  python === null
    ? `${title} (skipped: no Python here allows --user installs; Debian's own is PEP 668-managed)`
    : title,
  () => {
    const root = tempTree('user-install');
    const wheels = join(root, 'wheels');
    const userBase = join(root, 'home', '.local');

    beforeAll(() => {
      mkdirSync(wheels);
      mkdirSync(join(root, 'home'));
      buildDemoWheels(wheels);
    });

    test('installs into the user site, shows the PATH line for the profile, and undo removes exactly what it added', async () => {
      const harness = createHarness(root, {
        wheelDir: wheels,
        env: { PYTHONUSERBASE: userBase, PATH: '/usr/bin:/bin' },
        homeDir: join(root, 'home'),
      });
      const scan = await harness.scan([python!]);
      const install = scan.installOf(python!);
      const userSite = install.folders.find((folder) => folder.role === 'user-site')!.path;
      expect(userSite.startsWith(userBase)).toBe(true);

      const plan = await harness.service.plan(
        scan.request({
          remedy: 'user-install',
          installId: install.id,
          packageName: 'pipdoctor-demo',
        }),
      );
      expect(plan.steps.map((step) => step.command?.args)).toEqual([
        ['-m', 'pip', 'install', '--user', '--no-index', '--find-links', wheels, 'pipdoctor-demo'],
      ]);
      // POSIX: the line for the shell profile is shown, never written into the user's dotfiles.
      expect(plan.instructions.map((i) => i.text)).toEqual([
        'export PATH="$HOME/.local/bin:$PATH"',
        'export PATH="$HOME/.local/bin:$PATH"',
        `fish_add_path ${join(userBase, 'bin')}`,
      ]);

      const outcome = await harness.service.run(plan.id);
      expect(outcome.status, english(outcome.summary)).toBe('succeeded');
      expect(english(outcome.verification.detail)).toContain('`import demo_module` works');
      expect(readdirSync(userSite)).toEqual(
        expect.arrayContaining(['demo_module', 'helper_mod.py']),
      );

      const undo = await harness.service.planUndo(outcome.runId);
      expect(undo.steps.map((step) => step.command?.args)).toEqual([
        ['-m', 'pip', 'uninstall', '-y', 'pipdoctor-demo', 'pipdoctor-helper'],
      ]);
      expect((await harness.service.run(undo.id)).status).toBe('succeeded');
      expect(existsSync(join(userSite, 'demo_module'))).toBe(false);
      expect(existsSync(join(userSite, 'helper_mod.py'))).toBe(false);
    }, 120_000);
  },
);
