import { defineConfig } from 'vitest/config';

/**
 * The whole suite, run by `npm test`. The global setup makes sure a real PostgreSQL and a real
 * Redis are reachable (the machine's, when DATABASE_URL / REDIS_URL are given; otherwise ones it
 * starts itself) and the setup file hands their addresses to every test file.
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/globalSetup.ts'],
    setupFiles: ['tests/setup/testEnv.ts'],
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit+integration',
          // Groups run one after another: the browser tests get the two cores to themselves
          // instead of sharing them with server processes and bots.
          sequence: { groupOrder: 0 },
          include: ['packages/*/src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Browser tests share two cores with the SFU: one file at a time keeps timings honest.
          fileParallelism: false,
          // A screen reaches a state when its page has loaded and asked the server: on two shared
          // cores that can take more than expect.poll's default second (a chair's heading took
          // longer in a CI run while two server nodes and Chromium started). Checks of how fast
          // something happens give their own bound.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
