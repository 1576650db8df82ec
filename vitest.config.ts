import { configDefaults, defineConfig } from 'vitest/config';

// Three tiers. unit: pure code next to its source. integration: real PostgreSQL, Redis and Asterisk.
// e2e: the console in Debian's chromium against the real stack. Real-service tiers run files one at a time
// because they share one Asterisk and two cores.
// e2e-webrtc: the inbound call flow with real WebRTC audio; it exists only inside the test network namespace
// (tests/support/netns/run.ts sets RINGSIDE_NETNS), where the e2e Asterisk, a private Redis, the server and
// Chromium share one loopback. `npm run test:e2e-webrtc` is the way in.
const inNetns = Boolean(process.env.RINGSIDE_NETNS);
const webrtcFiles = [
  'tests/e2e/inbound*.test.ts',
  'tests/e2e/supervision.test.ts',
  'tests/e2e/outbound-campaign.test.ts',
  'tests/e2e/faults/*.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'pbx/src/**/*.test.ts',
            'pbx/scripts/**/*.test.ts',
            'server/src/**/*.test.ts',
            'web-agent/src/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          // Sequence tests over the fake PBX need PostgreSQL: they run in the integration project.
          exclude: [...configDefaults.exclude, 'server/src/**/*.seq.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          // *.seq.test.ts: sequences over the in-memory fake PBX and a real database, beside their code.
          include: ['tests/integration/**/*.test.ts', 'server/src/**/*.seq.test.ts'],
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
          exclude: webrtcFiles,
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(inNetns
        ? [
            {
              test: {
                name: 'e2e-webrtc',
                include: webrtcFiles,
                globalSetup: ['tests/support/global-setup.ts'],
                fileParallelism: false,
                testTimeout: 180_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
    ],
  },
});
