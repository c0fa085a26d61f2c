import { defineConfig } from 'vitest/config';

// Its own group: vitest refuses projects with different maxWorkers (server uses 2) in one group.
export default defineConfig({ test: { name: 'shared', include: ['src/**/*.test.ts'], sequence: { groupOrder: 1 } } });
