/**
 * The app's own scheme. The built renderer is served as app://pip-doctor/…
 * by main (appProtocol.ts) instead of file://, so the page is one origin of
 * its own, gets response headers (the CSP with this load's nonce), and
 * Electron's file:// extra privileges can be turned off (build/afterPack.cjs).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pip-doctor';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * What the scheme may do, for protocol.registerSchemesAsPrivileged:
 * `standard` gives it an origin and relative URLs (the page's ./assets/…),
 * `secure` makes it a secure context like https, `supportFetchAPI` and
 * `corsEnabled` let Chromium load the page's module scripts from it
 * (module scripts are fetched in CORS mode). No service workers, no
 * bypassing the CSP, no streaming.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
} as const;
