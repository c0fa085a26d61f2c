import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(new URL('../server/package.json', import.meta.url));

/**
 * Checks on the built SPA: the initial-JS budget and the browser flows in headless Chromium against
 * the real server. One global setup builds the client once and starts PostgreSQL once.
 */
export default defineConfig({
  // One graphql instance for the server code under test (see server/vitest.config.ts).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    globalSetup: ['../server/test/global-setup.ts', './build-client.ts'],
    testTimeout: 60_000,
    // A page on a busy machine can take seconds to show a change; a poll waits as long as a locator does.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    // Its own group: vitest refuses projects with different maxWorkers in one group.
    sequence: { groupOrder: 2 },
  },
});
