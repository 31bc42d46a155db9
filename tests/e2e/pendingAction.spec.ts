import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionPlan } from '../../electron/shared/contract';
import { createHarness, SYSTEM_PYTHON } from '../support/actionHarness';
import { buildDemoWheels } from '../support/buildWheel';
import { runActionInChild } from '../support/childAction';
import { errorCodeOf } from '../support/errorCode';
import { test, expect, checkStep } from './support/wizardTest';
import { sharedTempDir } from './support/pythonFixtures';
import { english } from '../support/english';

/**
 * Issue #7 (c): the journal replays after a kill. An action runs in a
 * process of its own, the way the app runs it, and is killed (SIGKILL)
 * right after its install step started: the journal says the step began
 * and never says it ended. The next start of the wizard, on the same data
 * folder, offers to resume it, and resuming finishes and verifies the fix.
 */
test.describe('a fix the app was killed in the middle of', () => {
  const root = sharedTempDir('pending');
  const project = join(root.path, 'project');
  const wheels = join(root.path, 'wheels');
  const dataDir = join(root.path, 'app-data');
  const env = { PATH: '/usr/bin:/bin', HOME: join(root.path, 'home'), LANG: 'C.UTF-8' };
  let plan: ActionPlan;

  test.beforeAll(async () => {
    mkdirSync(project);
    mkdirSync(wheels);
    buildDemoWheels(wheels);
    const harness = createHarness(root.path, { wheelDir: wheels, projectDir: project });
    const scan = await harness.scan([SYSTEM_PYTHON]);
    const run = runActionInChild(
      {
        dataDir,
        homeDir: project,
        pipSourceArgs: ['--no-index', '--find-links', wheels],
        scanId: scan.scanId,
        diagnosis: scan.diagnosis,
        request: scan.request({
          remedy: 'venv',
          installId: scan.installOf(SYSTEM_PYTHON).id,
          packageName: 'pipdoctor-demo',
        }),
        pauseAt: 'install',
        consent: false,
      },
      join(root.path, 'job.json'),
    );
    plan = await run.plan;
    const paused = await run.paused;
    // The process killed is the one that ran the action, and it is gone before the wizard reads the journal.
    expect(paused).toBe(run.child.pid);
    await run.killGroup();
    expect(errorCodeOf(() => process.kill(paused, 0))).toBe('ESRCH');
  });
  test.afterAll(() => root.remove());

  test('is offered on start with where it stopped, and Resume finishes and verifies it', async ({
    page,
    openWizard,
  }) => {
    // The app's own settings: pip finds packages in the local wheel folder (there is no network here).
    await openWizard({ env, projectDir: project, dataDir, wheelDir: wheels });
    const interrupted = page
      .getByRole('heading', { level: 2, name: 'Pip Doctor was interrupted' })
      .locator('..');
    await expect(interrupted).toBeVisible();
    const card = interrupted
      .getByRole('heading', { level: 3, name: english(plan.title) })
      .locator('..');
    await expect(card).toContainText('1 of 2 steps done');
    await expect(card).toContainText('whether that step finished is not known');
    await expect(card.getByRole('button', { name: 'Undo' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Dismiss' })).toBeVisible();
    await checkStep(page, '1-start-pending');

    await card.getByRole('button', { name: 'Resume' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resume a fix that did not finish' });
    // Main scans, builds the plan again from the journal's facts, and shows its commands before anything runs.
    await expect(dialog).toContainText(
      `${join(project, '.venv', 'bin', 'python')} -m pip install`,
      {
        timeout: 60_000,
      },
    );
    await dialog.getByRole('button', { name: 'Resume the fix' }).click();
    const done = dialog.getByRole('heading', { name: 'Done, and checked: it worked' });
    await expect(done).toBeFocused({ timeout: 60_000 });
    await expect(dialog).toContainText('`import demo_module` works');
    // The step that finished before the kill was not run again; the one that was cut off was.
    await expect(
      dialog.getByRole('listitem').filter({ hasText: 'Install pipdoctor-demo into it' }),
    ).toContainText('done');
    await checkStep(page, '1-resume-done');
    expect(
      execFileSync(
        join(project, '.venv', 'bin', 'python'),
        ['-c', 'import demo_module; print(demo_module.VALUE)'],
        { encoding: 'utf8', cwd: root.path },
      ).trim(),
    ).toBe('42');

    // Finished: no longer offered.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(interrupted).toBeHidden();
    // Its Resume button went with it: focus lands on the step's heading, not nowhere.
    await expect(page.getByRole('heading', { level: 1, name: 'What happened?' })).toBeFocused();
  });
});
