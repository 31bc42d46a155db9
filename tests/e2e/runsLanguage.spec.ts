import { join } from 'node:path';
import { test, expect, checkStep } from './support/wizardTest';
import { say, sayId } from './support/inLanguage';
import { sharedTempDir } from './support/pythonFixtures';

/**
 * Issue #17, the scan's progress: the counts under each step come from main
 * as messages with numbers, and read in the language the user picked, with
 * the language's own plural (one Ordner, two Ordner; one folder, two folders).
 */
test.describe('the scan’s progress in the user’s language', () => {
  const root = sharedTempDir('runs-language');
  const env = { PATH: '/usr/bin:/bin', HOME: join(root.path, 'home'), LANG: 'C.UTF-8' };
  test.afterAll(() => root.remove());

  test('after choosing Deutsch, the counts of a real scan read in German', async ({
    page,
    openWizard,
  }) => {
    await openWizard({ env, projectDir: root.path });
    await page.getByRole('button', { name: /^Language:/ }).click();
    await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
    // The whole window speaks German now, the menu's own name included.
    await expect(
      page.getByRole('button', {
        name: say('de', 'Language: {language}', { language: 'Deutsch' }),
      }),
    ).toBeVisible();

    await page.getByRole('button', { name: sayId('de', 'ui.start.checkWithoutLog') }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: sayId('de', 'ui.step.scan.heading') }),
    ).toBeFocused();
    const steps = page
      .getByRole('list')
      .filter({ hasText: sayId('de', 'ui.scan.step.interpreters') });
    await expect(steps).toContainText(/\d+ gefunden/, { timeout: 60_000 });
    // German's own plural: "1 hat geantwortet", "2 haben geantwortet".
    await expect(steps).toContainText(
      /(?<!\d)1 hat geantwortet|(?<!\d)(?!1 )\d+ haben geantwortet/,
      {
        timeout: 60_000,
      },
    );
    await expect(steps).toContainText(/\d+ Ordner geprüft/, { timeout: 60_000 });
    await expect(steps).toContainText(/\d+ zum Ausprobieren/, { timeout: 60_000 });
    // No English count is left behind, and no message id is shown in place of words.
    await expect(steps).not.toContainText(/folders? checked|answered|run\.scan\./);
    await checkStep(page, 'runs-scan-german');
  });
});
