import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'core',
      'sync-server',
      'desktop',
      // The repository's own scripts (npm start's supervision).
      { test: { name: 'scripts', include: ['scripts/**/*.test.mjs'], environment: 'node' } },
    ],
  },
});
