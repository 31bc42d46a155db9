import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NOBODY } from './support/probeAsUser/probeAsUser';
import { startProbeAsUser } from './support/probeAsUser/probeAsUser';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { NEEDS_ROOT, canSwitchUser, makeVenv, sharedTempDir } from './support/pythonFixtures';
import type { Venv } from './support/pythonFixtures';
import { buildRequestsWheels, realPipLog } from './support/requestsIndex';
import { OLD_PIP_WHEEL, UPGRADE_WHEELS, makeVenvWithPip } from './support/oldPip';

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
    await dialog
      .getByRole('button', { name: 'Create the environment and install requests' })
      .click();
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
  test('item 11: Paste reads the clipboard through main; upgrading pip is answered with the version the scan read', async ({
    page,
    openWizard,
  }) => {
    const pipVersion = execFileSync(venv.python, ['-c', 'import pip; print(pip.__version__)'], {
      encoding: 'utf8',
    }).trim();
    const asNobody = await startProbeAsUser(env);
    try {
      const { record } = await openWizard({
        probe: asNobody.probe,
        env,
        projectDir: project,
        homeDir: home,
      });
      // The user copied pip's output in their terminal; Paste puts it in the box.
      record.clipboard.push(log);
      const box = page.getByRole('textbox', { name: 'The error pip printed' });
      await page.getByRole('button', { name: 'Paste' }).click();
      await expect(box).toHaveValue(log);
      // Scrolled to the end, where pip's error is, as after Ctrl+V.
      await expect
        .poll(() =>
          box.evaluate((area) => area.scrollTop + area.clientHeight >= area.scrollHeight - 1),
        )
        .toBe(true);
      await expect(page.getByRole('region', { name: 'What the error says' })).toContainText(
        'Folder needs admin rights',
      );
      await checkStep(page, 'pkg-11-pasted');
      // An empty clipboard says what to do instead of emptying the box.
      record.clipboard.push('');
      await page.getByRole('button', { name: 'Paste' }).click();
      await expect(page.getByText('The clipboard holds no text.')).toBeVisible();
      await expect(box).toHaveValue(log);

      await page.getByRole('button', { name: 'Check my computer' }).click();
      await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
      await page.getByRole('button', { name: 'See how to fix it' }).click();
      await expectStep(page, 'How to fix it');
      await page.getByRole('button', { name: /Fixes that would not help here/ }).click();
      const upgrade = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Upgrade pip', exact: true }) });
      await expect(upgrade).toContainText(
        `Your pip ${pipVersion} is recent enough: upgrading it will not fix this.`,
      );
      await checkStep(page, 'pkg-11-upgrade-not-helping');
    } finally {
      await asNobody.close();
    }
  });

  test('item 11: an old pip (19.2.3) is offered as a fix, and its printed command upgrades it', async ({
    page,
    openWizard,
  }) => {
    test.skip(OLD_PIP_WHEEL === null, 'needs a pip 19 wheel (a pyenv Python 2.7 bundles one)');
    test.skip(
      UPGRADE_WHEELS === null,
      'needs pip, setuptools and wheel wheels to upgrade to offline',
    );
    const oldProject = join(root.path, 'old-pip-project');
    mkdirSync(oldProject);
    chownSync(oldProject, NOBODY, NOBODY);
    const oldVenv = makeVenvWithPip(join(oldProject, '.venv'), OLD_PIP_WHEEL!);
    const oldEnv = { ...env, PATH: `${join(oldVenv.dir, 'bin')}:/usr/bin:/bin` };
    const oldLog = await realPipLog({
      wheels,
      env: oldEnv,
      cwd: oldProject,
      args: ['install', 'requests'],
    });
    expect(oldLog).toContain('Collecting requests');
    expect(oldLog).toMatch(/Errno 13\] Permission denied/);

    const asNobody = await startProbeAsUser(oldEnv);
    try {
      await openWizard({
        probe: asNobody.probe,
        env: oldEnv,
        projectDir: oldProject,
        homeDir: home,
      });
      await page.getByRole('textbox', { name: 'The error pip printed' }).fill(oldLog);
      await page.getByRole('button', { name: 'Check my computer' }).click();
      await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
      await page.getByRole('button', { name: 'See how to fix it' }).click();
      await expectStep(page, 'How to fix it');
      // The card: the heading's title row, then its panel.
      const card = page
        .getByRole('heading', { name: 'Other fixes' })
        .locator('..')
        .getByRole('heading', { level: 3, name: 'Upgrade pip', exact: true })
        .locator('xpath=../..');
      await expect(card).toContainText('Your pip 19.2.3 is old.');
      await expect(card.getByRole('button', { name: 'Upgrade pip' })).toBeVisible();
      const command = (await card.locator('pre').allTextContents()).join('\n');
      expect(command).toBe(`${oldVenv.python} -m pip install --upgrade pip setuptools wheel`);
      await checkStep(page, 'pkg-11-old-pip');

      // The printed command, pasted into bash by the venv's owner (offline: the test's wheels).
      const ran = execFileSync(
        'env',
        [
          '-i',
          `PATH=${oldEnv.PATH}`,
          'HOME=/root',
          'PIP_NO_INDEX=1',
          `PIP_FIND_LINKS=${UPGRADE_WHEELS}`,
          'bash',
          '-euc',
          command,
        ],
        {
          encoding: 'utf8',
        },
      );
      expect(ran).toMatch(/Successfully installed .*pip-2\d/);
      expect(
        execFileSync(oldVenv.python, ['-m', 'pip', '--version'], { encoding: 'utf8' }),
      ).toMatch(/^pip 2\d\./);
    } finally {
      await asNobody.close();
    }
  });
});
