import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { RENDERER_DIR, startRendererServer } from '../tests/e2e/support/rendererServer';
import { median } from './benchResult';
import type { BenchResult } from './benchResult';

const RUNS = 15;
const TIME_BUDGET_MS = 300;
const SIZE_BUDGET_KB = 250;
const ELECTRON_VITE = join(__dirname, '..', 'node_modules', '.bin', 'electron-vite');

/**
 * Runs in the page before its scripts: notes when the first frame after the
 * step's heading exists is being drawn, in ms since navigation started
 * (performance's time origin), i.e. when the user first sees the wizard.
 */
const RECORD_FIRST_STEP = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('main h1')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstStepMs = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

const ASSETS = join(RENDERER_DIR, 'assets');

/** Scripts' size gzipped at the level a download would use, in KB. */
function gzipKb(files: readonly string[]): number {
  const bytes = files.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(ASSETS, name)), { level: 9 }).length,
    0,
  );
  return bytes / 1024;
}

/** Every script the renderer ships: the app and every language's messages (issue #17). */
function shippedScripts(): string[] {
  return readdirSync(ASSETS).filter((name) => name.endsWith('.js'));
}

/**
 * Time from navigation to the first wizard step on screen, in Debian's
 * Chromium against the production build served from 127.0.0.1 (a fresh
 * page each run, so nothing is cached between runs), and the gzip size
 * of the shipped JS. Builds first: a stale out/ would measure old code.
 */
export async function benchFirstRender(): Promise<BenchResult> {
  execFileSync(ELECTRON_VITE, ['build'], { stdio: 'ignore' });
  const shipped = shippedScripts();
  // What the first screen loads: the app and one language's messages, fetched on demand.
  const firstScreen = new Set<string>();
  const server = await startRendererServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const runs: number[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 960, height: 720 } });
      const page = await context.newPage();
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname.split('/').pop() ?? '';
        if (shipped.includes(name)) firstScreen.add(name);
      });
      await page.addInitScript({ content: RECORD_FIRST_STEP });
      await page.goto(server.url);
      const handle = await page.waitForFunction(
        () => (window as unknown as { __firstStepMs?: number }).__firstStepMs,
      );
      const ms = (await handle.jsonValue()) as number;
      // The first run warms the browser process and the OS file cache: not counted.
      if (i > 0) runs.push(ms);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const timeMs = median(runs);
  const firstScreenKb = gzipKb([...firstScreen]);
  const shippedKb = gzipKb(shipped);
  const worst = Math.max(timeMs / TIME_BUDGET_MS, firstScreenKb / SIZE_BUDGET_KB);
  return {
    name: `wizard first render in Chromium (median of ${RUNS}) and first-screen JS size`,
    unit: 'ms',
    medians: {
      'navigation to first step on screen (ms)': timeMs,
      'first-screen JS, gzip -9 (KB)': firstScreenKb,
      'all shipped JS incl. every language, gzip -9 (KB)': shippedKb,
    },
    ratio: {
      label: `worst of time/${TIME_BUDGET_MS} ms and size/${SIZE_BUDGET_KB} KB`,
      value: worst,
      budget: '< 1.0',
      withinBudget: timeMs < TIME_BUDGET_MS && firstScreenKb <= SIZE_BUDGET_KB,
    },
    notes: [
      `runs (ms): ${runs.map((ms) => ms.toFixed(0)).join(' ')}`,
      `first screen loads: ${[...firstScreen].sort().join(', ')}`,
      `shipped: ${shipped.length} scripts`,
    ],
  };
}
