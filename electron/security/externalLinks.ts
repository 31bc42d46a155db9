/**
 * The only links the app opens in the user's browser (Electron security
 * checklist item 15). shell.openExternal hands a URL to whatever the system
 * registered for its scheme, so a file: or custom-scheme URL would start a
 * local program: only https links to these documentation pages pass.
 */

interface AllowedSite {
  host: string;
  /** When set, the path must match: the site hosts far more than the one page we link to. */
  path?: RegExp;
}

const ALLOWED_SITES: readonly AllowedSite[] = [
  { host: 'docs.python.org' },
  { host: 'pip.pypa.io' },
  { host: 'packaging.python.org' },
  { host: 'peps.python.org' },
  // "Maximum Path Length Limitation", in any language (/en-us/, /de-de/, ...).
  {
    host: 'learn.microsoft.com',
    path: /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?windows\/win32\/fileio\/maximum-file-path-limitation\/?$/i,
  },
];

/**
 * The URL to open, normalised by the URL parser, or null when it is not on
 * the allowlist. Hosts are compared whole: `pip.pypa.io.evil.example` and
 * `user@pip.pypa.io` tricks do not pass.
 */
export function allowedExternalUrl(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '')
    return null;
  const site = ALLOWED_SITES.find((allowed) => allowed.host === url.hostname);
  if (!site) return null;
  if (site.path && !site.path.test(url.pathname)) return null;
  return url.href;
}
