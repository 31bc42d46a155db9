import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_CONTENT_SECURITY_POLICY_TEMPLATE } from '../../electron/security/contentSecurityPolicy';
import { CSP_NONCE_META_NAME } from '../../electron/shared/cspNonce';
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
    // The step list is keyboard-reachable too. Step 1 focuses its paste box, not its heading:
    // pasting is the first thing to do there (#16 item 10).
    await tabTo('What happened');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'What happened?' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'The error pip printed' })).toBeFocused();
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

  test('ships the page policy main fills in, and no inline script', () => {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(PAGE_CONTENT_SECURITY_POLICY_TEMPLATE);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    // Any refusal at run time would have shown up as a console error in the other tests.
  });

  test("renders styled under a policy without 'unsafe-inline': Fluent's styles carry this load's nonce, others are refused", async ({
    page,
    openWizard,
    pageProblems,
  }) => {
    const served = page.waitForResponse(
      (response) => response.request().resourceType() === 'document',
    );
    await openWizard({ env, projectDir: root.path });
    const header = (await served).headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(header)?.[1] ?? '';
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(header).not.toContain('unsafe-inline');

    const page1 = await page.evaluate((metaName) => {
      const styles = [...document.querySelectorAll('style')];
      return {
        meta: document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content'),
        nonceMeta: document.querySelector(`meta[name="${metaName}"]`)?.getAttribute('content'),
        styles: styles.length,
        // The nonce property: Chromium hides the attribute's value from the DOM once applied.
        withoutNonce: styles.filter((style) => style.nonce === '').length,
        nonces: [...new Set(styles.map((style) => style.nonce))],
        rules: styles.reduce((sum, style) => sum + (style.sheet?.cssRules.length ?? 0), 0),
      };
    }, CSP_NONCE_META_NAME);
    expect(page1.meta).toBe(header);
    expect(page1.nonceMeta).toBe(nonce);
    expect(page1.styles).toBeGreaterThan(3);
    expect(page1.withoutNonce).toBe(0);
    expect(page1.nonces).toEqual([nonce]);
    expect(page1.rules).toBeGreaterThan(50);
    // Styled for real: the step list is laid out beside the page by Griffel's flex rules.
    await expect(page.locator('.fui-FluentProvider').first()).toHaveCSS('height', '720px');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveCSS('font-family', /Times/);

    // A <style> without the nonce, as injected markup would bring, does not apply.
    const injected = 'h1 { color: rgb(255, 0, 0) !important; }';
    const refused = await page.evaluate(async (css) => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve(event.violatedDirective),
          { once: true },
        ),
      );
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
      const directive = await violation;
      return { directive, color: getComputedStyle(document.querySelector('h1')!).color };
    }, injected);
    expect(refused.directive).toMatch(/^style-src/);
    expect(refused.color).not.toBe('rgb(255, 0, 0)');
    // Chromium names the refused style by its hash: only this test's own refusals are
    // taken off the list, anything else still fails the test.
    const hash = createHash('sha256').update(injected).digest('base64');
    const ours = pageProblems.filter((problem) => problem.includes(hash));
    expect(ours.length).toBeGreaterThan(0);
    pageProblems.splice(0, pageProblems.length, ...pageProblems.filter((p) => !p.includes(hash)));

    // Each load of the page gets a nonce of its own.
    const reloaded = page.waitForResponse(
      (response) => response.request().resourceType() === 'document',
    );
    await page.reload();
    const again = (await reloaded).headers()['content-security-policy'] ?? '';
    expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(nonce);
    await expect(page.getByRole('heading', { level: 1, name: 'What happened?' })).toBeVisible();
  });
});
