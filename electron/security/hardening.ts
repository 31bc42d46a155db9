import type { Session, WebContents } from 'electron';
import { isAppPage } from './appPage';
import { APP_SCHEME } from './appScheme';
import { allowedExternalUrl } from './externalLinks';

/**
 * Electron's security checklist, applied to every web contents the app ever
 * creates (items 13, 14, 15 and the <webview> items): nothing navigates away
 * from the app's page, nothing opens a window, no <webview> attaches.
 * Allowlisted documentation links open in the user's browser instead.
 */
export function hardenWebContents(
  contents: WebContents,
  appPageUrl: string,
  openExternal: (url: string) => void,
): void {
  const openIfAllowed = (url: string) => {
    const allowed = allowedExternalUrl(url);
    if (allowed) openExternal(allowed);
  };
  contents.on('will-navigate', (event) => {
    if (isAppPage(event.url, appPageUrl)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url, appPageUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
}

/**
 * Every permission is refused (checklist item 5): the wizard needs no
 * camera, notifications or clipboard access of its own (it copies through
 * main). Every response gets `contentSecurityPolicy` as its CSP header,
 * replacing any it had, except the app:// scheme's: its handler
 * (appFiles.ts) already sets the policy with the nonce of the page's load.
 */
export function hardenSession(session: Session, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (new URL(details.url).protocol === `${APP_SCHEME}:`) {
      callback({});
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({
      responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}
