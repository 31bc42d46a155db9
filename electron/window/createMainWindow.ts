import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, nativeTheme } from 'electron';
import type { AppEntry } from './appEntry';

/**
 * The window's colour before the page paints, so opening it does not flash
 * white in dark mode: Fluent UI's neutral background 1 (webLightTheme and
 * webDarkTheme), which the wizard uses for its page.
 */
const BACKGROUND = { light: '#ffffff', dark: '#292929' } as const;

const backgroundColor = () =>
  nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;

/** The one window. Every renderer security setting is spelled out, not left to defaults. */
export function createMainWindow(
  entry: AppEntry,
  appPath: string,
  devTools: boolean,
): BrowserWindow {
  // For the unpackaged app (Linux taskbar); installers give the executable and desktop entry theirs.
  const icon = join(appPath, 'assets', 'icon', 'icon.png');
  const window = new BrowserWindow({
    title: 'Pip Doctor',
    width: 960,
    height: 720,
    minWidth: 640,
    minHeight: 480,
    show: false,
    backgroundColor: backgroundColor(),
    ...(existsSync(icon) ? { icon } : {}),
    webPreferences: {
      preload: entry.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click on a link fires auxclick, which can open it in a new window; new
      // windows are refused anyway (hardening.ts), this stops the event at the source.
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  });

  const followTheme = () => {
    if (!window.isDestroyed()) window.setBackgroundColor(backgroundColor());
  };
  nativeTheme.on('updated', followTheme);
  window.once('closed', () => nativeTheme.off('updated', followTheme));
  window.once('ready-to-show', () => window.show());

  // The built page comes from app:// (main registers it before any window), never file://.
  void window.loadURL(entry.pageUrl);
  return window;
}
