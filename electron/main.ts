import { app, BrowserWindow, clipboard, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { OpenDialogOptions } from 'electron';
import { join } from 'node:path';
import { createHandlers } from './ipc/handlers';
import type { AppInfo } from './ipc/handlers';
import { registerIpc } from './ipc/registerIpc';
import { cannotRunTitle } from './ipc/dialogWords';
import { LanguageSetting } from './ipc/languageSetting';
import { translator } from './engine/i18n/translator';
import { createSystemProbe } from './platform/createSystemProbe';
import type { SystemProbe } from './platform/systemProbe';
import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
} from './security/contentSecurityPolicy';
import { handleAppScheme, registerAppScheme } from './security/appProtocol';
import { hardenSession, hardenWebContents } from './security/hardening';
import { resolveAppEntry } from './window/appEntry';
import { createMainWindow } from './window/createMainWindow';
import { nativeHandleNumber } from './window/nativeHandle';

/**
 * The app's lifecycle: one instance, one window, the IPC contract wired to
 * the engine. Security settings live in security/ and window/; this file
 * only puts them together.
 */

/**
 * electron-builder.json's appId: Windows groups the taskbar button and the
 * Start-menu shortcut the installer made under it.
 */
const APP_USER_MODEL_ID = 'org.pipdoctor.app';

// Before 'ready': every renderer is sandboxed, even one created by mistake without the flag.
app.enableSandbox();
// Before 'ready' too: the built page is served as app://, an origin of its own, not file://.
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (see 'second-instance') and leaves.
  app.quit();
} else {
  startApp();
}

function startApp(): void {
  const entry = resolveAppEntry(__dirname, process.env, app.isPackaged);
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Aborted on quit: running scans stop, and their probe processes are killed.
  const quitting = new AbortController();
  let mainWindow: BrowserWindow | null = null;

  const openExternal = (url: string) => {
    void shell.openExternal(url);
  };
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, entry.pageUrl, openExternal),
  );

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  const openWindow = () => {
    mainWindow = createMainWindow(entry, app.getAppPath(), !app.isPackaged);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  void app.whenReady().then(() => {
    handleAppScheme(protocol, entry.rendererDir, (message) => console.warn(message));
    hardenSession(
      session.defaultSession,
      entry.devServerUrl ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    );
    const probe = systemProbeOrExplain();
    if (!probe) return;
    registerIpc(
      ipcMain,
      createHandlers({
        probe,
        env: process.env,
        projectDir: app.getPath('home'),
        homeDir: app.getPath('home'),
        appPageUrl: entry.pageUrl,
        appInfo: appInfo(),
        writeClipboard: (text) => clipboard.writeText(text),
        readClipboard: () => clipboard.readText(),
        chooseSavePath: async (suggestedName, words) => {
          const options = {
            title: words.title,
            defaultPath: join(app.getPath('documents'), suggestedName),
            filters: [{ name: words.filterName, extensions: ['md'] }],
          };
          const choice = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          return choice.canceled || !choice.filePath ? null : choice.filePath;
        },
        openExternal: (url) => shell.openExternal(url),
        dataDir: app.getPath('userData'),
        // The languages set in Windows (Settings > Time & language), most preferred first.
        systemLanguages: app.getPreferredSystemLanguages(),
        offerPseudoLocale: !app.isPackaged,
        chooseFolder: async (words) => {
          const options: OpenDialogOptions = {
            title: words.title,
            buttonLabel: words.buttonLabel,
            defaultPath: app.getPath('home'),
            // An empty new folder is fine too: the action fills it and Undo empties it again.
            properties: ['openDirectory', 'createDirectory'],
          };
          const choice = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return choice.canceled ? null : (choice.filePaths[0] ?? null);
        },
        send: (event, payload) => {
          if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
        },
        ownerWindow: () =>
          mainWindow && !mainWindow.isDestroyed()
            ? nativeHandleNumber(mainWindow.getNativeWindowHandle())
            : null,
        signal: quitting.signal,
      }),
    );
    openWindow();
    app.on('activate', () => {
      // macOS: clicking the dock icon with no window open opens it again.
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => quitting.abort());
}

/** The backend for this OS; when there is none yet, the user is told why instead of a blank window. */
function systemProbeOrExplain(): SystemProbe | null {
  try {
    return createSystemProbe(process.env);
  } catch (error) {
    // No handlers yet: the language comes from the same setting they would read.
    const language = new LanguageSetting({
      dataDir: app.getPath('userData'),
      systemLanguages: app.getPreferredSystemLanguages(),
      offerPseudoLocale: !app.isPackaged,
    });
    dialog.showErrorBox(
      cannotRunTitle(translator(language.current())),
      error instanceof Error ? error.message : String(error),
    );
    app.quit();
    return null;
  }
}

function appInfo(): AppInfo {
  const platform =
    process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
  return {
    name: 'Pip Doctor',
    version: app.getVersion(),
    platform,
    shell: platform === 'win32' ? 'powershell' : 'bash',
  };
}
