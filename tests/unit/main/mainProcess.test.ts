import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { channels } from '../../../electron/shared/contract';
import type { Reply } from '../../../electron/shared/contract';

/**
 * electron/main.ts against a stand-in for the electron module: no Electron
 * binary exists on the test machines (and requiring 'electron' would try to
 * download one). This pins the wiring — single instance, sandbox, the IPC
 * channels and their sender check, the window — that the Playwright
 * _electron smoke test checks for real where a binary exists.
 */
const fake = vi.hoisted(() => {
  type Handler = (event: unknown, request: unknown) => Promise<Reply<unknown>>;
  const state = {
    hasLock: true,
    platform: 'linux',
    calls: [] as string[],
    handlers: new Map<string, Handler>(),
    schemes: [] as Array<{ scheme: string; privileges: unknown }>,
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    windows: [] as Array<{ options: unknown; calls: string[] }>,
    appListeners: new Map<string, Array<(...args: unknown[]) => void>>(),
    permissionRequest: null as
      null | ((c: unknown, p: string, cb: (granted: boolean) => void) => void),
  };
  return state;
});

vi.mock('electron', () => {
  const on = (event: string, listener: (...args: unknown[]) => void) => {
    const listeners = fake.appListeners.get(event) ?? [];
    listeners.push(listener);
    fake.appListeners.set(event, listeners);
  };
  const app = {
    isPackaged: true,
    enableSandbox: () => fake.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => fake.hasLock,
    quit: () => fake.calls.push('quit'),
    setAppUserModelId: (id: string) => fake.calls.push(`appUserModelId ${id}`),
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => `/home/tester/${name}`,
    // Windows set to German first: the app speaks German (issue #17).
    getPreferredSystemLanguages: () => ['de-DE', 'en-US'],
    getAppPath: () => '/opt/pip-doctor/resources/app.asar',
    getVersion: () => '9.8.7',
    on,
  };
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    readonly record: { options: unknown; calls: string[] };
    readonly webContents = {
      send: (event: string) => this.record.calls.push(`send ${event}`),
    };
    constructor(options: unknown) {
      this.record = { options, calls: [] };
      fake.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    on() {}
    once() {}
    isDestroyed = () => false;
    isMinimized = () => true;
    restore = () => this.record.calls.push('restore');
    show = () => this.record.calls.push('show');
    focus = () => this.record.calls.push('focus');
    setBackgroundColor() {}
    loadFile = (path: string) => {
      this.record.calls.push(`loadFile ${path}`);
      return Promise.resolve();
    };
    loadURL = (url: string) => {
      this.record.calls.push(`loadURL ${url}`);
      return Promise.resolve();
    };
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof fake.permissionRequest) =>
        (fake.permissionRequest = handler),
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined },
    },
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: Array<{ scheme: string; privileges: unknown }>) => {
      fake.calls.push('registerSchemesAsPrivileged');
      fake.schemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      fake.protocolHandlers.set(scheme, handler),
  };
  return {
    app,
    BrowserWindow,
    session,
    protocol,
    ipcMain: {
      handle: (
        channel: string,
        handler: (event: unknown, request: unknown) => Promise<Reply<unknown>>,
      ) => fake.handlers.set(channel, handler),
    },
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
    clipboard: { writeText: () => undefined },
    dialog: { showSaveDialog: async () => ({ canceled: true }), showErrorBox: () => undefined },
    shell: { openExternal: async () => undefined },
  };
});

async function startMain(options: { hasLock: boolean }) {
  fake.hasLock = options.hasLock;
  await import('../../../electron/main');
  // Let app.whenReady().then(...) run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function emitApp(event: string, ...args: unknown[]) {
  for (const listener of fake.appListeners.get(event) ?? []) listener(...args);
}

/** The built page is served from the app's own scheme, never file://. */
const PAGE_URL = 'app://pip-doctor/index.html';

describe('the main process', () => {
  afterEach(() => {
    vi.resetModules();
    fake.calls.length = 0;
    fake.handlers.clear();
    fake.schemes.length = 0;
    fake.protocolHandlers.clear();
    fake.windows.length = 0;
    fake.appListeners.clear();
  });

  test('a second launch hands over and quits, opening nothing', async () => {
    await startMain({ hasLock: false });
    expect(fake.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'quit']);
    expect(fake.windows).toHaveLength(0);
    expect(fake.handlers.size).toBe(0);
  });

  test('the first launch sandboxes everything, handles exactly the contract, and opens one secure window', async () => {
    await startMain({ hasLock: true });
    expect(fake.calls[0]).toBe('enableSandbox');
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(channels).sort());
    expect(fake.appListeners.has('web-contents-created')).toBe(true);

    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window!.options).toMatchObject({
      title: 'Pip Doctor',
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        devTools: false,
      },
    });
    // Packaged: ELECTRON_RENDERER_URL is ignored; the built page comes from app://, whose
    // handler is registered before the window loads it.
    expect(window!.calls.filter((call) => call.startsWith('load'))).toEqual([
      `loadURL ${PAGE_URL}`,
    ]);
    expect(fake.schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);

    let granted: boolean | null = null;
    fake.permissionRequest?.({}, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
  });

  test("IPC answers the app's own top frame and refuses any other", async () => {
    await startMain({ hasLock: true });
    const appInfo = fake.handlers.get('app:info')!;
    const own = await appInfo({ senderFrame: { url: `${PAGE_URL}#/start`, parent: null } }, {});
    expect(own).toEqual({
      ok: true,
      value: {
        name: 'Pip Doctor',
        version: '9.8.7',
        platform: expect.any(String),
        shell: expect.any(String),
      },
    });
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: PAGE_URL, parent: { url: PAGE_URL } },
      null,
    ]) {
      const reply = await appInfo({ senderFrame }, {});
      expect(reply.ok).toBe(false);
    }
  });

  test("speaks the first of Windows' preferred languages it knows, and the packaged app offers no pseudo-locale", async () => {
    await startMain({ hasLock: true });
    const languageGet = fake.handlers.get('language:get')!;
    const reply = await languageGet({ senderFrame: { url: PAGE_URL, parent: null } }, {});
    expect(reply).toEqual({
      ok: true,
      value: {
        locale: 'de',
        available: ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'ru', 'zh-Hans', 'ja', 'ko'],
      },
    });
  });

  test('a second launch focuses the first window', async () => {
    await startMain({ hasLock: true });
    emitApp('second-instance');
    expect(fake.windows[0]!.calls).toEqual(expect.arrayContaining(['restore', 'show', 'focus']));
  });
});
