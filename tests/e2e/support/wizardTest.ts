import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { bindBridge } from '../../support/bindBridge';
import type { BoundBridge } from '../../support/bindBridge';
import { realHandlerDeps } from '../../support/handlerDeps';
import type { DepsRecord } from '../../support/handlerDeps';
import type { SystemProbe } from '../../../electron/platform/systemProbe';
import { startRendererServer } from './rendererServer';
import type { RendererServer } from './rendererServer';
import { screenshotStep } from './stepScreenshot';

export interface WizardOptions {
  /** The environment the handlers' scans see (PATH decides which pip and python they find). */
  env?: NodeJS.ProcessEnv;
  projectDir?: string;
  homeDir?: string;
  /** A probe other than this process's own, e.g. one running as another user. */
  probe?: SystemProbe;
}

export interface OpenedWizard {
  bridge: BoundBridge;
  /** What the stand-ins for Electron's clipboard, save dialog and shell received. */
  record: DepsRecord;
  /** Where the save "dialog" puts reports. */
  saveDir: string;
}

interface WizardFixtures {
  /** Binds the real handlers to the page, loads the built renderer, waits for the first step. */
  openWizard(options?: WizardOptions): Promise<OpenedWizard>;
  /** Console errors, page errors and CSP refusals: any of them fails the test. */
  pageProblems: string[];
}

export const test = base.extend<WizardFixtures, { server: RendererServer }>({
  server: [
    // Playwright reads fixture names from this pattern; the server needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use(problems);
      expect(problems, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],

  openWizard: async ({ page, server }, use) => {
    const saveDirs: string[] = [];
    await use(async (options = {}) => {
      const saveDir = mkdtempSync(join(tmpdir(), 'pip-doctor-e2e-save-'));
      saveDirs.push(saveDir);
      const { deps, record } = realHandlerDeps({
        appPageUrl: server.url,
        saveDir,
        env: options.env,
        projectDir: options.projectDir,
        homeDir: options.homeDir,
      });
      const bridge = await bindBridge(
        page,
        options.probe ? { ...deps, probe: options.probe } : deps,
      );
      await page.goto(server.url);
      await expect(page.getByRole('heading', { level: 1, name: 'What happened?' })).toBeVisible();
      return { bridge, record, saveDir };
    });
    for (const dir of saveDirs) rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * The checks every step gets, in light and in dark (the app follows the
 * system live): axe finds no WCAG 2 A/AA violation, and a screenshot of the
 * whole step goes to test-results/screenshots/ for a person to look at.
 */
export async function checkStep(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForFunction(
      (dark) => window.matchMedia('(prefers-color-scheme: dark)').matches === dark,
      colorScheme === 'dark',
    );
    // Let the theme switch and running motions (an accordion opening, Fluent's colour
    // transitions) end: axe must judge colours as they settle, not mid-fade.
    await page.evaluate(async () => {
      // Two frames: React re-renders in the first, CSS colour transitions start in the second.
      for (let frame = 0; frame < 2; frame++)
        await new Promise((resolve) => requestAnimationFrame(resolve));
      // Spinners turn forever: only finite motions are waited for.
      const ending = document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
      // A motion the re-render replaced rejects with AbortError: it has ended too.
      await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
    });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
      `axe on ${name} (${colorScheme})`,
    ).toEqual([]);
    await screenshotStep(page, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The step the wizard shows: its h1, which gets focus on arrival. */
export async function expectStep(page: Page, heading: string): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1, name: heading });
  await expect(h1).toBeVisible();
  await expect(h1).toBeFocused();
  await expect(
    page.getByRole('navigation', { name: 'Steps' }).locator('[aria-current="step"]'),
  ).toHaveCount(1);
}
