import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['server', 'shared', 'e2e', 'lint'],
  },
});
