import { defineConfig } from 'vitest/config';

const serverSuite = (db: 'pglite' | 'postgres') => ({
  test: {
    name: `server-${db}`,
    include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
    env: { COTEJO_TEST_DB: db },
  },
});

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'protocol',
          include: ['packages/protocol/src/**/*.test.ts', 'test/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'sync-client',
          include: [
            'packages/sync-client/src/**/*.test.ts',
            'packages/sync-client/test/**/*.test.ts',
          ],
        },
      },
      { extends: true, ...serverSuite('pglite') },
      { extends: true, ...serverSuite('postgres') },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'web', include: ['packages/web/src/**/*.test.ts'] },
      },
      {
        extends: true,
        // Real processes killed, databases restarted, networks cut (`npm run test:faults`).
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Debian's Chromium driven by playwright-core against `npm start` (scripts/demo.ts).
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
