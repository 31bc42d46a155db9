import { CSP_NONCE_PLACEHOLDER } from '../shared/cspNonce';

/**
 * The renderer's Content-Security-Policy, in one place (DESIGN.md rule 1).
 * The app:// handler (appFiles.ts) serves index.html with this policy in a
 * header and in its <meta>, both naming the same fresh nonce; the build
 * fails if index.html's <meta> differs from the template
 * (electron.vite.config.ts).
 *
 * Why each source is there:
 * - `default-src 'none'`: everything not listed below is refused: no fetch,
 *   no frames, no workers, no media, no plugins.
 * - `script-src 'self'`: only the bundled scripts; no inline script, no eval.
 * - `style-src 'self' 'nonce-…'`: Fluent UI (Griffel) writes its styles into
 *   <style> elements at run time; each carries the nonce of this load, so
 *   no other inline style applies (no 'unsafe-inline': injected markup
 *   cannot restyle the page to mislead, e.g. hide a warning or fake a button).
 * - `img-src data:`: Fluent's icons and small inline images.
 * - `base-uri`, `form-action`: these do not fall back to default-src.
 */
function policy(styleSources: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${styleSources}`.trimEnd(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** A nonce as appFiles.ts makes them: 16 random bytes in base64. */
const NONCE = /^[A-Za-z0-9+/]{22}==$/;

/** The page's policy for one load: its <style> elements must carry `nonce`. */
export function pagePolicyWithNonce(nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error(`not a CSP nonce made by the app: ${nonce}`);
  return policy(`'nonce-${nonce}'`);
}

/** What index.html's <meta> carries in the build, before main writes the nonce of a load over it. */
export const PAGE_CONTENT_SECURITY_POLICY_TEMPLATE = policy(`'nonce-${CSP_NONCE_PLACEHOLDER}'`);

/**
 * Every other response: the scripts and images the page loads, and any page
 * that is not the app's (none should load; if one does, it gets no inline style).
 */
export const CONTENT_SECURITY_POLICY = policy('');

/**
 * Only for `electron-vite dev`: Vite's hot reload talks over a WebSocket,
 * @vitejs/plugin-react injects an inline preamble script and Vite injects
 * CSS as <style> without a nonce. No nonce source: beside one, browsers
 * ignore 'unsafe-inline'. Never shipped.
 */
export const DEV_CONTENT_SECURITY_POLICY = policy("'unsafe-inline'")
  .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
