import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { PAGE_CONTENT_SECURITY_POLICY_TEMPLATE } from '../../../electron/security/contentSecurityPolicy';
import { resolveAppEntry } from '../../../electron/window/appEntry';
import { REPO } from '../../support/repoPaths';

/** What the window was created with, captured by the stand-in for Electron's BrowserWindow. */
const created = vi.hoisted(() => ({
  options: [] as unknown[],
  loaded: [] as string[],
}));

// require('electron') outside Electron tries to download the binary: never let it load.
vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: unknown) {
      created.options.push(options);
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    isDestroyed() {
      return false;
    }
    setBackgroundColor() {}
    show() {}
    loadFile(path: string) {
      created.loaded.push(`file:${path}`);
      return Promise.resolve();
    }
    loadURL(url: string) {
      created.loaded.push(url);
      return Promise.resolve();
    }
  }
  const nativeTheme = { shouldUseDarkColors: true, on() {}, off() {} };
  return { BrowserWindow, nativeTheme };
});

describe('the main window', () => {
  test('is created with every renderer security setting spelled out', async () => {
    const { createMainWindow } = await import('../../../electron/window/createMainWindow');
    const entry = resolveAppEntry('/opt/app/out/main', {}, true);
    createMainWindow(entry, '/opt/app', false);

    expect(created.options[0]).toMatchObject({
      title: 'Pip Doctor',
      show: false,
      minWidth: expect.any(Number),
      minHeight: expect.any(Number),
      backgroundColor: '#292929',
      webPreferences: {
        preload: '/opt/app/out/preload/index.js',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        devTools: false,
      },
    });
    // The app's own scheme, never file:// (Electron's file:// privileges fuse is off).
    expect(created.loaded).toEqual(['app://pip-doctor/index.html']);
  });

  test("renderer/index.html carries exactly the app's CSP (the build also enforces it)", () => {
    const html = readFileSync(join(REPO, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    // No tag at all is fine: the build adds it. A different one is not.
    if (meta) expect(meta[1]).toBe(PAGE_CONTENT_SECURITY_POLICY_TEMPLATE);
  });
});
