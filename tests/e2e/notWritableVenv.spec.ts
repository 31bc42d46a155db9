import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { startProbeAsUser } from './support/probeAsUser/probeAsUser';
import type { ProbeAsUser } from './support/probeAsUser/probeAsUser';
import { NEEDS_ROOT, canSwitchUser, makeVenv, sharedTempDir } from './support/pythonFixtures';
import type { Venv } from './support/pythonFixtures';

/**
 * Scenario (a) and (e): a real venv that root made, scanned by the real
 * engine as uid 65534, who may not write into it. Every step, light and
 * dark, is checked by axe and photographed on the way.
 */
test.describe('a venv the user cannot write into', () => {
  test.skip(!canSwitchUser, NEEDS_ROOT);

  const root = sharedTempDir('not-writable');
  const project = join(root.path, 'project');
  const home = join(root.path, 'nobody-home');
  const env = {
    PATH: `${join(project, '.venv', 'bin')}:/usr/bin:/bin`,
    HOME: home,
    LANG: 'C.UTF-8',
  };
  let venv: Venv;
  let asNobody: ProbeAsUser;

  test.beforeAll(async () => {
    venv = makeVenv(join(project, '.venv'));
    asNobody = await startProbeAsUser(env);
  });
  test.afterAll(async () => {
    await asNobody?.close();
    root.remove();
  });

  test('recommends a venv first, with the reason from this machine, and exports a redacted report', async ({
    page,
    openWizard,
  }) => {
    const { record, saveDir } = await openWizard({
      probe: asNobody.probe,
      env,
      projectDir: project,
      homeDir: home,
    });
    await checkStep(page, '1-start-empty');

    // 1. The pasted error is read back in plain words.
    const failing = join(venv.sitePackages, 'requests', '__init__.py');
    await page
      .getByRole('textbox', { name: 'The error pip printed' })
      .fill(
        `Installing collected packages: requests\nERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${failing}'\nConsider using the \`--user\` option or check the permissions.`,
      );
    const finding = page.getByRole('heading', { name: 'What the error says' }).locator('..');
    await expect(finding).toContainText('Folder needs admin rights');
    await expect(page.getByText(failing, { exact: true })).toBeVisible();
    await checkStep(page, '1-start-classified');

    // 2. The scan shows each step finish, then offers the findings.
    await page.getByRole('button', { name: 'Check my computer' }).click();
    await expectStep(page, 'Checking your computer');
    const next = page.getByRole('button', { name: "See what's wrong" });
    await expect(next).toBeEnabled({ timeout: 60_000 });
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Finding Python installs' }),
    ).toContainText('found');
    await expect(page.getByRole('progressbar', { name: 'Scan progress' })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );
    await checkStep(page, '2-scan-done');

    // 3. The cause in one sentence, the evidence one click away.
    await next.click();
    await expectStep(page, "What's wrong");
    // In plain words (#16 item 5): the folder, its owner and mode are the evidence below.
    const inShort = page.getByRole('heading', { name: 'In short' }).locator('..');
    await expect(inShort).toContainText(
      'You are not allowed to change the folder where this virtual environment installs packages.',
    );
    await expect(inShort).not.toContainText(venv.sitePackages);
    await page.getByRole('button', { name: /Folders pip cannot write/ }).click();
    const packagesFolder = page
      .getByRole('definition')
      .filter({ hasText: venv.sitePackages })
      .first();
    await expect(packagesFolder).toBeVisible();
    await expect(page.getByRole('main')).toContainText('owned by root, mode 755');
    await page.getByRole('button', { name: 'Which Python your commands use' }).click();
    await expect(page.getByRole('main')).toContainText('pip installs here');
    await checkStep(page, '3-findings');

    // 4. The venv first, with its reason, and its commands one copy away.
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');
    const first = page.getByRole('heading', { name: 'Try this first' }).locator('..');
    await expect(first.getByRole('heading', { level: 3 })).toHaveText('Use a virtual environment');
    await expect(first).toContainText('Recommended');
    await expect(first).toContainText(`pip installs into ${venv.sitePackages}`);
    const firstCommand = first.locator('pre').first();
    await first.getByRole('button', { name: 'Copy' }).first().click();
    await expect(first.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(record.clipboard.at(-1)).toBe(await firstCommand.textContent());
    await page.getByRole('button', { name: /Fixes that would not help here/ }).click();
    const unhelpful = page.getByRole('list').filter({ hasText: 'Give your account write access' });
    await expect(unhelpful).toContainText('belongs to the system');
    // As uid 65534 the scan cannot look at other users' programs: it says so, never "none".
    await expect(unhelpful).toContainText(
      'No program Pip Doctor could look at is using these files now',
    );
    await checkStep(page, '4-fixes');

    // 5. The report: redacted by default, copied and saved through main.
    await page.getByRole('button', { name: 'Share what was found' }).click();
    await expectStep(page, 'Share what was found');
    const personal = page.getByRole('switch', { name: 'Include my user name and folders' });
    await expect(personal).not.toBeChecked();
    const preview = page
      .getByRole('region', { name: 'Report preview' })
      .or(page.getByLabel('Report preview'));
    await expect(preview).toContainText('<user>');
    await expect(preview).not.toContainText('nobody');
    await checkStep(page, '5-report');

    await page.getByRole('button', { name: 'Copy report' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const copied = record.clipboard.at(-1)!;
    expect(copied).toContain('<user>');
    expect(copied).not.toContain('nobody');
    expect(copied).toContain(venv.sitePackages);

    await page.getByRole('button', { name: 'Save as a file…' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /Saved as pip-doctor-report-.*\.md/ }),
    ).toBeVisible();
    const savedFile = record.saved.at(-1)!;
    expect(savedFile.startsWith(saveDir)).toBe(true);
    expect(existsSync(savedFile)).toBe(true);
    expect(readFileSync(savedFile, 'utf8')).toBe(copied);

    await personal.check();
    await expect(preview).toContainText('nobody');
    await page.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => record.clipboard.at(-1)).toContain(home);
    await checkStep(page, '5-report-personal');
  });
});
