// A full disk: the relay refuses what it cannot store — no broadcast, no `stored`, nothing kept in
// memory — tells the sender to try again later (1013), reports not-ready, and once space is back the
// client's resent update is stored, acknowledged and reaches the other device. The disk is "filled"
// deterministically: SQLite's max_page_count on the relay's own database handle, or on PostgreSQL a
// trigger raising disk_full (53100).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../src/protocol/close-codes.js';
import { sql } from 'kysely';
import { connectProvider, fetchMetrics, startTestRelay, synced, TEST_ENGINE, waitFor } from './helpers.js';
import type { TestClient, TestRelay } from './helpers.js';

/**
 * SQLite: caps the database at its current size and uses up its free pages, so the next page it
 * needs fails with SQLITE_FULL. PostgreSQL (whose disk cannot be filled from a test): every insert
 * into the room log and the probe table fails with disk_full (SQLSTATE 53100), raised by a trigger
 * — the same error a full tablespace gives, through the same code path.
 */
async function fillDisk(relay: TestRelay): Promise<void> {
  const { db } = relay.storage;
  if (TEST_ENGINE === 'postgres') {
    await sql`CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`.execute(db);
    for (const table of ['room_updates', 'room_write_probe']) {
      await sql`CREATE TRIGGER test_disk_full BEFORE INSERT ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION test_disk_full()`.execute(db);
    }
    return;
  }
  await sql`CREATE TABLE IF NOT EXISTS test_filler (data BLOB NOT NULL)`.execute(db);
  const pages = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(db)).rows[0]!.page_count;
  await sql.raw(`PRAGMA max_page_count = ${pages}`).execute(db);
  for (let i = 0; i < 100_000; i++) {
    try {
      await sql`INSERT INTO test_filler (data) VALUES (zeroblob(512))`.execute(db);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_FULL') return;
      throw err;
    }
  }
  throw new Error('the database never filled');
}

async function freeDisk(relay: TestRelay): Promise<void> {
  const { db } = relay.storage;
  if (TEST_ENGINE === 'postgres') {
    await sql`DROP FUNCTION IF EXISTS test_disk_full() CASCADE`.execute(db);
    return;
  }
  await sql`PRAGMA max_page_count = 1073741823`.execute(db);
}

const health = async (relay: TestRelay) => {
  const res = await fetch(`http://127.0.0.1:${relay.port}/healthz`);
  return { status: res.status, body: (await res.json()) as { db: string } };
};

const storeFailures = async (relay: TestRelay): Promise<number> => {
  const text = await fetchMetrics(relay);
  return text
    .split('\n')
    .filter((l) => l.startsWith('hearth_relay_store_failures_total{'))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
};

/** Whether the client's latest `stored` notice covers everything the client itself wrote. */
function acknowledged(client: TestClient): boolean {
  const mine = Y.decodeStateVector(Y.encodeStateVector(client.doc)).get(client.doc.clientID) ?? 0;
  return client.notices.some((n) => {
    if (n.type !== 'stored') return false;
    const sv = Y.decodeStateVector(Buffer.from(n.stateVector, 'base64'));
    return (sv.get(client.doc.clientID) ?? 0) >= mine;
  });
}

describe('full disk', () => {
  let relay: TestRelay;
  beforeEach(async () => {
    relay = await startTestRelay();
  });
  afterEach(async () => {
    await freeDisk(relay);
    await relay.cleanup();
  });

  it('refuses an update it cannot store, loses nothing, and takes it once space is back', async () => {
    const token = await relay.mintToken('alice');
    const laptop = connectProvider(relay.url, 'outbox/alice', token);
    const phone = connectProvider(relay.url, 'outbox/alice', token);
    await Promise.all([synced(laptop), synced(phone)]);
    laptop.doc.getMap('entries').set('before', 'stored fine');
    await waitFor(() => acknowledged(laptop) && phone.doc.getMap('entries').get('before') === 'stored fine');
    const failuresBefore = await storeFailures(relay);
    expect((await health(relay)).status).toBe(200);

    await fillDisk(relay);
    laptop.notices.length = 0;
    // Larger than a page, so storing it needs a page the database may not have.
    laptop.doc.getMap('entries').set('during', 'x'.repeat(6000));
    await waitFor(() => laptop.closes.includes(CloseCode.tryAgainLater), 5000, 'close 1013');
    expect(laptop.notices).toContainEqual({ type: 'error', code: 1013, message: 'storage full, try again later' });
    expect(laptop.notices.some((n) => n.type === 'stored')).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    // Not broadcast, not kept in memory (a new reader would otherwise get it), not on disk.
    expect(phone.doc.getMap('entries').has('during')).toBe(false);
    expect(phone.provider.wsconnected).toBe(true);
    expect((await relay.host.open('outbox/alice')).getMap('entries').has('during')).toBe(false);
    const log = new Y.Doc();
    for (const u of await relay.storage.rooms.load('outbox/alice')) Y.applyUpdate(log, u);
    expect(log.getMap('entries').toJSON()).toEqual({ before: 'stored fine' });
    expect(await health(relay)).toEqual({ status: 503, body: { status: 'unavailable', db: 'full', catchingUp: false } });
    expect(await storeFailures(relay)).toBeGreaterThan(failuresBefore);
    // Relay-authored writes fail too, and say so.
    await expect(relay.host.write('outbox/alice', (doc) => doc.getMap('relay').set('r', 'y'.repeat(6000)))).rejects.toThrow();

    await freeDisk(relay);
    // The stock provider reconnects after 1013 and resends what the relay lacks.
    await waitFor(() => acknowledged(laptop), 10_000, 'stored after space is back');
    await waitFor(() => phone.doc.getMap('entries').get('during') === 'x'.repeat(6000), 5000, 'other device');
    expect((await health(relay)).status).toBe(200);
    const after = new Y.Doc();
    for (const u of await relay.storage.rooms.load('outbox/alice')) Y.applyUpdate(after, u);
    expect(after.getMap('entries').get('during')).toBe('x'.repeat(6000));
    laptop.destroy();
    phone.destroy();
  });
});
