import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildDemoWheels } from '../support/buildWheel';
import { NOBODY, startProbeAsUser } from './support/probeAsUser/probeAsUser';
import type { ProbeAsUser } from './support/probeAsUser/probeAsUser';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { NEEDS_ROOT, canSwitchUser, makeVenv, sharedTempDir } from './support/pythonFixtures';
import type { Venv } from './support/pythonFixtures';

/**
 * Issue #16 items 3, 4 and 8, through the real handlers and the real engine,
 * scanning as uid 65534: the advice follows the error as it is now, a lock
 * no program holds any more is answered by running the install again, and
 * the words of a fix say what its commands do.
 */
test.describe('ranking and staleness (#16 items 3, 4, 8)', () => {
  test.skip(!canSwitchUser, NEEDS_ROOT);

  const root = sharedTempDir('rank');
  const home = join(root.path, 'nobody-home');
  const wheels = join(root.path, 'wheels');
  /** A venv root made: uid 65534 gets "Permission denied" in it. */
  const rootsProject = join(root.path, 'roots-project');
  /** A venv of uid 65534's own, whose file a program held a moment ago. */
  const ownProject = join(root.path, 'own-project');
  const envFor = (project: string) => ({
    PATH: `${join(project, '.venv', 'bin')}:/usr/bin:/bin`,
    HOME: home,
    LANG: 'C.UTF-8',
  });
  let rootsVenv: Venv;
  let ownVenv: Venv;
  const probes: ProbeAsUser[] = [];

  test.beforeAll(() => {
    mkdirSync(home);
    chownSync(home, NOBODY, NOBODY);
    mkdirSync(wheels);
    buildDemoWheels(wheels);
    rootsVenv = makeVenv(join(rootsProject, '.venv'));
    ownVenv = makeVenv(join(ownProject, '.venv'));
    execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, ownProject]);
  });
  test.afterAll(async () => {
    for (const probe of probes) await probe.close();
    root.remove();
  });

  async function openAsNobody(
    openWizard: Parameters<Parameters<typeof test>[2]>[0]['openWizard'],
    project: string,
  ) {
    const probe = await startProbeAsUser(envFor(project));
    probes.push(probe);
    return openWizard({
      probe: probe.probe,
      env: envFor(project),
      projectDir: project,
      homeDir: home,
    });
  }

  const permissionError = (pkg: string, venv: Venv) =>
    `Collecting ${pkg}\nInstalling collected packages: ${pkg}\nERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${join(venv.sitePackages, pkg)}'\nConsider using the \`--user\` option or check the permissions.`;

  async function pasteAndCheck(page: Page, error: string) {
    await page.getByRole('textbox', { name: 'The error pip printed' }).fill(error);
    await page.getByRole('button', { name: 'Check my computer' }).click();
    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await expectStep(page, "What's wrong");
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');
  }

  const steps = (page: Page) => page.getByRole('navigation', { name: 'Steps' });
  const firstFix = (page: Page) =>
    page.getByRole('heading', { name: 'Try this first' }).locator('..');

  test('item 3: after the error is edited, steps 3–5 say "check again" and hold back what the old scan decided', async ({
    page,
    openWizard,
  }) => {
    await openAsNobody(openWizard, rootsProject);
    await pasteAndCheck(page, permissionError('pipdoctor-demo', rootsVenv));
    const stale = page.getByText('Your error changed — check again');
    await expect(stale).toHaveCount(0);
    const oldFix = firstFix(page).getByRole('button', {
      name: 'Create a virtual environment and install pipdoctor-demo',
    });
    await expect(oldFix).toBeEnabled();

    // A new paste on step 1: another package, another error.
    await steps(page)
      .getByRole('button', { name: /What happened/ })
      .click();
    await page
      .getByRole('textbox', { name: 'The error pip printed' })
      .fill(permissionError('pipdoctor-helper', rootsVenv));
    for (const [name, heading] of [
      ["What's wrong", "What's wrong"],
      ['Fixes', 'How to fix it'],
      ['Report', 'Share what was found'],
    ] as const) {
      await steps(page)
        .getByRole('button', { name: new RegExp(name) })
        .click();
      await expectStep(page, heading);
      await expect(stale).toBeVisible();
      await expect(page.getByRole('button', { name: 'Check again' })).toBeVisible();
    }
    // The report of the earlier error is not offered as the report of this one.
    await expect(page.getByRole('button', { name: 'Copy report' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Save as a file…' })).toBeDisabled();
    await checkStep(page, 'rank-stale-report');
    await steps(page).getByRole('button', { name: /Fixes/ }).click();
    await expect(oldFix).toBeDisabled();
    await checkStep(page, 'rank-stale-fixes');

    // Check again: a new scan of the new error, and the fixes follow it.
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await expect(stale).toHaveCount(0);
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expect(
      firstFix(page).getByRole('button', {
        name: 'Create a virtual environment and install pipdoctor-helper',
      }),
    ).toBeEnabled();
  });

  test('item 4: a lock no program holds any more: "Run your pip command again" first, and that command works', async ({
    page,
    openWizard,
  }) => {
    // The file pip could not replace; the program that held it (a notebook) was closed since.
    const held = join(ownVenv.sitePackages, 'helper_mod.py');
    writeFileSync(held, 'VALUE = 0\n');
    chownSync(held, NOBODY, NOBODY);
    await openAsNobody(openWizard, ownProject);
    await pasteAndCheck(
      page,
      `Collecting pipdoctor-demo\nInstalling collected packages: pipdoctor-helper, pipdoctor-demo\nERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${held}'`,
    );

    const first = firstFix(page);
    await expect(first.getByRole('heading', { level: 3 })).toHaveText('Run your pip command again');
    await expect(first).toContainText('using these files now');
    const command = (await first.locator('pre').first().textContent()) ?? '';
    expect(command).toMatch(
      new RegExp(
        `^${ownVenv.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/bin/python3? -m pip install pipdoctor-demo$`,
      ),
    );
    // No empty "Close these programs" anywhere that would help; it says why it would not.
    await expect(page.getByRole('button', { name: 'Close these programs' })).toHaveCount(0);
    await page.getByRole('button', { name: /Fixes that would not help here/ }).click();
    const notNow = page
      .getByRole('listitem')
      .filter({ hasText: 'Close the programs that hold the files' });
    await expect(notNow).toContainText('is using these files now');
    await checkStep(page, 'rank-lock-gone-fixes');

    // The command as shown, typed by that user in bash (packages from a local folder: no network).
    const ran = execFileSync(
      'setpriv',
      [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'bash', '-c', command],
      {
        env: {
          ...envFor(ownProject),
          PIP_NO_INDEX: '1',
          PIP_FIND_LINKS: wheels,
          PIP_NO_CACHE_DIR: '1',
          PIP_DISABLE_PIP_VERSION_CHECK: '1',
        },
        encoding: 'utf8',
      },
    );
    expect(ran).toContain('Successfully installed');
    expect(
      execFileSync(ownVenv.python, ['-c', 'import demo_module; print(demo_module.VALUE)'], {
        encoding: 'utf8',
      }).trim(),
    ).toBe('42');
  });

  test('item 8: the venv fix says the folder its commands create, and the plan puts it there', async ({
    page,
    openWizard,
  }) => {
    await openAsNobody(openWizard, rootsProject);
    await pasteAndCheck(page, permissionError('pipdoctor-demo', rootsVenv));
    const newVenv = join(rootsProject, '.venv-new');
    const first = firstFix(page);
    await expect(first.getByRole('heading', { level: 3 })).toHaveText('Use a virtual environment');
    await expect(first).toContainText('Creates a .venv-new folder in your project');
    await expect(first.locator('pre').first()).toContainText(`-m venv ${newVenv}`);
    await checkStep(page, 'rank-venv-words');

    await first
      .getByRole('button', { name: 'Create a virtual environment and install pipdoctor-demo' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Use a virtual environment' });
    const where = dialog.getByRole('group', { name: 'Where it goes' });
    await expect(where).toContainText(newVenv);
    await expect(dialog).toContainText(`Create a virtual environment in ${newVenv}`);
    await checkStep(page, 'rank-venv-plan');
  });
});
