import { defineConfig } from 'vitest/config';

// Three tiers. unit: pure code next to its source. integration: real PostgreSQL, Redis and Asterisk.
// e2e: the console in Debian's chromium against the real stack. Real-service tiers run files one at a time
// because they share one Asterisk and two cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['pbx/src/**/*.test.ts', 'pbx/scripts/**/*.test.ts', 'server/src/**/*.test.ts', 'web-agent/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
