// Shared by the relay publication benchmarks (bench/relay-publications.mjs, bench/relay-outbox-history.mjs):
// a company set up on a stopped relay's storage with outboxes written while it was down, and a
// scratch PostgreSQL database. Not a benchmark itself (bench/run.mjs runs only bench/*.mjs).
import pg from 'pg';
import * as Y from 'yjs';
import { repo } from './build.mjs';

export { repo };
const { putDirectoryRecords } = await import('@hearth/core');
export const { startRelay } = await import('../../sync-server/dist/server/relay.js');
export const { openStorage, storageConfig } = await import('../../sync-server/dist/storage/open-storage.js');
const { adminOperations } = await import('../../sync-server/dist/admin/index.js');
export const { createLogger } = await import('../../sync-server/dist/log.js');

/**
 * Sets up the company (directory, policy, the space `general`) through a relay started and stopped on
 * `dataDir` (and `postgres`), then stores each outbox's document unpublished: the authors' devices had
 * sent their entries and the relay stopped before publishing them.
 */
export async function prepareCompany({ dataDir, postgres, people, policy, outboxes }) {
  const setup = await startRelay({ port: 0, host: '127.0.0.1', dataDir, logger: createLogger('silent'), ...(postgres ? { postgres } : {}) });
  await setup.host.write('directory', (doc) => putDirectoryRecords(doc, people));
  const ctx = { host: setup.host, db: setup.storage.db };
  await adminOperations['policy-set'](ctx, { source: policy });
  await adminOperations['space-create'](ctx, { id: 'general', name: 'General' });
  await setup.stop();
  const storage = await openStorage(storageConfig(dataDir, postgres));
  for (const [person, doc] of outboxes) await storage.rooms.append(`outbox/${person}`, [Y.encodeStateAsUpdate(doc)]);
  await storage.close();
}

/** The PostgreSQL server to create scratch databases on (HEARTH_BENCH_POSTGRES), connected; null when none answers. */
export async function postgresAdmin() {
  const admin = process.env.HEARTH_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    console.log('postgres   left out: no PostgreSQL at', admin);
    return null;
  }
  return {
    client,
    /** Runs `fn` with the URL of a fresh database `name`, dropped afterwards. */
    async scratch(name, fn) {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
      try {
        const url = new URL(admin);
        url.pathname = `/${name}`;
        return await fn(url.toString());
      } finally {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
    end: () => client.end(),
  };
}
