import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import {
  DEV_CONTENT_SECURITY_POLICY,
  PAGE_CONTENT_SECURITY_POLICY_TEMPLATE,
} from './electron/security/contentSecurityPolicy';
import { CSP_NONCE_META_NAME, CSP_NONCE_PLACEHOLDER } from './electron/shared/cspNonce';
import { compiledCatalogs } from './scripts/compiledCatalogsPlugin';
import { strippedDescriptors } from './scripts/strippedDescriptorsPlugin';

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;
const NONCE_META = new RegExp(
  `<meta\\s+name="${CSP_NONCE_META_NAME}"\\s+content="[^"]*"\\s*/?>`,
  'i',
);

/**
 * Keeps renderer/index.html's CSP <meta> equal to the template main fills
 * in (a fresh style nonce each load, electron/security/appFiles.ts): the
 * build fails if they differ and adds the tags if they are missing. In
 * `electron-vite dev` the policy is swapped for the dev one and the nonce
 * <meta> dropped, which lets Vite's hot reload and injected styles and
 * React's refresh preamble run.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'pip-doctor:content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const dev = context.server !== undefined;
        const policy = dev ? DEV_CONTENT_SECURITY_POLICY : PAGE_CONTENT_SECURITY_POLICY_TEMPLATE;
        const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        const nonceTag = `<meta name="${CSP_NONCE_META_NAME}" content="${CSP_NONCE_PLACEHOLDER}" />`;
        const found = CSP_META.exec(html);
        if (found && !dev && found[1] !== PAGE_CONTENT_SECURITY_POLICY_TEMPLATE) {
          throw new Error(
            'renderer/index.html has a Content-Security-Policy that differs from ' +
              'electron/security/contentSecurityPolicy.ts. Copy the constant exactly:\n' +
              `  ${PAGE_CONTENT_SECURITY_POLICY_TEMPLATE}`,
          );
        }
        const withPolicy = found
          ? html.replace(CSP_META, tag)
          : html.replace(/<head>/i, `<head>\n    ${tag}`);
        if (NONCE_META.test(withPolicy)) return withPolicy.replace(NONCE_META, dev ? '' : nonceTag);
        return dev ? withPolicy : withPolicy.replace(tag, `${tag}\n    ${nonceTag}`);
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
    // Relative asset URLs: the same build is served as app://pip-doctor/ and by the e2e server.
    base: './',
    plugins: [react(), contentSecurityPolicyMeta(), compiledCatalogs(), strippedDescriptors()],
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
