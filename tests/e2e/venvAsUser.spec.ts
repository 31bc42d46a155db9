import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoWheels } from '../support/buildWheel';
import { NOBODY } from './support/probeAsUser/probeAsUser';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { NEEDS_ROOT, canSwitchUser, makeVenv, sharedTempDir } from './support/pythonFixtures';
import type { Venv } from './support/pythonFixtures';

/**
 * Issue #7 (b): a project whose .venv root made (an old `sudo python -m
 * venv`), so its owner, uid 65534, gets "Permission denied". The whole
 * handler set runs as uid 65534 (support/handlersAsUser): the scan that
 * finds the problem and the action that fixes it see the machine as the
 * same user, and a venv the fix makes belongs to that user, which the test
 * checks. pip installs from a local wheel folder (no network).
 */
test.describe('a virtual environment made for a user who cannot write the old one', () => {
  test.skip(!canSwitchUser, NEEDS_ROOT);

  const root = sharedTempDir('venv-fix');
  const project = join(root.path, 'project');
  const home = join(root.path, 'home');
  const dataDir = join(root.path, 'app-data');
  const picked = join(root.path, 'picked');
  const wheels = join(root.path, 'wheels');
  const newVenv = join(project, '.venv-new');
  const env = {
    PATH: `${join(project, '.venv', 'bin')}:/usr/bin:/bin`,
    HOME: home,
    LANG: 'C.UTF-8',
  };
  let venv: Venv;

  test.beforeAll(() => {
    for (const folder of [project, home, dataDir, picked]) {
      mkdirSync(folder, { recursive: true });
      chownSync(folder, NOBODY, NOBODY);
    }
    venv = makeVenv(join(project, '.venv'));
    mkdirSync(wheels);
    buildDemoWheels(wheels);
  });
  test.afterAll(() => root.remove());

  test('plans a new venv with the package from the log, runs it as that user, verifies the import, and undoes it', async ({
    page,
    openWizard,
  }) => {
    await openWizard({
      runAs: NOBODY,
      env,
      projectDir: project,
      homeDir: home,
      dataDir,
      wheelDir: wheels,
      pickedFolder: picked,
    });
    await page
      .getByRole('textbox', { name: 'The error pip printed' })
      .fill(
        `Installing collected packages: pipdoctor-demo\nERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${join(venv.sitePackages, 'pipdoctor_demo-1.0.dist-info')}'\nConsider using the \`--user\` option or check the permissions.`,
      );
    await expect(page.getByText('Folder needs admin rights')).toBeVisible();
    await page.getByRole('button', { name: 'Check my computer' }).click();
    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');

    // The package the user asked for (pip was installing pipdoctor-demo), not the folder that
    // failed (pipdoctor_demo-1.0.dist-info); the button says what it will do.
    const first = page.getByRole('heading', { name: 'Try this first' }).locator('..');
    const create = first.getByRole('button', {
      name: 'Create a virtual environment and install pipdoctor-demo',
    });
    await expect(first.getByText('Or run these yourself', { exact: false })).toBeVisible();
    await create.click();
    const dialog = page.getByRole('dialog', { name: 'Use a virtual environment' });
    const packageField = dialog.getByRole('textbox', { name: 'Package to install' });
    await expect(packageField).toHaveValue('pipdoctor-demo');
    await expect(packageField).toBeFocused();

    // Never over the venv pip failed in: a new one beside it, made by that venv's Python.
    await expect(dialog).toContainText(`Create a virtual environment in ${newVenv}`);
    const createStep = dialog
      .getByRole('listitem')
      .filter({ hasText: 'Create the virtual environment' });
    await expect(createStep.locator('pre')).toHaveText(
      // The scan names the interpreter by the first of its names it met: python or python3.
      new RegExp(`^${escaped(join(venv.dir, 'bin', 'python'))}3? -m venv ${escaped(newVenv)}$`),
    );

    // The name is checked as the user types: a command line is never what comes out of it.
    await packageField.fill('pipdoctor-demo; rm -rf ~');
    await expect(dialog.getByText(/Use the name as on PyPI/)).toBeVisible();
    // The button says what it would do; no package name means only the environment.
    await expect(dialog.getByRole('button', { name: 'Create the environment' })).toBeDisabled();
    await packageField.fill('pipdoctor-demo');
    const installStep = dialog
      .getByRole('listitem')
      .filter({ hasText: 'Install pipdoctor-demo into it' });
    await expect(installStep.locator('pre')).toContainText(
      `${join(newVenv, 'bin', 'python')} -m pip install --no-index --find-links ${wheels} pipdoctor-demo`,
    );

    // Another folder goes through main's dialog; the page holds only its id and shows its path.
    await dialog.getByRole('button', { name: 'Choose another folder…' }).click();
    await expect(dialog).toContainText(`Create a virtual environment in ${picked}`);
    await dialog.getByRole('button', { name: 'Use the suggested folder' }).click();
    await expect(dialog).toContainText(`Create a virtual environment in ${newVenv}`);
    await expect(dialog).toContainText('You can undo this afterwards');
    const createAndInstall = dialog.getByRole('button', {
      name: 'Create the environment and install pipdoctor-demo',
    });
    await expect(createAndInstall).toBeEnabled();
    await checkStep(page, '4-venv-plan');

    await createAndInstall.click();
    const done = dialog.getByRole('heading', { name: 'Done, and checked: it worked' });
    await expect(done).toBeFocused({ timeout: 60_000 });
    await expect(dialog).toContainText('`import demo_module` works');
    await expect(dialog.getByRole('region', { name: 'What you do next' }).or(dialog)).toContainText(
      `source ${join(newVenv, 'bin', 'activate')}`,
    );
    // Made by the user who scanned, not by the test's root; and it really works.
    expect(statSync(newVenv).uid).toBe(NOBODY);
    expect(
      execFileSync(
        join(newVenv, 'bin', 'python'),
        ['-c', 'import demo_module; print(demo_module.VALUE)'],
        {
          encoding: 'utf8',
          cwd: root.path,
        },
      ).trim(),
    ).toBe('42');
    await checkStep(page, '4-venv-done');

    // Undo is a plan too: shown, then run, then checked.
    await dialog.getByRole('button', { name: 'Undo' }).click();
    const undo = page.getByRole('dialog', { name: 'Undo a fix' });
    await expect(undo).toContainText(newVenv);
    await checkStep(page, '4-venv-undo-plan');
    await undo.getByRole('button', { name: 'Undo the fix' }).click();
    await expect(undo.getByRole('heading', { name: /^Done/ })).toBeFocused({ timeout: 60_000 });
    expect(existsSync(newVenv)).toBe(false);
    // The venv pip failed in is root's and untouched.
    expect(existsSync(join(venv.dir, 'pyvenv.cfg'))).toBe(true);
    await expect(undo.getByRole('button', { name: 'Undo' })).toHaveCount(0);
    await undo.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(create).toBeFocused();
  });
});

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
