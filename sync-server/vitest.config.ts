import { defineProject } from 'vitest/config';
import { sourceAliases } from '../vitest.shared.js';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'sync-server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // The process tests run the built CLI: build core and the relay first (a no-op when up to date).
    globalSetup: ['../scripts/build-relay.mjs'],
    env: { HEARTH_LOG_LEVEL: process.env.HEARTH_LOG_LEVEL ?? 'silent' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
