import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagnosisSchema } from '../../../electron/shared/model/diagnosis';
import type { PipDoctorBridge, ScanProgressEvent } from '../../../electron/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/contentSecurityPolicy';
import { bindBridge } from '../../support/bindBridge';
import { realHandlerDeps } from '../../support/handlerDeps';
import { tempTree } from '../../support/tempTree';
import { english } from '../../support/english';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The page's globals as this test sees them (independent of the renderer's own declarations). */
type HarnessWindow = { pipDoctor: PipDoctorBridge; progress: ScanProgressEvent[] };

/** A page under the app's real CSP, with a script of its own ('self'), like the built renderer. */
const PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>harness</title><script src="/page.js"></script></head><body></body></html>`;
const PAGE_SCRIPT = `window.progress = [];
window.pipDoctor.onScanProgress((event) => window.progress.push(event));`;

describe.skipIf(!existsSync(CHROMIUM))('the e2e bridge harness, in real Chromium', () => {
  const saveDir = tempTree('bind-bridge');
  let server: Server;
  let origin = '';
  let browser: Browser;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const script = request.url === '/page.js';
      response.writeHead(200, {
        'content-type': script ? 'text/javascript' : 'text/html; charset=utf-8',
      });
      response.end(script ? PAGE_SCRIPT : PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('the page gets window.pipDoctor with the contract keys, and a real scan runs through it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const { deps } = realHandlerDeps({ appPageUrl: `${origin}/`, saveDir });
    const bound = await bindBridge(page, deps);
    await page.goto(`${origin}/`);

    const keys = await page.evaluate(() =>
      Object.keys((window as unknown as HarnessWindow).pipDoctor).sort(),
    );
    expect(keys).toEqual(['invoke', 'onActionProgress', 'onRerunOutput', 'onScanProgress']);
    const info = await page.evaluate(() => {
      const { pipDoctor } = window as unknown as HarnessWindow;
      return pipDoctor.invoke('app:info', {});
    });
    expect(info.ok && info.value.name).toBe('Pip Doctor');

    const result = await page.evaluate(async () => {
      const { pipDoctor } = window as unknown as HarnessWindow;
      const started = await pipDoctor.invoke('scan:start', { logId: null });
      if (!started.ok) return started;
      return pipDoctor.invoke('scan:result', { scanId: started.value.scanId });
    });
    if (!result.ok) throw new Error(english(result.error.message));
    DiagnosisSchema.parse(result.value);

    // Progress reached the page's listener, all of it, in the order main sent it.
    const pageProgress = () => page.evaluate(() => (window as unknown as HarnessWindow).progress);
    await expect.poll(async () => (await pageProgress()).length).toBe(bound.progress.length);
    expect(await pageProgress()).toEqual(bound.progress);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('handlers bound for another page refuse this one, as main refuses a foreign frame', async () => {
    const page = await browser.newPage();
    const { deps } = realHandlerDeps({ appPageUrl: 'http://127.0.0.1:1/', saveDir });
    await bindBridge(page, deps);
    await page.goto(`${origin}/`);
    const reply = await page.evaluate(() => {
      const { pipDoctor } = window as unknown as HarnessWindow;
      return pipDoctor.invoke('app:info', {});
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(english(reply.error.message)).toMatch(/own window/);
    await page.close();
  }, 30_000);
});
