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

/** Every script the renderer ships, gzipped at the level a download would use. */
function shippedJsGzipKb(): { totalKb: number; files: string[] } {
  const assets = join(RENDERER_DIR, 'assets');
  const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const bytes = files.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length,
    0,
  );
  return { totalKb: bytes / 1024, files };
}

/**
 * Time from navigation to the first wizard step on screen, in Debian's
 * Chromium against the production build served from 127.0.0.1 (a fresh
 * page each run, so nothing is cached between runs), and the gzip size
 * of the shipped JS. Builds first: a stale out/ would measure old code.
 */
export async function benchFirstRender(): Promise<BenchResult> {
  execFileSync(ELECTRON_VITE, ['build'], { stdio: 'ignore' });
  const size = shippedJsGzipKb();
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
  const worst = Math.max(timeMs / TIME_BUDGET_MS, size.totalKb / SIZE_BUDGET_KB);
  return {
    name: `wizard first render in Chromium (median of ${RUNS}) and shipped JS size`,
    unit: 'ms',
    medians: {
      'navigation to first step on screen (ms)': timeMs,
      'shipped JS, gzip -9 (KB)': size.totalKb,
    },
    ratio: {
      label: `worst of time/${TIME_BUDGET_MS} ms and size/${SIZE_BUDGET_KB} KB`,
      value: worst,
      budget: '< 1.0',
      withinBudget: timeMs < TIME_BUDGET_MS && size.totalKb <= SIZE_BUDGET_KB,
    },
    notes: [
      `runs (ms): ${runs.map((ms) => ms.toFixed(0)).join(' ')}`,
      `scripts: ${size.files.join(', ')}`,
    ],
  };
}
