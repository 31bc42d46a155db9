import { join } from 'node:path';
import { SYSTEM_PYTHON } from '../support/pythonHolder';
import type { HolderProcess } from '../support/pythonHolder';
import { venvWithHeldFile } from '../support/heldVenv';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { activatedProject } from './support/pythonFixtures';

/**
 * Scenario (b): a real Python process holds a file in a venv's
 * site-packages, the user pastes pip's "Text file busy" error, and the
 * wizard names that process and the one that started it.
 */
test.describe('a file another program holds open', () => {
  const { root, project, env } = activatedProject('locked');
  let heldFile: string;
  let holder: HolderProcess;

  test.beforeAll(async () => {
    ({ heldFile, holder } = await venvWithHeldFile(join(project, '.venv'), 'held module.py', {
      python: SYSTEM_PYTHON,
    }));
  });
  test.afterAll(async () => {
    await holder?.stop();
    root.remove();
  });

  test('names the holder and its parent, and puts closing it first', async ({
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
    await expectStep(page, "What's wrong");

    await page.getByRole('button', { name: 'Programs holding files (1)' }).click();
    const entry = page
      .getByRole('heading', { level: 4, name: `(pid ${holder.pid})` })
      .locator('..');
    await expect(entry).toContainText(`pid ${process.pid}`); // its parent: this test's process
    await expect(entry.getByRole('list', { name: `Files pid ${holder.pid} holds` })).toContainText(
      heldFile,
    );
    await page.getByRole('button', { name: 'Your error message' }).click();
    await expect(page.getByLabel('The lines of the log that decided it')).toContainText(
      'Text file busy',
    );
    await checkStep(page, '3-findings-lock');

    await page.getByRole('button', { name: 'See how to fix it' }).click();
    const first = page.getByRole('heading', { name: 'Try this first' }).locator('..');
    await expect(first.getByRole('heading', { level: 3 })).toHaveText(
      'Close the programs that hold the files',
    );
    await expect(first).toContainText(`pid ${holder.pid}`);
    await expect(first.locator('pre')).toHaveText(`kill ${holder.pid}`);
    await checkStep(page, '4-fixes-lock');
  });
});
