import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { bindBridge, bindDispatch } from '../../support/bindBridge';
import type { BoundBridge } from '../../support/bindBridge';
import { realHandlerDeps } from '../../support/handlerDeps';
import type { DepsRecord } from '../../support/handlerDeps';
import { registerRunFolder } from '../../support/testRun';
import type { SystemProbe } from '../../../electron/platform/systemProbe';
import { startHandlersAsUser } from './handlersAsUser/handlersAsUser';
import type { HandlersAsUser } from './handlersAsUser/handlersAsUser';
import { startRendererServer } from './rendererServer';
import type { RendererServer } from './rendererServer';
import { screenshotAtSizes, screenshotStep } from './stepScreenshot';

export interface WizardOptions {
  /** The environment the handlers' scans see (PATH decides which pip and python they find). */
  env?: NodeJS.ProcessEnv;
  projectDir?: string;
  homeDir?: string;
  /** A probe other than this process's own, e.g. one running as another user. */
  probe?: SystemProbe;
  /** The action journal's folder (the app's userData); default one in the test's save folder. */
  dataDir?: string;
  /** Where actions' pip finds packages: a local wheel folder, used with --no-index. */
  wheelDir?: string;
  /** What the folder "dialog" answers (default: Cancel). */
  pickedFolder?: string;
  /**
   * Runs the whole handler set as this uid (scans and actions alike), in a
   * child process: what an action changes is then changed by that user.
   * Needs root and setpriv(1); dataDir and projectDir must be theirs.
   */
  runAs?: number;
  /** The "system's" preferred languages, as app.getPreferredSystemLanguages() gives them; default English. */
  systemLanguages?: string[];
  /** The first step's heading in that language: open waits for it. */
  firstHeading?: string;
}

export interface OpenedWizard {
  /** The handlers in this process; null when they run as another user (runAs). */
  bridge: BoundBridge | null;
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
    const remotes: HandlersAsUser[] = [];
    await use(async (options = {}) => {
      const saveDir = mkdtempSync(join(tmpdir(), 'pip-doctor-e2e-save-'));
      saveDirs.push(saveDir);
      registerRunFolder(saveDir);
      const { deps, record } = realHandlerDeps({
        appPageUrl: server.url,
        saveDir,
        env: options.env,
        projectDir: options.projectDir,
        homeDir: options.homeDir,
        dataDir: options.dataDir,
        wheelDir: options.wheelDir,
        pickedFolder: options.pickedFolder,
        systemLanguages: options.systemLanguages,
      });
      let bridge: BoundBridge | null = null;
      if (options.runAs === undefined) {
        bridge = await bindBridge(page, options.probe ? { ...deps, probe: options.probe } : deps);
      } else {
        const remote = await startHandlersAsUser(
          {
            appPageUrl: server.url,
            saveDir,
            dataDir: deps.dataDir,
            projectDir: options.projectDir ?? saveDir,
            homeDir: options.homeDir ?? saveDir,
            wheelDir: options.wheelDir ?? null,
            pickedFolder: options.pickedFolder ?? null,
            systemLanguages: options.systemLanguages ?? null,
          },
          options.env ?? process.env,
          options.runAs,
        );
        remotes.push(remote);
        remote.forwardEvents(await bindDispatch(page, remote.dispatch));
      }
      await page.goto(server.url);
      await expect(
        page.getByRole('heading', { level: 1, name: options.firstHeading ?? 'What happened?' }),
      ).toBeVisible();
      return { bridge, record, saveDir };
    });
    for (const remote of remotes) await remote.close();
    for (const dir of saveDirs) rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * The checks every step gets, in light and in dark (the app follows the
 * system live): axe finds no WCAG 2 A/AA violation, and screenshots go to
 * test-results/screenshots/ for a person to look at: the whole step, and
 * what the window shows at 1280×800, 800×600 and 200 % zoom.
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
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa'])
      // Fluent's focus management (tabster) puts empty <i data-tabster-dummy tabindex=0
      // aria-hidden> elements around dialogs and the app, which pass focus on at once; axe
      // reports them as aria-hidden-focus, a false positive Fluent lists as a known issue
      // (microsoft/tabster#288) and Accessibility Insights suppresses. Empty: nothing else hides there.
      .exclude('[data-tabster-dummy]')
      .analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
      `axe on ${name} (${colorScheme})`,
    ).toEqual([]);
    await screenshotStep(page, `${name}-${colorScheme}`);
    await screenshotAtSizes(page, `${name}-${colorScheme}`);
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
