import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
} from './electron/security/contentSecurityPolicy';

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/**
 * Keeps renderer/index.html's CSP <meta> equal to the one constant main
 * uses: the build fails if they differ and adds the tag if it is missing.
 * In `electron-vite dev` the tag is swapped for the dev policy, which lets
 * Vite's hot reload and React's refresh preamble run.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'pip-doctor:content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const dev = context.server !== undefined;
        const policy = dev ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
        const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        const found = CSP_META.exec(html);
        if (!found) return html.replace(/<head>/i, `<head>\n    ${tag}`);
        if (!dev && found[1] !== CONTENT_SECURITY_POLICY) {
          throw new Error(
            'renderer/index.html has a Content-Security-Policy that differs from ' +
              'electron/security/contentSecurityPolicy.ts. Copy the constant exactly:\n' +
              `  ${CONTENT_SECURITY_POLICY}`,
          );
        }
        return html.replace(CSP_META, tag);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // package.json "main" is out/main/index.js. The /proc reader runs in a worker thread
      // loaded by path, so it is an entry of its own, written beside index.js.
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main.ts'),
          procFilesWorker: resolve(__dirname, 'electron/platform/posix/procFilesWorker.js'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload may require only 'electron': zod and the contract go into its one file.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    // Relative asset URLs: the page is loaded from a file:// path.
    base: './',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      // electron-vite leaves the renderer unminified; the shipped JS has a 250 KB gzip budget.
      minify: true,
      // One chunk of ~550 KB (~155 KB gzip): the budget that counts is gzip, measured by the bench.
      chunkSizeWarningLimit: 700,
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
