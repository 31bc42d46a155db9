import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'test-results', 'screenshots');

/**
 * The window sizes a person looks at: a common laptop window, a small one,
 * and the laptop window at 200 % zoom. Zoom 200 % gives the page half the
 * CSS pixels, so it lays out exactly as a 640×400 viewport does; the shot is
 * taken at that size (what fits on screen is what matters, not sharpness).
 */
export const SCREEN_SIZES = [
  { label: '1280x800', width: 1280, height: 800 },
  { label: '800x600', width: 800, height: 600 },
  { label: 'zoom200', width: 640, height: 400 },
] as const;

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

/**
 * The step as the window shows it at each of SCREEN_SIZES: only what is on
 * screen without scrolling (`<name>-<size>.png`), which is what decides
 * whether a person finds the button. The viewport is put back after.
 */
export async function screenshotAtSizes(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1100, height: 800 };
  const paths: string[] = [];
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // One frame for the layout to follow the new size (the rail collapses below a width).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const path = join(SCREENSHOT_DIR, `${name}-${size.label}.png`);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    paths.push(path);
  }
  await page.setViewportSize(viewport);
  return paths;
}
