import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicyMeta } from '../../../electron.vite.config';
import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
} from '../../../electron/security/contentSecurityPolicy';

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

describe("the build keeps index.html's CSP equal to main's constant", () => {
  test('the same policy passes', () => {
    expect(transform(page(CONTENT_SECURITY_POLICY), false)).toContain(
      `content="${CONTENT_SECURITY_POLICY}"`,
    );
  });

  test('a missing tag is added', () => {
    expect(transform(page(null), false)).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    );
  });

  test('a different policy fails the build, naming the one to use', () => {
    expect(() => transform(page("default-src 'self'"), false)).toThrow(CONTENT_SECURITY_POLICY);
  });

  test('the dev server gets the dev policy instead (hot reload, React refresh)', () => {
    const html = transform(page(CONTENT_SECURITY_POLICY), true);
    expect(html).toContain(`content="${DEV_CONTENT_SECURITY_POLICY}"`);
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
