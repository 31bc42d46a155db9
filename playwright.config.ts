import { defineConfig } from '@playwright/test';

/**
 * Two suites. `e2e`: the built renderer in Debian's Chromium, its bridge
 * bound to the real main-process handlers (tests/support/bindBridge.ts), so
 * the wizard drives the real engine on this machine. `electron`: the app in
 * a real Electron, which skips, saying why, where no binary is installed.
 * Both need `npm run build` first.
 */
export default defineConfig({
  outputDir: 'test-results',
  // Marks every process the run starts; at the end, any still running fails the run and is killed.
  globalSetup: './tests/e2e/support/globalSetup.ts',
  globalTeardown: './tests/e2e/support/globalTeardown.ts',
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/results.json' }]]
    : 'list',
  forbidOnly: Boolean(process.env.CI),
  // Real scans of the real machine: slower than a mocked UI, never flaky by design.
  timeout: 90_000,
  retries: 0,
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        // The app window's default size (electron/window/createMainWindow.ts).
        viewport: { width: 960, height: 720 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--headless',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
});
