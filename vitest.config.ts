import { connect } from 'node:net';
import { defineConfig } from 'vitest/config';

/**
 * The relay's integration tests run on SQLite and again on PostgreSQL (sync-server-postgres). Without
 * a reachable server (a fresh clone on a laptop) the PostgreSQL run is left out, said so; under CI
 * it always runs, so a missing service fails the build instead of skipping it.
 */
async function postgresReachable(): Promise<boolean> {
  const url = new URL(process.env.HEARTH_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test');
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 5432), timeout: 2000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

export default defineConfig(async () => {
  const postgres = process.env.CI !== undefined || (await postgresReachable());
  if (!postgres) console.warn('PostgreSQL is not reachable: the relay tests run on SQLite only (set HEARTH_TEST_POSTGRES, or start it).');
  return {
    test: {
      projects: [
        'core',
        'sync-server',
        ...(postgres ? ['sync-server/vitest.postgres.config.ts'] : []),
        'desktop',
        // The repository's own scripts (npm start's supervision).
        { test: { name: 'scripts', include: ['scripts/**/*.test.mjs'], environment: 'node' } },
      ],
    },
  };
});
