import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicyMeta } from '../../../electron.vite.config';
import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  PAGE_CONTENT_SECURITY_POLICY_TEMPLATE,
  pagePolicyWithNonce,
} from '../../../electron/security/contentSecurityPolicy';
import { CSP_NONCE_META_NAME, CSP_NONCE_PLACEHOLDER } from '../../../electron/shared/cspNonce';

/** Runs the build's index.html transform the way Vite does, for a build or for the dev server. */
function transform(html: string, dev: boolean): string {
  const hook = contentSecurityPolicyMeta().transformIndexHtml;
  if (!hook || typeof hook === 'function') throw new Error('expected an ordered hook');
  const context = { path: '/index.html', filename: 'index.html', server: dev ? {} : undefined };
  const result = hook.handler.call(
    undefined as never,
    html,
    context as unknown as IndexHtmlTransformContext,
  );
  if (typeof result !== 'string') throw new Error('expected html back');
  return result;
}

const page = (policy: string | null) =>
  `<!doctype html><html><head>${policy === null ? '' : `<meta http-equiv="Content-Security-Policy" content="${policy}" />`}<title>Pip Doctor</title></head><body></body></html>`;

const nonceMeta = `<meta name="${CSP_NONCE_META_NAME}" content="${CSP_NONCE_PLACEHOLDER}" />`;

describe("the build keeps index.html's CSP equal to the template main fills in", () => {
  test('the same policy passes, with the nonce <meta> the renderer reads', () => {
    const html = transform(page(PAGE_CONTENT_SECURITY_POLICY_TEMPLATE), false);
    expect(html).toContain(`content="${PAGE_CONTENT_SECURITY_POLICY_TEMPLATE}"`);
    expect(html.split(nonceMeta)).toHaveLength(2);
  });

  test('missing tags are added', () => {
    const html = transform(page(null), false);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${PAGE_CONTENT_SECURITY_POLICY_TEMPLATE}" />`,
    );
    expect(html).toContain(nonceMeta);
  });

  test('a different policy fails the build, naming the one to use', () => {
    expect(() => transform(page("default-src 'self'"), false)).toThrow(
      PAGE_CONTENT_SECURITY_POLICY_TEMPLATE,
    );
    expect(() => transform(page(CONTENT_SECURITY_POLICY), false)).toThrow();
  });

  test('the dev server gets the dev policy instead (hot reload, React refresh), and no nonce', () => {
    const html = transform(page(PAGE_CONTENT_SECURITY_POLICY_TEMPLATE), true);
    expect(html).toContain(`content="${DEV_CONTENT_SECURITY_POLICY}"`);
    expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'unsafe-inline'");
    // Beside a nonce, browsers ignore 'unsafe-inline': the dev policy must have none.
    expect(DEV_CONTENT_SECURITY_POLICY).not.toContain('nonce-');
  });
});

describe("the shipped policies have no 'unsafe-inline'", () => {
  const nonce = 'k1KpBkNcAecgF7JpjmIlUw==';

  test("a page load's policy allows inline styles only with its nonce", () => {
    const policy = pagePolicyWithNonce(nonce);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toBe(
      PAGE_CONTENT_SECURITY_POLICY_TEMPLATE.replace(CSP_NONCE_PLACEHOLDER, nonce),
    );
  });

  test('every other response allows no inline style at all', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('nonce-');
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
  });

  test('only a nonce the app made fits in: nothing that could add a source or a directive', () => {
    for (const forged of ["x' 'unsafe-inline", 'abc; script-src *', '', CSP_NONCE_PLACEHOLDER])
      expect(() => pagePolicyWithNonce(forged), forged).toThrow(/not a CSP nonce/);
  });
});
