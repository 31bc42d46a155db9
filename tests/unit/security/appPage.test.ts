import { describe, expect, test } from 'vitest';
import { isAppPage } from '../../../electron/security/appPage';
import { resolveAppEntry } from '../../../electron/window/appEntry';

describe("the app's own page", () => {
  const built = 'file:///opt/Pip%20Doctor/resources/app.asar/out/renderer/index.html';

  test('a built page: that one file, whatever its hash or query', () => {
    expect(isAppPage(built, built)).toBe(true);
    expect(isAppPage(`${built}#/report`, built)).toBe(true);
    expect(isAppPage(`${built}?step=2`, built)).toBe(true);
    expect(
      isAppPage('file:///opt/Pip%20Doctor/resources/app.asar/out/renderer/evil.html', built),
    ).toBe(false);
    expect(isAppPage('file:///tmp/index.html', built)).toBe(false);
    expect(
      isAppPage('file://server/opt/Pip%20Doctor/resources/app.asar/out/renderer/index.html', built),
    ).toBe(false);
  });

  test('the app:// page: that one document of that host, whatever its hash or query', () => {
    const page = 'app://pip-doctor/index.html';
    expect(isAppPage(page, page)).toBe(true);
    expect(isAppPage(`${page}#/report`, page)).toBe(true);
    expect(isAppPage(`${page}?step=2`, page)).toBe(true);
    expect(isAppPage('app://pip-doctor/assets/index.js', page)).toBe(false);
    expect(isAppPage('app://evil/index.html', page)).toBe(false);
    expect(isAppPage('file:///opt/app/out/renderer/index.html', page)).toBe(false);
    expect(isAppPage('http://pip-doctor/index.html', page)).toBe(false);
  });

  test('a dev or test server: its origin', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppPage('http://localhost:5173/src/App.tsx', dev)).toBe(true);
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPage('https://localhost:5173/', dev)).toBe(false);
    expect(isAppPage('http://localhost:5173.evil.example/', dev)).toBe(false);
  });

  test('anything unparsable or of another scheme is not the app', () => {
    expect(isAppPage('about:blank', built)).toBe(false);
    expect(isAppPage('devtools://devtools/bundled/inspector.html', built)).toBe(false);
    expect(isAppPage('', built)).toBe(false);
    expect(isAppPage(built, 'nonsense')).toBe(false);
  });

  test('the window loads the built page unless electron-vite dev names a local server', () => {
    const mainDir = '/opt/app/out/main';
    const built = resolveAppEntry(mainDir, {}, false);
    expect(built.devServerUrl).toBeNull();
    expect(built.rendererDir).toBe('/opt/app/out/renderer');
    expect(built.preloadFile).toBe('/opt/app/out/preload/index.js');
    expect(built.pageUrl).toBe('app://pip-doctor/index.html');

    const dev = resolveAppEntry(mainDir, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false);
    expect(dev.devServerUrl).toBe('http://localhost:5173/');
    expect(dev.pageUrl).toBe('http://localhost:5173/');
    // A packaged app, or a URL that is not this machine's, never loads from a server.
    for (const [url, packaged] of [
      ['http://localhost:5173', true],
      ['https://evil.example/', false],
      ['http://192.168.1.5:5173/', false],
      ['file:///tmp/evil.html', false],
    ] as const) {
      expect(
        resolveAppEntry(mainDir, { ELECTRON_RENDERER_URL: url }, packaged).devServerUrl,
      ).toBeNull();
    }
  });
});
