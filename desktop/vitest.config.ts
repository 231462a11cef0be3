import { defineProject } from 'vitest/config';
import { sourceAliases } from '../vitest.shared.js';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'desktop',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Tests that load Automerge's WebAssembly or render whole screens take seconds on a busy 2-core
    // machine; 5 s (vitest's default) failed them for being slow, not wrong.
    testTimeout: 20_000,
  },
});
