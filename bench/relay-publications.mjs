// Publications per second of one relay process, on SQLite and on PostgreSQL, through the full
// pipeline: outbox entries stored while the relay was down are published when it starts (validate,
// judge with the behaviour policy, publish into the space, record the publication state and the
// audit record in one transaction). Authors are many (each stays under the posting-rate rule), so
// every entry is published; a run that publishes fewer exits 1.
//
// Needs `npx tsc -b`. PostgreSQL from HEARTH_BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432/test;
// a database of its own is created and dropped); left out, said so, when none answers. Usage:
//   node bench/relay-publications.mjs [--authors 200] [--posts 5]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import * as Y from 'yjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
if (!existsSync(join(repo, 'sync-server/dist/index.js')) || !existsSync(join(repo, 'core/dist/index.js'))) {
  console.error('No build: run `npx tsc -b` first.');
  process.exit(1);
}
const { putDirectoryRecords, writeAcknowledgement, writePost } = await import('@hearth/core');
const { startRelay } = await import('../sync-server/dist/server/relay.js');
const { openStorage, storageConfig } = await import('../sync-server/dist/storage/open-storage.js');
const { adminOperations } = await import('../sync-server/dist/admin/index.js');
const { createLogger } = await import('../sync-server/dist/log.js');

const { values } = parseArgs({ options: { authors: { type: 'string', default: '200' }, posts: { type: 'string', default: '5' } } });
const AUTHORS = Number(values.authors);
const POSTS = Number(values.posts);
const policy = JSON.parse(readFileSync(join(repo, 'assets/demo/policy.json'), 'utf8'));
const people = Array.from({ length: AUTHORS }, (_, i) => ({
  id: `author${i}`,
  email: `author${i}@example.com`,
  givenName: 'Ana',
  familyName: ['Martin', 'Okafor', 'Lindqvist', 'Moreau'][i % 4],
  title: 'Engineer',
  department: 'Engineering',
  location: 'London',
  country: 'GB',
  manager: null,
  roles: ['employee'],
  status: 'active',
}));

async function run(engine, postgres) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-pub-'));
  const logger = createLogger('silent');
  const options = { port: 0, host: '127.0.0.1', dataDir, logger, ...(postgres ? { postgres } : {}) };
  try {
    const setup = await startRelay(options);
    await setup.host.write('directory', (doc) => putDirectoryRecords(doc, people));
    const ctx = { host: setup.host, db: setup.storage.db };
    await adminOperations['policy-set'](ctx, { source: policy });
    await adminOperations['space-create'](ctx, { id: 'general', name: 'General' });
    await setup.stop();
    // The authors' devices had sent their entries; the relay stopped before publishing them.
    const storage = await openStorage(storageConfig(dataDir, postgres));
    for (const p of people) {
      const doc = new Y.Doc();
      writeAcknowledgement(doc, { policyVersion: policy.version });
      for (let i = 0; i < POSTS; i++) writePost(doc, { space: 'general', body: `Weekly note ${i + 1} from ${p.id}: the build is green.` });
      await storage.rooms.append(`outbox/${p.id}`, [Y.encodeStateAsUpdate(doc)]);
    }
    await storage.close();
    const expected = AUTHORS * POSTS;
    const started = performance.now();
    const relay = await startRelay(options);
    const count = async () =>
      Number((await relay.storage.db.selectFrom('publication_state').select((eb) => eb.fn.countAll().as('n')).where('outcome', '=', 'published').executeTakeFirst()).n);
    let n = 0;
    const deadline = Date.now() + 600_000;
    while ((n = await count()) < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const seconds = (performance.now() - started) / 1000;
    await relay.stop();
    console.log(`${engine.padEnd(10)} ${n}/${expected} published in ${seconds.toFixed(1)} s: ${(n / seconds).toFixed(0)} publications/s (one process, ${AUTHORS} authors × ${POSTS} posts)`);
    return n === expected;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`cpus ${cpus().length}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
let ok = await run('sqlite', undefined);
const admin = process.env.HEARTH_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 });
let reachable = true;
await client.connect().catch(() => (reachable = false));
if (!reachable) {
  console.log('postgres   left out: no PostgreSQL at', admin);
} else {
  const name = `hearth_bench_${process.pid}`;
  await client.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    ok = (await run('postgres', url.toString())) && ok;
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}
if (!ok) {
  console.log('LOST POSTS: some entries were not published');
  process.exit(1);
}
