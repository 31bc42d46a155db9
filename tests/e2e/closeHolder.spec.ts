import { join } from 'node:path';
import { startHolder } from '../support/pythonHolder';
import type { HolderProcess } from '../support/pythonHolder';
import { venvWithHeldFile } from '../support/heldVenv';
import { pidsHolding } from './support/fileHolders';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { activatedProject } from './support/pythonFixtures';

/**
 * Issue #7 (a): a real Python process holds a file in a venv's
 * site-packages and ignores the polite request to end, as a program busy in
 * native code does. From the Fixes step the user closes it: the plan names
 * it, the force step asks first, and the outcome is checked afresh. The
 * handlers run in this process, as the same user that started the holder.
 */
test.describe('closing the program that holds a file, from the wizard', () => {
  const { root, project, env } = activatedProject('close-holder');
  let heldFile: string;
  let holder: HolderProcess;

  test.beforeAll(async () => {
    ({ heldFile, holder } = await venvWithHeldFile(join(project, '.venv'), 'held_module.py', {
      onSigterm: 'ignore',
    }));
  });
  test.afterAll(async () => {
    await holder?.kill();
    root.remove();
  });

  test('shows the plan with the holder, asks before force, closes it and verifies nothing holds the file', async ({
    page,
    openWizard,
  }) => {
    await openWizard({ env, projectDir: project });
    await page
      .getByRole('textbox', { name: 'The error pip printed' })
      .fill(
        `Installing collected packages: held-module\nERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`,
      );
    await expect(page.getByText('File in use')).toBeVisible();
    await page.getByRole('button', { name: 'Check my computer' }).click();
    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');

    // The one-click fix sits on the first card; the commands stay there for those who type.
    const first = page.getByRole('heading', { name: 'Try this first' }).locator('..');
    await expect(first.locator('pre')).toHaveText(`kill ${holder.pid}`);
    const close = first.getByRole('button', { name: 'Close these programs' });
    await close.click();

    // The plan first: the program by pid and the app behind it, ticked; each step and its effect.
    const dialog = page.getByRole('dialog', { name: 'Close the programs that hold the files' });
    await expect(dialog).toBeVisible();
    const ticked = dialog.getByRole('checkbox', { name: new RegExp(`pid ${holder.pid}\\b`) });
    await expect(ticked).toBeChecked();
    await expect(ticked).toBeFocused();
    await expect(
      dialog.getByRole('listitem').filter({ hasText: 'Ask the programs to close' }),
    ).toContainText('SIGTERM');
    await expect(
      dialog.getByRole('listitem').filter({ hasText: 'Close by force the programs still running' }),
    ).toContainText('Asks you first');
    await expect(dialog).toContainText('cannot be reopened by Undo');
    const doIt = dialog.getByRole('button', { name: 'Close 1 program' });
    await expect(doIt).toBeEnabled();
    await checkStep(page, '4-close-plan');

    // Unticking the only program leaves nothing to do.
    await ticked.uncheck();
    await expect(dialog).toContainText('Tick at least one program to close.');
    await expect(dialog.getByRole('button', { name: 'Close programs' })).toBeDisabled();
    await ticked.check();
    await expect(doIt).toBeEnabled();

    // The run streams its steps; the holder ignores SIGTERM, so the force step asks, No by default.
    await doIt.click();
    await expect(
      dialog.getByRole('listitem').filter({ hasText: 'Ask the programs to close' }),
    ).toContainText('in progress');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    await checkStep(page, '4-close-running');
    const keepRunning = dialog.getByRole('button', { name: 'No, leave it running' });
    await expect(keepRunning).toBeFocused({ timeout: 15_000 });
    await expect(dialog.getByRole('group', { name: /did not close when asked/ })).toContainText(
      `pid ${holder.pid}`,
    );
    expect(holder.alive()).toBe(true);
    await checkStep(page, '4-close-consent');
    await dialog.getByRole('button', { name: 'Yes, close it by force' }).click();

    // Verified afresh: the process is gone and nothing holds the file.
    const result = dialog.getByRole('heading', { name: 'Done, and checked: it worked' });
    await expect(result).toBeFocused({ timeout: 30_000 });
    await expect(dialog).toContainText('No program holds the files any more.');
    await expect.poll(() => holder.alive()).toBe(false);
    expect(holder.child.signalCode).toBe('SIGKILL');
    expect(pidsHolding(heldFile)).toEqual([]);
    await expect(dialog.getByRole('button', { name: 'Undo' })).toHaveCount(0);
    await checkStep(page, '4-close-done');

    // Closing the dialog puts focus back on the button that opened it.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(close).toBeFocused();
  });

  test('No is an answer: the program keeps running, the check says what still holds the file, and the next fix is offered', async ({
    page,
    openWizard,
  }) => {
    const second = await startHolder([`open:${heldFile}`], {
      python: join(project, '.venv', 'bin', 'python'),
      onSigterm: 'ignore',
    });
    try {
      await openWizard({ env, projectDir: project });
      await page
        .getByRole('textbox', { name: 'The error pip printed' })
        .fill(
          `ERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`,
        );
      await expect(page.getByText('File in use')).toBeVisible();
      await page.getByRole('button', { name: 'Check my computer' }).click();
      await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
      await page.getByRole('button', { name: 'See how to fix it' }).click();
      await page.getByRole('button', { name: 'Close these programs' }).click();
      const dialog = page.getByRole('dialog', { name: 'Close the programs that hold the files' });
      await expect(
        dialog.getByRole('checkbox', { name: new RegExp(`pid ${second.pid}\\b`) }),
      ).toBeChecked();
      await dialog.getByRole('button', { name: 'Close 1 program' }).click();

      // The question's default is No: Enter on arrival keeps the program running.
      await expect(dialog.getByRole('button', { name: 'No, leave it running' })).toBeFocused({
        timeout: 15_000,
      });
      await page.keyboard.press('Enter');
      // Kept running by the user's own No: not fixed yet, and which program is left.
      const notYet = dialog.getByRole('heading', { name: 'Not fixed yet' });
      await expect(notYet).toBeFocused({ timeout: 30_000 });
      await expect(dialog).toContainText(
        new RegExp(`You chose to keep [^.]*pid ${second.pid}\\b[^.]* running`),
      );
      expect(second.alive()).toBe(true);
      expect(pidsHolding(heldFile)).toEqual([second.pid]);

      // The scan's next fix, one click away without leaving the dialog.
      await expect(
        dialog.getByRole('heading', { name: 'Next, try: Restart the computer' }),
      ).toBeVisible();
      await checkStep(page, '4-close-kept-running');
      await dialog.getByRole('button', { name: 'Finish the install after a restart' }).click();
      const restart = page.getByRole('dialog', { name: 'Restart the computer' });
      await expect(restart).toContainText('Log out or restart');
      await restart.getByRole('button', { name: 'Cancel' }).click();
      await expect(restart).toBeHidden();
    } finally {
      if (second.alive()) second.child.kill('SIGKILL');
    }
  });
});
