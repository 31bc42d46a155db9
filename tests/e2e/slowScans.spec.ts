import { join } from 'node:path';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { hangingPythonDir, sharedTempDir } from './support/pythonFixtures';

/**
 * Scenarios (c) and (d): a `python3` on PATH that never answers. The scan
 * still finishes (the probe times out) and the window stays responsive; a
 * scan can be cancelled half-way and started again.
 */
test.describe('an interpreter that hangs', () => {
  const root = sharedTempDir('hanging');
  const env = {
    PATH: `${hangingPythonDir(root.path)}:/usr/bin:/bin`,
    HOME: join(root.path, 'home'),
    LANG: 'C.UTF-8',
  };
  test.afterAll(() => root.remove());

  test('the scan finishes and marks that install as timed out', async ({ page, openWizard }) => {
    await openWizard({ env, projectDir: root.path });
    await page
      .getByRole('button', { name: "I don't have the error, just check my Python" })
      .click();
    await expectStep(page, 'Checking your computer');
    const interpreters = page
      .getByRole('listitem')
      .filter({ hasText: 'Asking each Python about itself' });
    await expect(interpreters).toContainText('in progress');
    // The window keeps answering while the probe waits: step 1 opens and its paste box takes focus.
    await page
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: 'What happened' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'What happened?' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'The error pip printed' })).toBeFocused();
    await page
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: 'Check' })
      .click();
    await checkStep(page, '2-scan-running');

    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await expectStep(page, "What's wrong");
    // Folded under Details (#16 item 5): opened like a person would.
    await page.getByRole('button', { name: /^Python installs/ }).click();
    await page.getByRole('button', { name: /^What could not be checked/ }).click();
    const installs = page.getByRole('heading', { name: /^Python installs/ }).locator('..');
    const hanging = installs
      .getByRole('listitem')
      .filter({ hasText: join(root.path, 'hanging bin', 'python3') })
      .first();
    await expect(hanging.getByRole('heading', { level: 3 })).toHaveText('Python');
    await expect(hanging).toContainText('Did not answer in time');
    await expect(
      page.getByRole('heading', { name: /^What could not be checked/ }).locator('..'),
    ).toContainText('could not be inspected');
    await checkStep(page, '3-findings-timed-out');
  });

  test('a scan cancelled half-way says so and can start again', async ({ page, openWizard }) => {
    await openWizard({ env, projectDir: root.path });
    await page
      .getByRole('button', { name: "I don't have the error, just check my Python" })
      .click();
    const cancel = page.getByRole('button', { name: 'Cancel scan' });
    await expect(cancel).toBeEnabled();
    await cancel.click();
    await expect(page.getByText('Scan cancelled', { exact: true })).toBeVisible();
    // Said to screen readers too, through the scan's live region.
    await expect(page.getByRole('status').filter({ hasText: 'Scan cancelled.' })).toHaveCount(1);
    await expect(
      page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: "What's wrong" }),
    ).toBeDisabled();
    await checkStep(page, '2-scan-cancelled');

    await page.getByRole('button', { name: 'Scan again' }).click();
    await expect(page.getByRole('button', { name: 'Cancel scan' })).toBeVisible();
    await expect(page.getByText('Scan cancelled', { exact: true })).toBeHidden();
    await page.getByRole('button', { name: 'Cancel scan' }).click();
    await expect(page.getByText('Scan cancelled', { exact: true })).toBeVisible();
  });
});
