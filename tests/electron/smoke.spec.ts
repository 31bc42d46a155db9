import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import type { PipDoctorBridge } from '../../electron/shared/contract';
import { pagePolicyWithNonce } from '../../electron/security/contentSecurityPolicy';
import { CSP_NONCE_META_NAME } from '../../electron/shared/cspNonce';
import { findElectronBinary } from '../support/electronBinary';

const REPO = join(__dirname, '..', '..');
const BUILT_MAIN = join(REPO, 'out', 'main', 'index.js');
const binary = findElectronBinary();
const noDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = !binary
  ? 'Electron binary not installed (offline install). Run "npx install-electron" with network access, or set ELECTRON_EXEC_PATH.'
  : noDisplay
    ? 'No display: run under xvfb-run (Electron needs an X or Wayland display on Linux).'
    : null;

type AppWindow = Window & { pipDoctor: PipDoctorBridge };

test.describe('the Electron shell, for real', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    expect(existsSync(BUILT_MAIN), 'run "npm run build" first').toBe(true);
    // The built page, not a dev server.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] =>
          entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL',
      ),
    );
    app = await electron.launch({
      executablePath: binary!,
      // The repo folder: Electron reads package.json, whose "main" is out/main/index.js,
      // so the app has its own name and version. Chromium refuses root without --no-sandbox;
      // the renderer's sandbox setting is still checked below.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), REPO],
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('one window, titled Pip Doctor, loaded from the built page under the CSP', async () => {
    await expect(page).toHaveTitle('Pip Doctor');
    expect(app.windows()).toHaveLength(1);
    // The app's own scheme, not file:// (whose extra privileges the packaged app's fuse turns off).
    expect(page.url()).toBe('app://pip-doctor/index.html');
    const { csp, nonce, unnoncedStyles } = await page.evaluate((metaName) => {
      const content = (selector: string) =>
        document.querySelector(selector)?.getAttribute('content') ?? null;
      return {
        csp: content('meta[http-equiv="Content-Security-Policy"]'),
        nonce: content(`meta[name="${metaName}"]`),
        unnoncedStyles: [...document.querySelectorAll('style')].filter((s) => s.nonce === '')
          .length,
      };
    }, CSP_NONCE_META_NAME);
    expect(csp).toBe(pagePolicyWithNonce(nonce ?? ''));
    expect(unnoncedStyles).toBe(0);
  });

  test('the renderer runs isolated and sandboxed, without Node', async () => {
    // contextBridge refuses to work without context isolation: the bridge existing proves it too.
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const [main] = BrowserWindow.getAllWindows();
      // Undocumented (absent from electron.d.ts) but present: what the window was really given.
      const contents = main?.webContents as unknown as {
        getLastWebPreferences(): Electron.WebPreferences | null;
      };
      const prefs = contents?.getLastWebPreferences();
      return prefs
        ? {
            contextIsolation: prefs.contextIsolation,
            sandbox: prefs.sandbox,
            nodeIntegration: prefs.nodeIntegration,
            webSecurity: prefs.webSecurity,
            webviewTag: prefs.webviewTag,
          }
        : null;
    });
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
  });

  test('window.pipDoctor is exactly the contract, and answers through real IPC', async () => {
    const keys = await page.evaluate(() =>
      Object.keys((window as unknown as AppWindow).pipDoctor).sort(),
    );
    expect(keys).toEqual(['invoke', 'onActionProgress', 'onRerunOutput', 'onScanProgress']);
    const info = await page.evaluate(() =>
      (window as unknown as AppWindow).pipDoctor.invoke('app:info', {}),
    );
    expect(info.ok && info.value.name).toBe('Pip Doctor');
    const unknown = await page.evaluate(() =>
      (
        window as unknown as {
          pipDoctor: { invoke(c: string, r: unknown): Promise<{ ok: boolean }> };
        }
      ).pipDoctor.invoke('fs:read', {}),
    );
    expect(unknown.ok).toBe(false);
  });

  test('new windows and navigation away from the app are refused', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    const appPage = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(appPage);
    expect(app.windows()).toHaveLength(1);
  });
});
