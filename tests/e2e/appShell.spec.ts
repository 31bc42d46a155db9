import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/contentSecurityPolicy';
import { RENDERER_DIR } from './support/rendererServer';
import { test, expect, expectStep } from './support/wizardTest';
import { sharedTempDir } from './support/pythonFixtures';

test.describe('the window around the steps', () => {
  const root = sharedTempDir('shell');
  // A small, known machine: only Debian's Python on PATH.
  const env = { PATH: '/usr/bin:/bin', HOME: join(root.path, 'home'), LANG: 'C.UTF-8' };
  test.afterAll(() => root.remove());

  test('has landmarks, a titled header with the mark, and a step list that says where you are', async ({
    page,
    openWizard,
  }) => {
    await openWizard({ env, projectDir: root.path });
    await expect(page).toHaveTitle(/^Pip Doctor/);
    const header = page.getByRole('banner');
    await expect(header).toContainText('Pip Doctor');
    await expect(header.locator('img')).toBeVisible();
    expect(
      await header.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth),
    ).toBeGreaterThan(0);
    const steps = page.getByRole('navigation', { name: 'Steps' });
    await expect(steps.getByRole('listitem')).toHaveCount(5);
    await expect(steps.getByRole('button', { name: 'What happened' })).toHaveAttribute(
      'aria-current',
      'step',
    );
    // Steps with nothing to show yet cannot be opened.
    await expect(steps.getByRole('button', { name: 'Fixes' })).toBeDisabled();
    await expect(page.getByRole('main')).toBeVisible();
  });

  test('works with the keyboard alone, and moves focus to each new step', async ({
    page,
    openWizard,
  }) => {
    await openWizard({ env, projectDir: root.path });
    const tabTo = async (name: string | RegExp) => {
      const target = page.getByRole('button', { name });
      for (let presses = 0; presses < 20; presses++) {
        if (await target.evaluate((element) => element === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${String(name)}`);
    };

    await tabTo("I don't have the error, just check my Python");
    await page.keyboard.press('Enter');
    await expectStep(page, 'Checking your computer');
    await expect(page.getByRole('button', { name: "See what's wrong" })).toBeEnabled({
      timeout: 60_000,
    });
    await tabTo("See what's wrong");
    await page.keyboard.press('Enter');
    await expectStep(page, "What's wrong");
    await tabTo('See how to fix it');
    await page.keyboard.press('Enter');
    await expectStep(page, 'How to fix it');
    await tabTo('Share what was found');
    await page.keyboard.press('Enter');
    await expectStep(page, 'Share what was found');

    const personal = page.getByRole('switch', { name: 'Include my user name and folders' });
    await page.keyboard.press('Tab');
    await expect(personal).toBeFocused();
    await page.keyboard.press('Space');
    await expect(personal).toBeChecked();

    await tabTo('Back');
    await page.keyboard.press('Enter');
    await expectStep(page, 'How to fix it');
    // The step list is keyboard-reachable too.
    await tabTo('What happened');
    await page.keyboard.press('Enter');
    await expectStep(page, 'What happened?');
  });

  test('follows the system between light and dark while open', async ({ page, openWizard }) => {
    await openWizard({ env, projectDir: root.path });
    const background = () =>
      page
        .locator('.fui-FluentProvider')
        .first()
        .evaluate((element) => getComputedStyle(element).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).not.toBe(light);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).toBe(light);
  });

  test('ships the one Content-Security-Policy main uses, and no inline script', () => {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    // Any refusal at run time would have shown up as a console error in the other tests.
  });
});
