import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { FIXTURES } from '../support/repoPaths';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { makeVenv, sharedTempDir } from './support/pythonFixtures';

/**
 * Issue #16 item 10, focus and zoom, on this machine's real scan: where
 * focus lands, the window at 200 % zoom (640×400 CSS px), the plan dialog
 * there, what a screen reader calls each Copy button, and that the
 * findings' expert parts open like every other accordion.
 */

const ZOOM_200 = { width: 640, height: 400 };

test.describe('focus and zoom', () => {
  const root = sharedTempDir('ux-layout');
  const project = join(root.path, 'project');
  // A writable venv first on PATH (an install without problems), Debian's Python behind it.
  const env = {
    PATH: `${join(project, '.venv', 'bin')}:/usr/bin:/bin`,
    HOME: join(root.path, 'home'),
    LANG: 'C.UTF-8',
  };
  // pip's real PEP 668 refusal (labelled sample), on Debian's Python that really is managed.
  const pep668Log = readFileSync(join(FIXTURES, 'pip-logs', 'shared-samples.jsonl'), 'utf8')
    .split('\n')
    .find((line) => line.includes('"gh-chestm007-amdgpu-fan-35"'))!;
  const pep668Text = (JSON.parse(pep668Log) as { log: string }).log;

  test.beforeAll(() => {
    makeVenv(join(project, '.venv'));
  });
  test.afterAll(() => root.remove());

  async function toFindings(page: Page): Promise<void> {
    await page.getByRole('textbox', { name: 'The error pip printed' }).fill(pep668Text);
    await page.getByRole('button', { name: 'Check my computer' }).click();
    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await expectStep(page, "What's wrong");
  }

  /** The element's box is wholly inside the window, and nothing covers its centre. */
  async function onScreen(target: Locator): Promise<boolean> {
    return target.evaluate((element) => {
      const box = element.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight || box.height === 0) return false;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === element || element.contains(hit));
    });
  }

  test('on launch the paste box has focus, so Ctrl+V works at once; headings that get focus show no ring', async ({
    page,
    openWizard,
  }) => {
    await openWizard({ env, projectDir: project });
    const pasteBox = page.getByRole('textbox', { name: 'The error pip printed' });
    await expect(pasteBox).toBeFocused();
    await page.keyboard.insertText('ERROR: Could not install packages');
    await expect(pasteBox).toHaveValue('ERROR: Could not install packages');

    // Other steps focus their heading (for a screen reader), without a box around it.
    await pasteBox.fill(pep668Text);
    await page.getByRole('button', { name: 'Check my computer' }).focus();
    await page.keyboard.press('Enter');
    await expectStep(page, 'Checking your computer');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveCSS('outline-style', 'none');

    // Back on step 1 by the step list: the paste box again, not the heading.
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button').first().click();
    await expect(pasteBox).toBeFocused();
    await checkStep(page, 'read-1-start-focused');
  });

  test('at 200 % zoom the step list is a row on top, and the page keeps the width', async ({
    page,
    openWizard,
  }) => {
    await page.setViewportSize(ZOOM_200);
    await openWizard({ env, projectDir: project });
    const nav = page.getByRole('navigation', { name: 'Steps' });
    const main = page.getByRole('main');
    const navBox = (await nav.boundingBox())!;
    const mainBox = (await main.boundingBox())!;
    expect(navBox.y + navBox.height, 'the steps sit above the page').toBeLessThanOrEqual(
      mainBox.y + 1,
    );
    expect(mainBox.width).toBeGreaterThanOrEqual(ZOOM_200.width - 1);
    expect(navBox.height).toBeLessThanOrEqual(56);
    // Every step is still a button with its name, and the current one says so.
    for (const name of ['What happened', 'Check', "What's wrong", 'Fixes', 'Report'])
      await expect(nav.getByRole('button', { name, exact: true })).toHaveCount(1);
    await expect(nav.getByRole('button', { name: 'What happened' })).toHaveAttribute(
      'aria-current',
      'step',
    );
    // The way on stays on screen while the page scrolls under it.
    await toFindings(page);
    await expect
      .poll(() => onScreen(page.getByRole('button', { name: 'See how to fix it' })))
      .toBe(true);
    await checkStep(page, 'read-3-findings-zoom');
  });

  test('at 200 % zoom the plan dialog scrolls its plan between a title and buttons that stay on screen', async ({
    page,
    openWizard,
  }) => {
    await openWizard({ env, projectDir: project });
    await toFindings(page);
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');
    await page.setViewportSize(ZOOM_200);
    const first = page.getByRole('heading', { name: 'Try this first' }).locator('..');
    await first.locator('button[aria-haspopup="dialog"]').first().click();
    const dialog = page.getByRole('dialog');
    // The button that runs the plan (it says what it does: "Create the environment and install …").
    const doIt = dialog.locator('.fui-DialogActions').getByRole('button').first();
    await expect(doIt).not.toHaveText('Cancel');
    await expect(doIt).toBeVisible();
    await expect(dialog.getByRole('list').first()).toBeVisible();
    // The plan is longer than the window: it scrolls inside the dialog...
    const content = dialog.locator('.fui-DialogContent');
    const scroll = await content.evaluate((element) => ({
      overflowY: getComputedStyle(element).overflowY,
      scrolls: element.scrollHeight > element.clientHeight,
    }));
    expect(scroll).toEqual({ overflowY: 'auto', scrolls: true });
    // ...while its title and "Do it" stay on screen, at the top and at the end of the plan alike.
    const title = dialog.locator('.fui-DialogTitle');
    expect(await onScreen(title)).toBe(true);
    expect(await onScreen(doIt)).toBe(true);
    await content.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    expect(await onScreen(title)).toBe(true);
    expect(await onScreen(doIt)).toBe(true);
    await content.evaluate((element) => element.scrollTo(0, 0));
    await checkStep(page, 'read-plan-dialog-zoom');
  });

  test('every Copy button says which command it copies', async ({ page, openWizard }) => {
    await openWizard({ env, projectDir: project });
    await toFindings(page);
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');
    const copies = page.getByRole('button', { name: /^Copy\b/ }).filter({ hasText: /^Copy$/ });
    const names = await copies.evaluateAll((buttons) =>
      buttons.map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''),
    );
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(name).toMatch(/^Copy command: \S.{0,60}$/);
    // The name is the command beside it, shortened: a screen reader's list tells them apart.
    const firstCommand = (await page.locator('pre').first().innerText()).replace(/\s+/g, ' ');
    expect(
      firstCommand.startsWith(names[0]!.replace(/^Copy command: /, '').replace(/…$/, '')),
    ).toBe(true);
    await copies.first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
    await checkStep(page, 'read-4-fixes-copy');
  });

  test("What's wrong folds the expert parts under Details, as Fluent accordions only", async ({
    page,
    openWizard,
  }) => {
    await openWizard({ env, projectDir: project });
    await toFindings(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Details' })).toBeVisible();
    for (const name of [/^Which Python your commands use$/, /^Python installs \(\d+\)$/]) {
      const header = page.getByRole('button', { name });
      await expect(header).toHaveAttribute('aria-expanded', 'false');
      await header.click();
      await expect(header).toHaveAttribute('aria-expanded', 'true');
    }
    // The healthy installs open like the rest: no native <details> left on the page.
    const fine = page.getByRole('button', { name: /installs? without problems$/ });
    await expect(fine).toHaveAttribute('aria-expanded', 'false');
    await fine.click();
    await expect(fine).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('main details')).toHaveCount(0);
    await checkStep(page, 'read-3-findings-details');
  });
});
