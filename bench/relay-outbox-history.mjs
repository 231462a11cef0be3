// The cost of a long outbox: how long one new post takes to be published for a person whose outbox
// already holds --history published entries, on SQLite and on PostgreSQL. Why it matters: every
// change to an outbox starts a publication pass over the whole outbox, and a person who has used
// Hearth for years has thousands of entries in it. Each entry already judged must cost next to
// nothing (no database round trip per entry).
//
// One relay in this process; the person's old entries are stored while it is down and published as
// it starts (the posting-rate rule is left out of this company's policy, so all of them publish);
// then the person's device writes --posts new posts one at a time, each timed from the write to its
// publication record. Exits 1 when a post is not published.
//
// Needs `npx tsc -b`. PostgreSQL from HEARTH_BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432/test;
// a database of its own is created and dropped); left out, said so, when none answers. Usage:
//   node bench/relay-outbox-history.mjs [--history 2000] [--posts 20]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createLogger, postgresAdmin, prepareCompany, repo, startRelay } from './lib/relay-company.mjs';

const { writeAcknowledgement, writePost } = await import('@hearth/core');

const { values } = parseArgs({ options: { history: { type: 'string', default: '2000' }, posts: { type: 'string', default: '20' } } });
const HISTORY = Number(values.history);
const POSTS = Number(values.posts);
const PERSON = 'author0';
const demoPolicy = JSON.parse(readFileSync(join(repo, 'assets/demo/policy.json'), 'utf8'));
// The rate rule would hold most of a long history written at once: left out, so every entry publishes.
const policy = { ...demoPolicy, rules: demoPolicy.rules.filter((r) => r.kind !== 'posting-rate') };
const person = { id: PERSON, email: 'ana@example.com', givenName: 'Ana', familyName: 'Martin', title: 'Engineer', department: 'Engineering', location: 'London', country: 'GB', manager: null, roles: ['employee'], status: 'active' };

const published = async (db, id) =>
  id === undefined
    ? Number((await db.selectFrom('publication_state').select((eb) => eb.fn.countAll().as('n')).where('outcome', '=', 'published').executeTakeFirst()).n)
    : (await db.selectFrom('publication_state').select('outcome').where('entry_id', '=', id).executeTakeFirst())?.outcome === 'published';

async function until(check, ms, what) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

async function run(label, postgres) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-history-'));
  try {
    const old = new Y.Doc();
    writeAcknowledgement(old, { policyVersion: policy.version });
    for (let i = 0; i < HISTORY; i++) writePost(old, { space: 'general', body: `Weekly note ${i + 1}: the build is green.` });
    await prepareCompany({ dataDir, postgres, people: [person], policy, outboxes: [[PERSON, old]] });

    const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir, logger: createLogger('silent'), ...(postgres ? { postgres } : {}) });
    const db = relay.storage.db;
    const t0 = performance.now();
    await until(async () => (await published(db)) >= HISTORY, 600_000, 'history published');
    const catchUp = (performance.now() - t0) / 1000;

    const doc = new Y.Doc();
    const token = await relay.mintToken(PERSON);
    const provider = new WebsocketProvider(relay.url, `outbox/${PERSON}`, doc, { params: { token }, WebSocketPolyfill: WebSocket, disableBc: true });
    await until(() => provider.synced, 60_000, 'outbox synced');
    const latencies = [];
    for (let i = 0; i < POSTS; i++) {
      const started = performance.now();
      const id = writePost(doc, { space: 'general', body: `New note ${i + 1}.` });
      await until(() => published(db, id), 60_000, `post ${i + 1} published`);
      latencies.push(performance.now() - started);
    }
    // The provider's awareness keeps an interval of its own that destroy() may leave running (the
    // process would then never exit): destroyed explicitly.
    provider.awareness.destroy();
    provider.destroy();
    doc.destroy();
    await relay.stop();
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))].toFixed(1);
    console.log(`${label.padEnd(10)} history ${HISTORY} published in ${catchUp.toFixed(1)} s; a new post published after p50 ${at(0.5)} ms, p90 ${at(0.9)} ms (${POSTS} posts, load ${loadavg()[0].toFixed(1)})`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`cpus ${cpus().length}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await run('sqlite', undefined);
const postgres = await postgresAdmin();
if (postgres !== null) {
  try {
    await postgres.scratch(`hearth_bench_history_${process.pid}`, (url) => run('postgres', url));
  } finally {
    await postgres.end();
  }
}
