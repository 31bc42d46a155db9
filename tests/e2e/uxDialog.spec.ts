import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHolder } from '../support/pythonHolder';
import type { HolderProcess } from '../support/pythonHolder';
import { WINDOWS_FIXTURES } from '../support/recordedWindowsMachine';
import { machineKnowingItsSystemFolder } from './support/machineWithSystemFolder';
import { pidsHolding } from './support/fileHolders';
import { startNotebookKernel } from './support/notebookKernel';
import type { NotebookKernel } from './support/notebookKernel';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import type { Page } from '@playwright/test';
import { activatedProject, makeVenv } from './support/pythonFixtures';

/**
 * Issue #16, items 2, 6 and 7: the fix dialog as a person in trouble reads
 * it. The administrator plan of a replayed Windows machine, through the
 * real handlers; closing real programs that hold a real file; and the
 * states a run passes through when a program will not close.
 */

/** From a pasted error to the Fixes step, as the user clicks through. */
async function toFixes(page: Page, log: string): Promise<void> {
  await page.getByRole('textbox', { name: 'The error pip printed' }).fill(log);
  await page.getByRole('button', { name: 'Check my computer' }).click();
  await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
  await page.getByRole('button', { name: 'See how to fix it' }).click();
  await expectStep(page, 'How to fix it');
}

test.describe('the administrator plan on Windows (replayed machine)', () => {
  test('shows what runs as administrator in plain PowerShell, the script behind "Show script", and a button that says what it does', async ({
    page,
    openWizard,
  }) => {
    const machine = machineKnowingItsSystemFolder('all-users-not-elevated');
    await openWizard({
      probe: machine.probe,
      env: machine.env,
      projectDir: machine.setup.projectDir,
    });
    const log = readFileSync(
      join(WINDOWS_FIXTURES, 'all-users-not-elevated', machine.setup.pipLog),
      'utf8',
    );
    await toFixes(page, log);
    await page
      .getByRole('button', { name: /^Install .*with administrator rights$/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Install with administrator rights' });
    const install = dialog.getByRole('listitem').filter({ has: page.getByText('Show script') });
    await expect(install).toBeVisible({ timeout: 30_000 });

    // What runs, readable: the program and its arguments, no base64, no $env: prefixes.
    await expect(install).toContainText('Runs as administrator:');
    await expect(install.locator('pre').first()).toHaveText(
      /^& 'C:\\Program Files\\Python312\\python\.exe' -m pip install \S+$/,
    );
    await expect(dialog).not.toContainText('EncodedCommand');
    await expect(dialog).not.toContainText('$env:');
    await expect(dialog).not.toContainText(/[A-Za-z0-9+/]{120}/);

    // The script is one click away, closed until asked.
    const show = install.getByRole('button', { name: 'Show script' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(install.getByText('$psi.FileName')).toHaveCount(0);

    // The button says what it does, and sits in the window at 1280×800 without scrolling.
    const run = dialog.getByRole('button', { name: /^Install \S+ as administrator$/ });
    await expect(run).toBeEnabled();
    await expect(dialog.getByRole('button', { name: 'Do it' })).toHaveCount(0);
    await expect(run).toBeInViewport();
    await checkStep(page, 'dialog-admin-plan');

    await show.click();
    await expect(
      install.getByText(/\$psi\.FileName = 'C:\\Program Files\\Python312\\python\.exe'/),
    ).toBeVisible();
    await checkStep(page, 'dialog-admin-script');
  });
});

test.describe('closing programs, grouped as the user knows them', () => {
  const { root, project, env } = activatedProject('ux-dialog-close');
  let heldFile: string;
  let python: string;

  test.beforeAll(() => {
    const venv = makeVenv(join(project, '.venv'));
    python = venv.python;
    heldFile = join(venv.sitePackages, 'held_module.py');
    writeFileSync(heldFile, '# held open by running programs\n');
  });
  test.afterAll(() => root.remove());

  test('a notebook kernel and its launcher are one program, the data loss is in the warning box, and the button counts the ticked programs', async ({
    page,
    openWizard,
  }) => {
    const kernel: NotebookKernel = await startNotebookKernel(
      join(root.path, 'editor'),
      python,
      heldFile,
    );
    const script: HolderProcess = await startHolder([`open:${heldFile}`], { python });
    try {
      await openWizard({ env, projectDir: project });
      await toFixes(
        page,
        `ERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`,
      );
      await page.getByRole('button', { name: 'Close these programs' }).click();
      const dialog = page.getByRole('dialog', { name: 'Close the programs that hold the files' });
      const programs = dialog.getByRole('group', { name: 'Programs to close' });

      // Two programs, not three processes: the launcher goes with the kernel it started.
      await expect(programs.getByRole('checkbox')).toHaveCount(2, { timeout: 30_000 });
      const notebook = programs.getByRole('checkbox', {
        name: /^Jupyter kernel \(VS Code notebook\)/,
      });
      await expect(notebook).toBeChecked();
      await expect(programs).toContainText(`pid ${kernel.launcherPid} and pid ${kernel.kernelPid}`);
      await expect(
        programs.getByRole('checkbox', { name: new RegExp(`pid ${script.pid}\\b`) }),
      ).toBeChecked();

      // What is lost, where warnings go: the warning box, before anything runs.
      const warning = dialog.locator('.fui-MessageBar').filter({ hasText: 'Before you go on' });
      await expect(warning).toContainText('Unsaved work in these programs will be lost');
      await expect(warning).toContainText('its kernel forgets every variable');
      await expect(dialog).not.toContainText('close button');

      // The button says what it does, and counts what is ticked.
      const closeTwo = dialog.getByRole('button', { name: 'Close 2 programs' });
      await expect(closeTwo).toBeEnabled();
      await expect(dialog.getByRole('button', { name: 'Do it' })).toHaveCount(0);
      await checkStep(page, 'dialog-close-plan');
      await notebook.uncheck();
      const closeOne = dialog.getByRole('button', { name: 'Close 1 program' });
      await expect(closeOne).toBeEnabled();
      await notebook.check();

      // Closing the notebook closes both of its processes.
      await closeTwo.click();
      await expect(
        dialog.getByRole('heading', { name: 'Done, and checked: it worked' }),
      ).toBeFocused({
        timeout: 30_000,
      });
      expect(pidsHolding(heldFile)).toEqual([]);
      await checkStep(page, 'dialog-close-done');
    } finally {
      await kernel.stop();
      if (script.alive()) script.child.kill('SIGKILL');
    }
  });

  test('says what really happened: "did not close" with a warning, "Waiting for your answer", "Not fixed yet" after No, who signs out, and "Not recognised"', async ({
    page,
    openWizard,
  }) => {
    const stubborn = await startHolder([`open:${heldFile}`], {
      python,
      onSigterm: 'ignore',
    });
    try {
      await openWizard({ env, projectDir: project });

      // Text that is no pip error at all is not recognised: it is not "not a permission problem".
      const box = page.getByRole('textbox', { name: 'The error pip printed' });
      await box.fill('Shopping list:\nmilk\nbread\n');
      const reading = page.getByRole('region', { name: 'What the error says' });
      await expect(reading).toContainText('Not recognised');
      await expect(reading).not.toContainText('Not a permission problem');
      await expect(reading).not.toContainText('Possible');
      await checkStep(page, 'dialog-not-recognised');

      await toFixes(
        page,
        `ERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`,
      );
      await page.getByRole('button', { name: 'Close these programs' }).click();
      const dialog = page.getByRole('dialog', { name: 'Close the programs that hold the files' });
      await dialog.getByRole('button', { name: 'Close 1 program' }).click();

      // The program ignored the request: a warning, not a green "done"; the question waits for an answer.
      const keep = dialog.getByRole('button', { name: 'No, leave it running' });
      await expect(keep).toBeFocused({ timeout: 15_000 });
      const asked = dialog.getByRole('listitem').filter({ hasText: 'Ask the programs to close' });
      await expect(asked).toContainText('1 program did not close');
      await expect(asked).toContainText('not everything worked');
      await expect(asked).not.toContainText(/\bdone\b|0 closed/);
      const force = dialog
        .getByRole('listitem')
        .filter({ hasText: 'Close by force the programs still running' });
      await expect(force).toContainText('Waiting for your answer');
      await expect(force).not.toContainText('in progress');
      await checkStep(page, 'dialog-close-asking');

      // No: the program runs on, and the outcome says the problem is still there, not "a restart is needed".
      await keep.click();
      const notYet = dialog.getByRole('heading', { name: 'Not fixed yet' });
      await expect(notYet).toBeFocused({ timeout: 30_000 });
      await expect(dialog).toContainText('You chose to keep');
      await expect(dialog).not.toContainText('Almost');
      expect(stubborn.alive()).toBe(true);
      await checkStep(page, 'dialog-close-kept-running');

      // The restart plan: the user signs out, the app goes on next time; it does not claim to do it.
      await dialog.getByRole('button', { name: 'Finish the install after a restart' }).click();
      const restart = page.getByRole('dialog', { name: 'Restart the computer' });
      const signOut = restart.getByRole('listitem').filter({ hasText: 'Log out or restart' });
      await expect(signOut).toContainText(
        'You sign out or restart; Pip Doctor continues next time you open it.',
      );
      await expect(restart).not.toContainText('Pip Doctor does this itself');
      await expect(restart.getByRole('button', { name: 'Do it' })).toHaveCount(0);
      await checkStep(page, 'dialog-restart-plan');
      await restart.getByRole('button', { name: 'Cancel' }).click();
    } finally {
      if (stubborn.alive()) stubborn.child.kill('SIGKILL');
    }
  });
});
