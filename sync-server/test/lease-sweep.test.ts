// Dead leases (issue 10): a process that dies holding a lease leaves it expired but never released.
// Another process takes the work over even when nobody asks for it again — the sweep finds such
// leases and hands each to the work it names, which acquires it as usual. Here the dead process is
// played by its traces: an outbox update it stored and an `outbox:` lease it never released.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSpace, writeAcknowledgement, writePost } from '@hearth/core';
import { createLogger } from '../src/log.js';
import { LEASE_POLL_MS, Leases } from '../src/storage/leases.js';
import { startLeaseSweep } from '../src/storage/lease-sweep.js';
import { clientPool, openTestStorage, removeTestData, runAdmin, startTestRelay, TEST_ENGINE, tempDataDir, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as { version: number };

describe('abandoned leases', () => {
  it('are the expired ones nobody released, and each is handed to the work it names', async () => {
    const dir = tempDataDir();
    const storage = await openTestStorage(dir);
    try {
      let now = 1_000_000;
      const dead = new Leases(storage.db, 1000, () => now);
      const alive = new Leases(storage.db, 1000, () => now);
      const done = await alive.acquire('outbox:bob');
      await done!.release(); // finished: not abandoned
      await dead.acquire('outbox:alice');
      await dead.acquire('case:c1');
      await dead.acquire('retention');
      await alive.acquire('outbox:carol'); // held and renewed: not abandoned
      now += 1500;
      await (await alive.acquire('outbox:carol'))!.renew();
      expect(await alive.abandoned()).toEqual(['case:c1', 'outbox:alice', 'retention']);
      const handed: string[] = [];
      const sweep = startLeaseSweep(alive, { 'outbox:': (p) => handed.push(`publish ${p}`), 'case:': (c) => handed.push(`case ${c}`), retention: () => handed.push('retention') }, createLogger('silent'), 60_000);
      await sweep.sweep();
      sweep.stop();
      expect(handed).toEqual(['case c1', 'publish alice', 'retention']);
      // Taken: the new holder's token is higher, and the dead holder's fence fails.
      const taken = await alive.acquire('outbox:alice');
      expect(taken?.token).toBe(2);
    } finally {
      await storage.close();
      await removeTestData(dir);
    }
  });
});

describe('a busy lease', () => {
  it('is asked for again soon, not only when it expires: holders release long before that', async () => {
    const dir = tempDataDir();
    const storage = await openTestStorage(dir);
    try {
      const holder = new Leases(storage.db, 60_000);
      const waiter = new Leases(storage.db, 60_000);
      const held = await holder.acquire('bucket-migration');
      expect(await waiter.acquire('bucket-migration')).toBeNull();
      // A minute until it expires, yet the waiter looks again within LEASE_POLL_MS...
      expect(await waiter.freeIn('bucket-migration')).toBeGreaterThan(50_000);
      expect(await waiter.retryIn('bucket-migration')).toBe(LEASE_POLL_MS);
      // ...and gets it as soon as the holder is done.
      await held!.release();
      expect(await waiter.retryIn('bucket-migration')).toBe(0);
      expect(await waiter.acquire('bucket-migration')).not.toBeNull();
    } finally {
      await storage.close();
      await removeTestData(dir);
    }
  });
});

describe.runIf(TEST_ENGINE === 'postgres')('a relay process on PostgreSQL', () => {
  let relay: TestRelay;
  const pool = clientPool(() => relay);
  afterAll(async () => {
    pool.destroyAll();
    await relay.cleanup();
  });

  it('publishes the entries of an outbox whose publisher died holding its lease, once, with nobody writing to it again', async () => {
    relay = await startTestRelay({ leaseTtlMs: 400 }, ['alice', 'bob']);
    await runAdmin(relay, 'policy-set', { source: demoPolicy });
    await runAdmin(relay, 'space-create', { id: 'general', name: 'General' });
    const reader = await pool.open('bob', bucketNow('general'));
    // What another process left behind: alice's update, stored (acknowledged to her device), and the
    // lease it took to publish it — then SIGKILL, before it published or told anyone.
    const device = new Y.Doc();
    writeAcknowledgement(device, { policyVersion: demoPolicy.version });
    const post = writePost(device, { space: 'general', body: 'Written just before the other process died.' });
    await relay.storage.rooms.append('outbox/alice', [Y.encodeStateAsUpdate(device)]);
    await relay.storage.db.insertInto('leases').values({ name: 'outbox:alice', holder: 'dead-process', token: 7, expires_at: Date.now() + 300 }).execute();

    await waitFor(() => readSpace(reader.doc).posts.some((p) => p.id === post), 15_000, 'published by the sweep');
    // Recorded once the pass is through (the record is its last write).
    const recorded = async () => (await relay.storage.db.selectFrom('publication_state').select('outcome').where('entry_id', '=', post).executeTakeFirst())?.outcome;
    await waitFor(async () => (await recorded()) === 'published', 10_000, 'recorded');
    await waitFor(async () => (await relay.storage.db.selectFrom('leases').select('expires_at').where('name', '=', 'outbox:alice').executeTakeFirstOrThrow()).expires_at === 0, 10_000, 'released');
    const states = await relay.storage.db.selectFrom('publication_state').select(['entry_id', 'outcome', 'version']).where('owner', '=', 'alice').execute();
    expect(states.filter((s) => s.entry_id === post)).toEqual([{ entry_id: post, outcome: 'published', version: 1 }]);
    const journaled = await relay.storage.db.selectFrom('audit_journal').select('entry').where('kind', '=', 'publication').where('entry', '=', post).execute();
    expect(journaled).toHaveLength(1);
    // Released by its new holder, with a newer fencing token.
    const lease = await relay.storage.db.selectFrom('leases').selectAll().where('name', '=', 'outbox:alice').executeTakeFirstOrThrow();
    expect(lease.token).toBeGreaterThan(7);
    expect(lease.expires_at).toBe(0);
    expect(readSpace(reader.doc).posts.filter((p) => p.id === post)).toHaveLength(1);
  });
});
