// The relay's integration tests again, on PostgreSQL: the same files as `vitest.config.ts` (one
// suite, parameterised by HEARTH_TEST_ENGINE in test/helpers.ts), each test relay on a fresh
// database of its own. Unit tests under src/ do not depend on the engine and run once.
import { defineProject, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineProject({
    test: {
      name: 'sync-server-postgres',
      include: ['test/**/*.test.ts'],
      env: { HEARTH_TEST_ENGINE: 'postgres' },
    },
  }),
  false,
);
