import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LANGUAGE_NAMES } from '../../electron/shared/i18n/locales';
import { WIZARD_STEP_WORDS } from '../../renderer/src/wording/wizardStepWords';
import { inLanguage } from '../support/english';
import { test, expect, checkStep } from './support/wizardTest';
import { sharedTempDir } from './support/pythonFixtures';
import { SCREENSHOT_DIR } from './support/stepScreenshot';

/**
 * Issue #17: the wizard in another language. The pseudo-locale makes every
 * word about 40 % longer and accented, so clipped or overlapping text shows;
 * the choice is main's to keep, in the app's data folder.
 */
test.describe('the wizard in the user’s language', () => {
  const root = sharedTempDir('i18n-shell');
  const env = { PATH: '/usr/bin:/bin', HOME: join(root.path, 'home'), LANG: 'C.UTF-8' };
  test.afterAll(() => root.remove());

  /** A message of the wizard's own as the pseudo-locale shows it. */
  const pseudo = (messageId: string) => inLanguage('en-XA', { messageId });

  /** Picks a language by its own name in the header's menu. */
  async function chooseLanguage(page: Page, name: string): Promise<void> {
    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Language: |Ŀȧȧƞɠŭŭȧȧɠḗḗ/ })
      .click();
    await page.getByRole('menuitemradio', { name }).click();
  }

  /** Text cut off by its box: wider or taller content than the element shows. */
  async function clippedText(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('h1, h2, button, nav li, label, p')]
        .filter((element) => element.offsetParent !== null && element.innerText.trim() !== '')
        // The header's tagline gives way with an ellipsis by design (AppHeader).
        .filter((element) => getComputedStyle(element).textOverflow !== 'ellipsis')
        .filter(
          (element) =>
            element.scrollWidth > element.clientWidth + 1 ||
            element.scrollHeight > element.clientHeight + 1,
        )
        .map((element) => `${element.tagName}: ${element.innerText.slice(0, 60)}`),
    );
  }

  test('the pseudo-locale, chosen in the menu, fits the window and is remembered after a reload', async ({
    page,
    openWizard,
  }) => {
    const dataDir = join(root.path, 'data-pseudo');
    await openWizard({ env, projectDir: root.path, dataDir });
    await chooseLanguage(page, LANGUAGE_NAMES['en-XA']);

    const heading = inLanguage('en-XA', WIZARD_STEP_WORDS.start.heading);
    expect(heading).not.toBe('What happened?');
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    await expect(page).toHaveTitle(new RegExp(heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    // Every step's name in the rail is the pseudo-locale's, none left in English.
    const rail = page.getByRole('navigation');
    for (const step of ['start', 'scan', 'findings', 'fixes', 'report'] as const) {
      await expect(
        rail.getByRole('button', { name: inLanguage('en-XA', WIZARD_STEP_WORDS[step].nav) }),
      ).toHaveCount(1);
    }

    await page.setViewportSize({ width: 800, height: 600 });
    expect(await clippedText(page), 'text cut off at 800×600').toEqual([]);
    // Longer words wrap the footer's buttons onto two rows; Next stays at the end, where the eye
    // looks for it in every Windows wizard.
    const next = page.getByRole('button', { name: pseudo('ui.start.check') });
    const other = page.getByRole('button', { name: pseudo('ui.start.checkWithoutLog') });
    const [nextBox, otherBox] = [(await next.boundingBox())!, (await other.boundingBox())!];
    expect(nextBox.y, 'the buttons wrapped').toBeGreaterThan(otherBox.y);
    expect(nextBox.x + nextBox.width).toBeCloseTo(otherBox.x + otherBox.width, 0);
    await checkStep(page, 'i18n-pseudo-start');
    await rail.screenshot({ path: join(SCREENSHOT_DIR, 'i18n-pseudo-rail-800x600.png') });

    // The check, with more of the rail open and every scan step named.
    await page.getByRole('button', { name: pseudo('ui.start.checkWithoutLog') }).click();
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: inLanguage('en-XA', WIZARD_STEP_WORDS.scan.heading),
      }),
    ).toBeVisible();
    await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(5);
    // Screenshots of the finished check: every line of it has its final words.
    await expect(page.getByRole('button', { name: pseudo('ui.scan.next') })).toBeEnabled({
      timeout: 60_000,
    });
    expect(await clippedText(page), 'text cut off at 800×600').toEqual([]);
    await checkStep(page, 'i18n-pseudo-scan');

    // Main kept the choice in the data folder: a reload (a new start of the page) speaks it at once.
    expect(JSON.parse(readFileSync(join(dataDir, 'language.json'), 'utf8'))).toEqual({
      language: 'en-XA',
    });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  });

  test('German, chosen in the menu, names the steps and buttons in German', async ({
    page,
    openWizard,
  }) => {
    await openWizard({ env, projectDir: root.path, dataDir: join(root.path, 'data-de') });
    await chooseLanguage(page, LANGUAGE_NAMES.de);
    await expect(page.getByRole('heading', { level: 1, name: 'Was ist passiert?' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Schritte' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Meinen Computer prüfen' })).toBeDisabled();
    await expect(
      page.getByRole('textbox', { name: 'Der Fehler, den pip ausgegeben hat' }),
    ).toBeVisible();
    await expect(page).toHaveTitle('Pip Doctor – Was ist passiert?');
    await page.setViewportSize({ width: 800, height: 600 });
    expect(await clippedText(page), 'text cut off at 800×600').toEqual([]);
  });
});
