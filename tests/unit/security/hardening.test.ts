import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/contentSecurityPolicy';
import { hardenSession, hardenWebContents } from '../../../electron/security/hardening';

/**
 * Stand-ins for the few WebContents and Session members the hardening uses:
 * no Electron binary exists on the test machines. hardening.ts imports only
 * Electron's types, so it loads without one.
 */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: the listener may call preventDefault on the event. */
  attempt(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

const APP = 'file:///opt/app/out/renderer/index.html';

function hardened() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  hardenWebContents(contents as unknown as WebContents, APP, (url) => opened.push(url));
  return { contents, opened };
}

describe('hardening every web contents', () => {
  test('navigation away from the app page is refused; the same page is allowed', () => {
    const { contents, opened } = hardened();
    expect(contents.attempt('will-navigate', `${APP}#/scan`)).toBe(false);
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(opened).toEqual([]);
  });

  test('a documentation link clicked in the page opens in the browser instead of in the app', () => {
    const { contents, opened } = hardened();
    expect(contents.attempt('will-navigate', 'https://pip.pypa.io/en/stable/')).toBe(true);
    expect(opened).toEqual(['https://pip.pypa.io/en/stable/']);
  });

  test('new windows are always denied; allowlisted links go to the browser', () => {
    const { contents, opened } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'https://peps.python.org/pep-0668/' })).toEqual({
      action: 'deny',
    });
    expect(opened).toEqual(['https://peps.python.org/pep-0668/']);
  });

  test('no <webview> attaches', () => {
    const { contents } = hardened();
    expect(contents.attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });
});

describe('hardening the session', () => {
  type HeadersListener = (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void;

  type RequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
  ) => void;

  /** What hardenSession installed, read back. */
  interface InstalledHandlers {
    request: RequestHandler | null;
    check: (() => boolean) | null;
    device: (() => boolean) | null;
    headers: HeadersListener | null;
  }

  function fakeSession(): InstalledHandlers {
    const installed: InstalledHandlers = {
      request: null,
      check: null,
      device: null,
      headers: null,
    };
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => (installed.request = handler),
      setPermissionCheckHandler: (handler: () => boolean) => (installed.check = handler),
      setDevicePermissionHandler: (handler: () => boolean) => (installed.device = handler),
      webRequest: {
        onHeadersReceived: (listener: HeadersListener) => (installed.headers = listener),
      },
    };
    hardenSession(session as unknown as Session, CONTENT_SECURITY_POLICY);
    return installed;
  }

  test('every permission request and check is refused', () => {
    const session = fakeSession();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      let granted: boolean | null = null;
      session.request?.({}, permission, (answer: boolean) => (granted = answer));
      expect(granted, permission).toBe(false);
    }
    expect(session.check?.()).toBe(false);
    expect(session.device?.()).toBe(false);
  });

  test("responses carry the app's CSP, replacing any the server sent", () => {
    const session = fakeSession();
    let headers: Record<string, string[]> | undefined = {};
    session.headers?.(
      {
        url: 'https://evil.example/',
        responseHeaders: {
          'content-security-policy': ['default-src *'],
          'Content-Type': ['text/html'],
        },
      },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  test("app:// responses keep the CSP their handler set: it names the page's nonce", () => {
    const session = fakeSession();
    let response: { responseHeaders?: Record<string, string[]> } | null = null;
    const own = { 'Content-Security-Policy': ["style-src 'self' 'nonce-abc'"] };
    session.headers?.(
      { url: 'app://pip-doctor/index.html', responseHeaders: own },
      (answer) => (response = answer),
    );
    // Electron keeps the response's own headers when the callback names none.
    expect(response).toEqual({});
  });
});
