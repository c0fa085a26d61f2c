import { defineConfig } from 'vitest/config';

// Beside shared/'s tests in one group: vitest refuses projects with different maxWorkers (server uses 2) in one group.
export default defineConfig({
  test: { name: 'lint', include: ['*.test.js'], testTimeout: 120_000, sequence: { groupOrder: 1 } },
});
