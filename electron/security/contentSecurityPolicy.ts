/**
 * The renderer's Content-Security-Policy, in one place (DESIGN.md rule 1).
 * renderer/index.html carries it in a <meta> (file:// pages get no response
 * headers), main adds it as a header to whatever else the window loads, and
 * the build fails if the two ever differ (electron.vite.config.ts).
 *
 * Why each source is there:
 * - `default-src 'none'`: everything not listed below is refused: no fetch,
 *   no frames, no workers, no media, no plugins.
 * - `script-src 'self'`: only the bundled scripts; no inline script, no eval.
 * - `style-src 'unsafe-inline'`: Fluent UI (Griffel) writes its styles into
 *   <style> elements at run time; styles cannot run code, scripts stay strict.
 * - `img-src data:`: Fluent's icons and small inline images.
 * - `base-uri`, `form-action`: these do not fall back to default-src.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Only for `electron-vite dev`: Vite's hot reload talks over a WebSocket and
 * @vitejs/plugin-react injects an inline preamble script. Never shipped.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
