import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NOBODY } from './support/probeAsUser/probeAsUser';
import { startProbeAsUser } from './support/probeAsUser/probeAsUser';
import type { ProbeAsUser } from './support/probeAsUser/probeAsUser';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { NEEDS_ROOT, canSwitchUser, makeVenv, sharedTempDir } from './support/pythonFixtures';
import type { Venv } from './support/pythonFixtures';
import { buildRequestsWheels, realPipLog } from './support/requestsIndex';

/**
 * Issue #16 items 1 and 11, on a machine the test builds for real: a
 * project venv root made, which uid 65534 may not change. The log is the
 * one pip really prints there for `pip install requests` (made by running
 * it, as uid 65534, against a package index on 127.0.0.1): the file that
 * fails belongs to charset_normalizer, the dependency.
 */
test.describe('the package the user asked for, and what upgrading pip would do', () => {
  test.skip(!canSwitchUser, NEEDS_ROOT);

  const root = sharedTempDir('ux-pkg');
  const project = join(root.path, 'project');
  const home = join(root.path, 'home');
  const dataDir = join(root.path, 'app-data');
  const wheels = join(root.path, 'wheels');
  const newVenv = join(project, '.venv-new');
  const env = {
    PATH: `${join(project, '.venv', 'bin')}:/usr/bin:/bin`,
    HOME: home,
    LANG: 'C.UTF-8',
  };
  let venv: Venv;
  let log: string;

  test.beforeAll(async () => {
    for (const folder of [project, home, dataDir]) {
      mkdirSync(folder, { recursive: true });
      chownSync(folder, NOBODY, NOBODY);
    }
    venv = makeVenv(join(project, '.venv'));
    mkdirSync(wheels);
    buildRequestsWheels(wheels);
    log = await realPipLog({ wheels, env, cwd: project, args: ['install', 'requests'] });
  });
  test.afterAll(() => root.remove());

  test('item 1: "You ran: pip install requests", and every fix installs requests, not its dependency', async ({
    page,
    openWizard,
  }) => {
    // What pip really printed: it asked for requests, and failed on charset_normalizer.
    expect(log).toContain('Collecting requests');
    expect(log).toContain(`Permission denied: '${join(venv.sitePackages, 'charset_normalizer')}'`);

    await openWizard({
      runAs: NOBODY,
      env,
      projectDir: project,
      homeDir: home,
      dataDir,
      wheelDir: wheels,
    });
    await page.getByRole('textbox', { name: 'The error pip printed' }).fill(log);
    const reading = page.getByRole('region', { name: 'What the error says' });
    await expect(reading).toContainText('You ranpip install requests');
    // The dependency stays, as evidence of where it failed.
    await expect(reading).toContainText('charset-normalizer, which requests needs');
    await checkStep(page, 'pkg-1-start');

    await page.getByRole('button', { name: 'Check my computer' }).click();
    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');
    const main = page.getByRole('main');
    await expect(main).toContainText('You ran: pip install requests');
    await expect(main).not.toContainText('install charset');
    const first = page.getByRole('heading', { name: 'Try this first' }).locator('..');
    await expect(first.getByRole('heading', { level: 3 })).toHaveText('Use a virtual environment');
    const printed = await first.locator('pre').allTextContents();
    expect(printed.at(-1)).toMatch(/ -m pip install requests$/);
    await checkStep(page, 'pkg-1-fixes');

    // The commands the card prints work when pasted into bash by that user (pip finds the
    // packages in the test's wheel folder: there is no network here).
    const pasted = execFileSync(
      'setpriv',
      [
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        'env',
        '-i',
        `PATH=${env.PATH}`,
        `HOME=${home}`,
        'PIP_NO_INDEX=1',
        `PIP_FIND_LINKS=${wheels}`,
        'PIP_DISABLE_PIP_VERSION_CHECK=1',
        'bash',
        '-euc',
        printed.join('\n'),
      ],
      { cwd: project, encoding: 'utf8' },
    );
    expect(pasted).toContain('Successfully installed charset-normalizer-3.3.2 requests-2.32.3');
    execFileSync('rm', ['-rf', newVenv]);

    // The one-click fix: its button and its plan say requests too, and it runs and is checked.
    const create = first.getByRole('button', {
      name: 'Create a virtual environment and install requests',
    });
    await create.click();
    const dialog = page.getByRole('dialog', { name: 'Use a virtual environment' });
    await expect(dialog.getByRole('textbox', { name: 'Package to install' })).toHaveValue(
      'requests',
    );
    await expect(
      dialog.getByRole('listitem').filter({ hasText: 'Install requests into it' }).locator('pre'),
    ).toContainText(`${join(newVenv, 'bin', 'python')} -m pip install`);
    await dialog.getByRole('button', { name: 'Do it' }).click();
    await expect(dialog.getByRole('heading', { name: 'Done, and checked: it worked' })).toBeFocused(
      { timeout: 60_000 },
    );
    await expect(dialog).toContainText('`import requests` works');
    expect(statSync(newVenv).uid).toBe(NOBODY);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    // The report says what was asked for, and whose file failed.
    await page.getByRole('button', { name: 'Share what was found' }).click();
    await expectStep(page, 'Share what was found');
    const preview = page.getByLabel('Report preview');
    await expect(preview).toContainText('- You ran: `pip install requests`');
    await expect(preview).toContainText(
      '- The failing file belongs to: `charset-normalizer`, which `requests` needs',
    );
  });
});

export { existsSync, readFileSync, startProbeAsUser };
export type { ProbeAsUser };
