import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sayId } from './support/inLanguage';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { sharedTempDir } from './support/pythonFixtures';

/**
 * Issue #17: the report is written by main in the app's language. Switching
 * the language on the report step shows the report again in the new
 * language, and what is copied or saved is that same report.
 */
test.describe('the report in the language the user chose', () => {
  const root = sharedTempDir('reportcli-language');
  // A small, known machine: only Debian's Python on PATH.
  const env = { PATH: '/usr/bin:/bin', HOME: join(root.path, 'home'), LANG: 'C.UTF-8' };
  test.afterAll(() => root.remove());

  test('switching to German on the report step rewrites the preview; the saved file is German too', async ({
    page,
    openWizard,
  }) => {
    const { record } = await openWizard({ env, projectDir: root.path });
    await page
      .getByRole('button', { name: "I don't have the error, just check my Python" })
      .click();
    await expectStep(page, 'Checking your computer');
    const next = page.getByRole('button', { name: "See what's wrong" });
    await expect(next).toBeEnabled({ timeout: 60_000 });
    await next.click();
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await page.getByRole('button', { name: 'Share what was found' }).click();
    await expectStep(page, 'Share what was found');

    let preview = page.getByLabel('Report preview');
    await expect(preview).toContainText('# Pip Doctor report');
    await expect(preview).toContainText('## What was found');

    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
    // The preview's own label is German now too.
    preview = page.getByLabel(sayId('de', 'ui.report.previewLabel'));
    await expect(preview).toContainText('# Pip Doctor-Bericht');
    await expect(preview).toContainText('## Was gefunden wurde');
    await expect(preview).toContainText('## Welches Python pip verwendet');
    await expect(preview).not.toContainText('## What was found');
    // Paths stay as they are: Debian's Python, in a code span.
    await expect(preview).toContainText('`/usr/bin/python3`');
    await checkStep(page, 'reportcli-report-de');

    await page.getByRole('button', { name: sayId('de', 'ui.report.save') }).click();
    await expect.poll(() => record.saved.length).toBe(1);
    const saved = readFileSync(record.saved[0]!, 'utf8');
    expect(saved).toMatch(/^# Pip Doctor-Bericht\n/);
    expect(saved).toContain('## Was gefunden wurde');
  });
});
