import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, checkStep } from './support/wizardTest';

/** What pip printed on a German Windows (tests/fixtures/windows/README.md). */
const GERMAN_WINDOWS_LOG = readFileSync(
  join(__dirname, '..', 'fixtures', 'windows', 'german-windows', 'pip-log.txt'),
  'utf8',
);

test.describe('the error read back in the language the user chose (issue #17)', () => {
  test('the summary of a pasted log turns German with the language, its folder name untouched', async ({
    page,
    openWizard,
  }) => {
    await openWizard();
    // Pasted first, then the language changed: the reading already on screen follows the choice.
    await page.getByRole('textbox', { name: 'The error pip printed' }).fill(GERMAN_WINDOWS_LOG);
    const english = page.getByRole('paragraph').filter({
      hasText: 'pip could not write "numpy" because only an administrator may change that folder.',
    });
    await expect(english).toBeVisible();

    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();

    const german =
      'pip konnte "numpy" nicht schreiben, weil nur ein Administrator diesen Ordner ändern darf.';
    await expect(page.getByRole('paragraph').filter({ hasText: german })).toBeVisible();
    await expect(english).toHaveCount(0);
    // A screen reader hears the same words as the eye reads.
    await expect(page.getByRole('status').filter({ hasText: german })).toHaveCount(1);
    await checkStep(page, 'log-german-summary');
  });
});
