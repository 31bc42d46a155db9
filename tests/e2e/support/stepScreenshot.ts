import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'test-results', 'screenshots');

/**
 * The whole step, not just the window: <main> scrolls by itself, so a
 * full-page shot would stop at the window's edge. The viewport grows to the
 * content's height for the shot and is put back after.
 */
export async function screenshotStep(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1100, height: 800 };
  const contentHeight = await page
    .locator('main')
    .evaluate((main) => main.scrollHeight + main.getBoundingClientRect().top);
  await page.setViewportSize({
    width: viewport.width,
    height: Math.max(viewport.height, Math.ceil(contentHeight)),
  });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(viewport);
  return path;
}
