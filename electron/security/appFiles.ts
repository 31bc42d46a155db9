import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { extname, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { CSP_NONCE_META_NAME, CSP_NONCE_PLACEHOLDER } from '../shared/cspNonce';
import { CONTENT_SECURITY_POLICY, pagePolicyWithNonce } from './contentSecurityPolicy';

/**
 * What the app:// handler answers for one request path: a file of the built
 * renderer folder, or a refusal. Plain Node over real files, so it is
 * tested without Electron; appProtocol.ts turns it into a Response and the
 * e2e suite's server serves the page with it too.
 */
export interface AppFileResponse {
  status: 200 | 400 | 403 | 404 | 500;
  headers: Record<string, string>;
  body: Buffer;
  /** Why a request was refused, for the log; never sent to the page. */
  refusal?: string;
}

/** The types the built renderer has; anything else is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const PAGE = 'index.html';

/**
 * Electron makes fs read inside app.asar by patching the fs functions, so
 * they are looked up at call time through the module (not fs/promises).
 */
const realpathOf = (path: string) => promisify(fs.realpath)(path);
const statOf = (path: string) => promisify(fs.stat)(path);
const readOf = (path: string) => promisify(fs.readFile)(path);

/** A fresh nonce for one load of the page: 16 random bytes, base64. */
export const freshNonce = (): string => randomBytes(16).toString('base64');

/**
 * Answers `encodedPath` (a URL's pathname, still percent-encoded) from
 * `rootDir`. Refused: an undecodable path, any `.`/`..` segment (also
 * encoded, `%2e%2e`), encoded separators, a NUL, a drive or stream colon,
 * anything whose real path (symlinks followed) leaves the folder, anything
 * that is not a regular file, and types the renderer does not have.
 * index.html gets `nonce()` written over its placeholders and the same
 * nonce in its CSP header.
 */
export async function serveAppFile(
  rootDir: string,
  encodedPath: string,
  nonce: () => string = freshNonce,
): Promise<AppFileResponse> {
  const segments = decodedSegments(encodedPath);
  if (typeof segments === 'string') return refused(400, segments);
  const relative = segments.length === 0 ? [PAGE] : segments;
  const type = CONTENT_TYPES[extname(relative[relative.length - 1]!).toLowerCase()];
  if (!type) return refused(404, `not a type the renderer has: ${encodedPath}`);

  let root: string;
  let file: string;
  try {
    root = await realpathOf(rootDir);
    file = await realpathOf(join(root, ...relative));
  } catch {
    return refused(404, `no such file: ${encodedPath}`);
  }
  if (!file.startsWith(root + sep)) return refused(403, `leaves the renderer folder: ${file}`);
  try {
    if (!(await statOf(file)).isFile()) return refused(404, `not a file: ${file}`);
  } catch {
    return refused(404, `no such file: ${encodedPath}`);
  }
  const body = await readOf(file);
  const isPage = relative.length === 1 && relative[0] === PAGE;
  return isPage ? pageWithNonce(body, nonce()) : served(body, type, CONTENT_SECURITY_POLICY);
}

/** The path's segments, decoded, or why they cannot name a file of the folder. */
function decodedSegments(encodedPath: string): string[] | string {
  if (!encodedPath.startsWith('/')) return `not an absolute path: ${encodedPath}`;
  if (encodedPath === '/') return [];
  const decoded: string[] = [];
  for (const raw of encodedPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return `undecodable path: ${encodedPath}`;
    }
    if (segment === '' || segment === '.' || segment === '..')
      return `empty, . or .. segment: ${encodedPath}`;
    if (/[/\\:\0]/.test(segment)) return `separator, colon or NUL in a segment: ${encodedPath}`;
    decoded.push(segment);
  }
  return decoded;
}

/**
 * index.html with this load's nonce: in its CSP <meta>, in the <meta> the
 * renderer reads, and in the CSP header. A page missing either placeholder
 * is not served: it would run without the nonce the renderer expects.
 */
function pageWithNonce(body: Buffer, nonce: string): AppFileResponse {
  const html = body.toString('utf8');
  const policy = pagePolicyWithNonce(nonce);
  const hasPolicy = html.includes(`'nonce-${CSP_NONCE_PLACEHOLDER}'`);
  const hasMeta = html.includes(`name="${CSP_NONCE_META_NAME}" content="${CSP_NONCE_PLACEHOLDER}"`);
  if (!hasPolicy || !hasMeta)
    return refused(
      500,
      'index.html lacks the style nonce placeholders (see electron.vite.config.ts)',
    );
  const page = html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
  return served(Buffer.from(page, 'utf8'), CONTENT_TYPES['.html']!, policy);
}

function served(body: Buffer, type: string, policy: string): AppFileResponse {
  return {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
      // A nonce is for one load only: a cached page would repeat it.
      'Cache-Control': 'no-store',
    },
    body,
  };
}

function refused(status: AppFileResponse['status'], refusal: string): AppFileResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: Buffer.alloc(0),
    refusal,
  };
}
