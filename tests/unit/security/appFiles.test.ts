/**
 * What the app:// handler serves, over real files and real symlinks: only
 * regular files of the built renderer folder, and index.html with a fresh
 * style nonce in its CSP header and <meta> on every load.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appSchemeResponse } from '../../../electron/security/appProtocol';
import { serveAppFile } from '../../../electron/security/appFiles';
import {
  CONTENT_SECURITY_POLICY,
  PAGE_CONTENT_SECURITY_POLICY_TEMPLATE,
} from '../../../electron/security/contentSecurityPolicy';
import { CSP_NONCE_META_NAME, CSP_NONCE_PLACEHOLDER } from '../../../electron/shared/cspNonce';

const PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="${PAGE_CONTENT_SECURITY_POLICY_TEMPLATE}" />
<meta name="${CSP_NONCE_META_NAME}" content="${CSP_NONCE_PLACEHOLDER}" />
<script type="module" src="./assets/index.js"></script></head><body></body></html>`;
const SCRIPT = 'console.log("the renderer");';
const SECRET = 'the user has a secret';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pip-doctor-app-files-'));
  root = join(base, 'out', 'renderer');
  mkdirSync(join(root, 'assets', 'folder.js'), { recursive: true });
  writeFileSync(join(root, 'index.html'), PAGE);
  writeFileSync(join(root, 'assets', 'index.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'mark.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'assets', 'data.bin'), 'not a renderer type');
  // Outside the renderer folder: a sibling's file, and one with the folder's name as its prefix.
  mkdirSync(join(base, 'out', 'main'));
  writeFileSync(join(base, 'out', 'main', 'secret.js'), SECRET);
  mkdirSync(join(base, 'out', 'renderer-evil'));
  writeFileSync(join(base, 'out', 'renderer-evil', 'secret.js'), SECRET);
  symlinkSync(join(base, 'out', 'main', 'secret.js'), join(root, 'assets', 'link-out.js'));
  symlinkSync(join(base, 'out', 'main'), join(root, 'assets', 'dir-out'));
  symlinkSync(join(base, 'out', 'renderer-evil'), join(root, 'assets', 'prefix-out'));
  symlinkSync(join(root, 'assets', 'index.js'), join(root, 'assets', 'link-in.js'));
  symlinkSync(root, join(base, 'renderer-link'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const text = (body: Buffer) => body.toString('utf8');

describe('app:// serves the built renderer folder and nothing else', () => {
  test('a file of the folder, with its type, the static CSP and nosniff', async () => {
    const answer = await serveAppFile(root, '/assets/index.js');
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toBe(SCRIPT);
    expect(answer.headers).toMatchObject({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect((await serveAppFile(root, '/assets/mark.svg')).headers['Content-Type']).toBe(
      'image/svg+xml',
    );
    // A symlink that stays inside the folder is still the folder's file.
    expect(text((await serveAppFile(root, '/assets/link-in.js')).body)).toBe(SCRIPT);
    // The folder reached through a symlink is the same folder.
    expect(text((await serveAppFile(join(base, 'renderer-link'), '/assets/index.js')).body)).toBe(
      SCRIPT,
    );
  });

  test.each([
    ['..', '/../main/secret.js'],
    ['.. deeper', '/assets/../../main/secret.js'],
    ['encoded ..', '/assets/%2e%2e/%2e%2e/main/secret.js'],
    ['encoded upper-case ..', '/%2E%2E/main/secret.js'],
    ['encoded slash', '/assets%2F..%2F..%2Fmain%2Fsecret.js'],
    ['encoded backslash', '/assets/..%5C..%5Cmain%5Csecret.js'],
    ['.', '/./assets/index.js'],
    ['empty segment', '//etc/passwd.js'],
    ['NUL', '/assets/index.js%00.svg'],
    ['drive colon', '/C:/Windows/win.ini.js'],
    ['undecodable', '/assets/%E0%A4%A.js'],
    ['relative', 'assets/index.js'],
  ])('%s: refused as a bad request, nothing read', async (_name, path) => {
    const answer = await serveAppFile(root, path);
    expect(answer.status).toBe(400);
    expect(answer.body).toHaveLength(0);
    expect(text(answer.body)).not.toContain(SECRET);
  });

  test.each([
    ['a symlinked file', '/assets/link-out.js'],
    ['a symlinked folder', '/assets/dir-out/secret.js'],
    ['a sibling folder sharing the name as a prefix', '/assets/prefix-out/secret.js'],
  ])('%s leading out of the folder: refused (403)', async (_name, path) => {
    const answer = await serveAppFile(root, path);
    expect(answer.status).toBe(403);
    expect(answer.body).toHaveLength(0);
  });

  test.each([
    ['a missing file', '/assets/missing.js'],
    ['a folder', '/assets/folder.js'],
    ['a type the renderer does not have', '/assets/data.bin'],
    ['no extension', '/assets'],
  ])('%s: not found (404)', async (_name, path) => {
    const answer = await serveAppFile(root, path);
    expect(answer.status).toBe(404);
    expect(answer.body).toHaveLength(0);
  });
});

describe('index.html gets a fresh style nonce on every load', () => {
  test('the header and the <meta> name the same nonce; no placeholder and no unsafe-inline remain', async () => {
    const answer = await serveAppFile(root, '/');
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['Cache-Control']).toBe('no-store');
    const header = answer.headers['Content-Security-Policy']!;
    const nonce = /'nonce-([^']+)'/.exec(header)?.[1] ?? '';
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(header).not.toContain('unsafe-inline');
    const html = text(answer.body);
    expect(html).toContain(`content="${header}"`);
    expect(html).toContain(`<meta name="${CSP_NONCE_META_NAME}" content="${nonce}" />`);
    expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
  });

  test('two loads, two nonces', async () => {
    const nonces = new Set<string>();
    for (const path of ['/', '/index.html', '/', '/index.html'])
      nonces.add((await serveAppFile(root, path)).headers['Content-Security-Policy']!);
    expect(nonces.size).toBe(4);
  });

  test('a page without the placeholders is not served: it would run without its nonce', async () => {
    const other = mkdtempSync(join(tmpdir(), 'pip-doctor-app-files-bare-'));
    try {
      writeFileSync(join(other, 'index.html'), '<!doctype html><title>no nonce</title>');
      const answer = await serveAppFile(other, '/index.html');
      expect(answer.status).toBe(500);
      expect(answer.body).toHaveLength(0);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe("Electron's side: a fetch Request in, a Response out", () => {
  const log: string[] = [];
  const answer = (url: string, method = 'GET') =>
    appSchemeResponse({ url, method }, root, (message) => log.push(message));

  test('the page, with its CSP header', async () => {
    const response = await answer('app://pip-doctor/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(await response.text()).toContain('<script type="module" src="./assets/index.js">');
  });

  test('another host, another method, or a way out: refused and logged', async () => {
    log.length = 0;
    for (const [url, method] of [
      ['app://evil/index.html', 'GET'],
      ['app://pip-doctor/index.html', 'POST'],
      ['app://pip-doctor/assets/link-out.js', 'GET'],
      ['app://pip-doctor/assets/%2e%2e/%2e%2e/main/secret.js', 'GET'],
    ] as const) {
      const response = await answer(url, method);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text()).toBe('');
    }
    expect(log).toHaveLength(4);
  });
});
