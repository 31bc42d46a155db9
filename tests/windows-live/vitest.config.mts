import { defineConfig } from 'vitest/config';

/**
 * The Windows backend against the real Windows it runs on: only the
 * .github/workflows/windows.yml job runs this (`vitest run --config
 * tests/windows-live/vitest.config.mts`). The main config includes only
 * tests/unit/**, so a Linux run never picks these up.
 */
export default defineConfig({
  test: {
    include: ['tests/windows-live/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One file at a time: the tests share the machine's process table and Restart Manager sessions.
    fileParallelism: false,
  },
});
