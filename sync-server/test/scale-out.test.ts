// Several relay processes on one PostgreSQL database and one Redis (issue 10): clients on either
// process converge; a publisher killed mid-publication is taken over and every entry is published
// exactly once; Redis going away loses no acknowledged update and readers catch up when it is back.
// Runs in the sync-server-postgres project (HEARTH_TEST_ENGINE=postgres) against the Redis at
// HEARTH_TEST_REDIS (default redis://127.0.0.1:6379) — each test on a channel prefix of its own,
// and the Redis restart on a private redis-server, so other test runs sharing the server are
// untouched. Without PostgreSQL or Redis these tests fail; they are not skipped.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { putDirectoryRecords, readInbox, readSpace, writeAcknowledgement, writeComment, writePost, writeReaction } from '@hearth/core';
import { createLogger } from '../src/log.js';
import { startRelay, type RunningRelay } from '../src/server/relay.js';
import { openStorage } from '../src/storage/open-storage.js';
import { connectProvider, person, runAdmin, synced, TEST_ENGINE, tempDataDir, waitFor, type TestClient, bucketNow } from './helpers.js';
import { scaleOutDatabase, sharedKeys, startTwoRelays, TEST_REDIS } from './scale-out-harness.js';

const BIN = fileURLToPath(new URL('../bin/hearth-relay.js', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)));
const demoPolicy = JSON.parse((await import('node:fs')).readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;
const PEOPLE = ['alice', 'bob', 'carol'];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.runIf(TEST_ENGINE === 'postgres')('relay processes on one PostgreSQL and one Redis', () => {
  const cleanups: Array<() => unknown> = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  const database = () => scaleOutDatabase(cleanups);
  const relays = (postgres: string, redis: string, leaseTtlMs = 10_000) => startTwoRelays(cleanups, postgres, redis, { leaseTtlMs, people: PEOPLE, policy: demoPolicy });

  async function open(relay: RunningRelay, who: string, room: string): Promise<TestClient> {
    const c = connectProvider(relay.url, room, await relay.mintToken(who));
    clients.push(c);
    await synced(c);
    return c;
  }

  it('clients on either process converge on posts, comments, reactions and inbox notices', async () => {
    const [a, b] = await relays(await database(), TEST_REDIS);
    const spaceOnA = await open(a, 'carol', bucketNow('general'));
    const spaceOnB = await open(b, 'carol', bucketNow('general'));
    const aliceInbox = await open(a, 'alice', 'inbox/alice');
    const alice = await open(a, 'alice', 'outbox/alice');
    const bob = await open(b, 'bob', 'outbox/bob');
    const carol = await open(b, 'carol', 'outbox/carol');
    for (const c of [alice, bob, carol]) writeAcknowledgement(c.doc, { policyVersion: 3 });
    const post = writePost(alice.doc, { space: 'general', body: 'Canteen opens at eight from Monday.' });
    await waitFor(() => readSpace(spaceOnB.doc).posts.some((p) => p.id === post), 10_000, 'post on the other process');
    const comment = writeComment(bob.doc, { space: 'general', post, body: 'Thanks, good to know.' });
    writeReaction(carol.doc, { space: 'general', target: post, emoji: '👍' });
    const converged = (doc: Y.Doc) => {
      const p = readSpace(doc).posts.find((x) => x.id === post);
      return p !== undefined && p.comments.some((c) => c.id === comment) && Object.keys(p.reactions).length === 1;
    };
    await waitFor(() => converged(spaceOnA.doc) && converged(spaceOnB.doc), 15_000, 'both readers see post, comment and reaction');
    // Bob's reply, published by whichever process holds his outbox's lease, reaches Alice on the other.
    await waitFor(() => readInbox(aliceInbox.doc).notices.some((n) => n.kind === 'reply' && n.entryId === comment), 10_000, 'reply notice');
    expect(Y.encodeStateVector(spaceOnA.doc)).toEqual(Y.encodeStateVector(spaceOnB.doc));
    // Awareness crosses processes too.
    spaceOnA.provider.awareness.setLocalStateField('user', { id: 'carol' });
    await waitFor(() => [...spaceOnB.provider.awareness.getStates().values()].some((s) => (s as { user?: { id?: string } }).user?.id === 'carol'), 10_000, 'awareness from the other process');
  });

  it('Redis going away loses no acknowledged update; readers on the other process catch up when it is back', async () => {
    const port = await freePort();
    const startRedis = () => {
      const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      return proc;
    };
    let redis: ChildProcess = startRedis();
    cleanups.push(() => redis.kill('SIGKILL'));
    await waitFor(async () => (await fetchPing(port)) === true, 5000, 'private redis');
    const [a, b] = await relays(await database(), `redis://127.0.0.1:${port}`);
    const reader = await open(b, 'carol', bucketNow('general'));
    const alice = await open(a, 'alice', 'outbox/alice');
    writeAcknowledgement(alice.doc, { policyVersion: 3 });
    const first = writePost(alice.doc, { space: 'general', body: 'Before the outage.' });
    await waitFor(() => readSpace(reader.doc).posts.some((p) => p.id === first), 10_000, 'first post');

    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    const during = [writePost(alice.doc, { space: 'general', body: 'During the outage, one.' }), writePost(alice.doc, { space: 'general', body: 'During the outage, two.' })];
    // Stored (and published) by process A while Redis is gone: acknowledged, in the database.
    const spaceOnA = await a.host.open(bucketNow('general'));
    await waitFor(() => during.every((id) => readSpace(spaceOnA).posts.some((p) => p.id === id)), 10_000, 'published on A during the outage');
    expect(readSpace(reader.doc).posts.some((p) => during.includes(p.id))).toBe(false);

    redis = startRedis();
    await waitFor(() => during.every((id) => readSpace(reader.doc).posts.some((p) => p.id === id)), 15_000, 'reader on B caught up');
    const after = writePost(alice.doc, { space: 'general', body: 'After the outage.' });
    await waitFor(() => readSpace(reader.doc).posts.some((p) => p.id === after), 10_000, 'live again');
  });

  describe.skipIf(!BUILT)('built CLI processes', () => {
    it('a publisher killed mid-publication is taken over: every entry published exactly once, nothing acknowledged lost', async () => {
      const postgres = await database();
      const prefix = `hearth-test-${randomBytes(4).toString('hex')}:`;
      const dirs = [tempDataDir(), tempDataDir()];
      cleanups.push(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
      const env = { ...process.env, HEARTH_LOG_LEVEL: 'silent', HEARTH_LEASE_TTL_MS: '1500', HEARTH_REDIS_PREFIX: prefix };
      const serve = async (dataDir: string) => {
        const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir, '--postgres', postgres, '--redis', TEST_REDIS], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        cleanups.push(() => proc.exitCode === null && proc.kill('SIGKILL'));
        let out = '';
        const url = await new Promise<string>((resolve, reject) => {
          proc.stdout!.on('data', (c: Buffer) => {
            out += c.toString();
            const m = /^listening on (ws:\/\/\S+)$/m.exec(out);
            if (m) resolve(m[1]!);
          });
          proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
          proc.once('exit', (code) => reject(new Error(`relay exited (${code}): ${out}`)));
        });
        return { proc, url };
      };
      // Set up the company through an in-process relay on the same database, then stop it.
      const setupDir = tempDataDir();
      cleanups.push(() => rmSync(setupDir, { recursive: true, force: true }));
      const setup = await startRelay({ port: 0, host: '127.0.0.1', dataDir: setupDir, postgres, logger: createLogger() });
      await setup.host.write('directory', (doc) => putDirectoryRecords(doc, PEOPLE.map((p) => person(p))));
      await runAdmin(setup, 'policy-set', { source: demoPolicy });
      await runAdmin(setup, 'space-create', { id: 'general', name: 'General' });
      const token = await setup.mintToken('alice');
      await setup.stop();
      sharedKeys(setupDir, dirs[0]!);
      sharedKeys(setupDir, dirs[1]!);
      // A is a child process (to be killed); B runs in this process.
      const a = await serve(dirs[0]!);
      const b = await startRelay({ port: 0, host: '127.0.0.1', dataDir: dirs[1]!, postgres, redis: TEST_REDIS, redisPrefix: prefix, leaseTtlMs: 1500, logger: createLogger() });
      cleanups.push(() => b.stop());

      // Alice's second device is on B: B hears of her outbox, but A (where she writes) holds its lease.
      const onB = connectProvider(b.url, 'outbox/alice', token);
      const reader = connectProvider(b.url, bucketNow('general'), token);
      const laptop = connectProvider(a.url, 'outbox/alice', token);
      clients.push(onB, reader, laptop);
      await Promise.all([synced(onB), synced(reader), synced(laptop)]);
      const ids: string[] = [];
      laptop.doc.transact(() => {
        writeAcknowledgement(laptop.doc, { policyVersion: 3 });
        for (let i = 0; i < 12; i++) ids.push(writePost(laptop.doc, { space: 'general', body: `Shift handover note ${i + 1}.` }));
      });
      await waitFor(() => laptop.notices.some((n) => n.type === 'stored'), 10_000, 'stored on A');
      await waitFor(() => readSpace(reader.doc).posts.some((p) => ids.includes(p.id)), 20_000, 'publication under way');
      a.proc.kill('SIGKILL');

      await waitFor(() => ids.every((id) => readSpace(reader.doc).posts.some((p) => p.id === id)), 30_000, 'B published the rest');
      const storage = await openStorage({ engine: 'postgres', url: postgres });
      try {
        await waitFor(async () => (await storage.db.selectFrom('publication_state').select('entry_id').where('entry_id', 'in', ids).execute()).length === ids.length, 10_000, 'all recorded');
        const journaled = await storage.db.selectFrom('audit_journal').select('entry').where('kind', '=', 'publication').where('entry', 'in', ids).execute();
        // Exactly once: one publication record per entry, whichever process recorded it.
        expect(journaled.map((r) => r.entry).sort()).toEqual([...ids].sort());
        const states = await storage.db.selectFrom('publication_state').select(['entry_id', 'version', 'outcome']).where('entry_id', 'in', ids).execute();
        expect(states.every((s) => s.version === 1 && s.outcome === 'published')).toBe(true);
        // Nothing acknowledged is missing: every entry is in the stored outbox.
        const outbox = new Y.Doc();
        for (const row of await storage.db.selectFrom('room_updates').select('data').where('room', '=', 'outbox/alice').orderBy('seq').execute()) Y.applyUpdate(outbox, row.data);
        for (const id of ids) expect(outbox.getMap('entries').has(id)).toBe(true);
      } finally {
        await storage.close();
      }
      expect(readSpace(reader.doc).posts.filter((p) => ids.includes(p.id))).toHaveLength(ids.length);
    }, 120_000);
  });
});

async function fetchPing(port: number): Promise<boolean> {
  const { Redis } = await import('ioredis');
  const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}
