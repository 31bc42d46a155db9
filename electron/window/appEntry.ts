import { join } from 'node:path';
import { APP_PAGE_URL } from '../security/appScheme';

/** What the window loads, and the URL main trusts as the app's own page. */
export interface AppEntry {
  /** The dev server's URL, or null to load the built page from disk. */
  devServerUrl: string | null;
  /** out/renderer next to the built main (out/main/index.js): all app:// serves. */
  rendererDir: string;
  preloadFile: string;
  /** The page's URL: IPC senders and navigations are checked against it. */
  pageUrl: string;
}

/**
 * electron-vite dev sets ELECTRON_RENDERER_URL. A packaged app ignores it,
 * and it must point at this machine: an environment variable must never make
 * the app load remote content.
 */
export function resolveAppEntry(
  builtMainDir: string,
  env: NodeJS.ProcessEnv,
  isPackaged: boolean,
): AppEntry {
  const rendererDir = join(builtMainDir, '..', 'renderer');
  const preloadFile = join(builtMainDir, '..', 'preload', 'index.js');
  const devServerUrl = isPackaged ? null : localDevServer(env.ELECTRON_RENDERER_URL);
  return {
    devServerUrl,
    rendererDir,
    preloadFile,
    pageUrl: devServerUrl ?? APP_PAGE_URL,
  };
}

function localDevServer(candidate: string | undefined): string | null {
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && local ? url.href : null;
  } catch {
    return null;
  }
}
