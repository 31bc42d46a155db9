/**
 * Whether a URL is the app's own page: the one document the window loads and
 * the only frame main takes requests from (checklist items 13 and 17).
 *
 * The app:// page (appScheme.ts) is compared by host and path: it is one
 * document, and no other file of the renderer folder is a page. A file: page
 * (no longer loaded, kept for a build that still does) is compared the same
 * way, because every file: URL has the same opaque origin. An http page
 * (the dev server, the test server) is compared by origin: the dev server
 * serves one app. The hash and the query never matter: they stay in the page.
 */
export function isAppPage(candidate: string, appPage: string): boolean {
  let url: URL;
  let page: URL;
  try {
    url = new URL(candidate);
    page = new URL(appPage);
  } catch {
    return false;
  }
  if (url.protocol !== page.protocol) return false;
  if (page.protocol === 'app:' || page.protocol === 'file:')
    return url.host === page.host && url.pathname === page.pathname;
  if (page.protocol === 'http:' || page.protocol === 'https:') return url.origin === page.origin;
  return false;
}
