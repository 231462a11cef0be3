// End-to-end tests: a real relay (demo mode, temp data dir, serving the web build) and Debian's
// Chromium driven by playwright-core. Run with `npm run e2e -w @hearth/desktop` (builds first).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'desktop-e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['*.e2e.ts'],
    environment: 'node',
    // The relay runs as a child process from its build: build core and the relay first.
    globalSetup: ['../../scripts/build-relay.mjs'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // One browser and one relay per file; files run one after another to keep the machine calm.
    fileParallelism: false,
  },
});
