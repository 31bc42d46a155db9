import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    // Marks every process the run starts, and fails the run if any is still running at its end.
    globalSetup: ['tests/support/vitestGlobalSetup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        // Real broken machines: each test builds venvs, runs pip and the engine as another
        // user, then pastes the fix and installs again, so a test takes seconds, not millis.
        extends: true,
        test: {
          name: 'machines',
          include: ['tests/machines/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
