// The storage layer on either engine (HEARTH_TEST_ENGINE): the room log (append, load, list,
// compaction, group commit), migrations on start, a database from a newer relay refused, health,
// and the engine's durability settings.
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrationsFor } from '../src/storage/migrations.js';
import { openSqliteStorage, type StorageOptions } from '../src/storage/open-storage.js';
import type { Storage } from '../src/storage/storage.js';
import { writeStatusOf } from '../src/storage/write-status.js';
import { openTestStorage, removeTestData, TEST_ENGINE, tempDataDir } from './helpers.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = tempDataDir();
  dirs.push(d);
  return d;
};
afterEach(async () => {
  for (const d of dirs.splice(0)) await removeTestData(d);
});
const open = (dir: string, options: StorageOptions = {}): Promise<Storage> => openTestStorage(dir, options);

function edits(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i % 7}`, i);
  return { doc, updates };
}

describe(`storage (${TEST_ENGINE})`, () => {
  it('runs its migrations once and refuses a database written by a newer relay', async () => {
    const dir = tempDir();
    const s = await open(dir);
    const ran = await s.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(ran).toEqual(Object.keys(migrationsFor(TEST_ENGINE)).map((name) => ({ name })));
    await s.close();
    const again = await open(dir); // a second start finds everything in place
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2099-01-01')`.execute(again.db);
    await again.close();
    await expect(open(dir)).rejects.toThrow(/newer relay/);
  });

  it('appends, loads in order, lists by prefix and survives reopening', async () => {
    const dir = tempDir();
    const s = await open(dir);
    const { doc, updates } = edits(5);
    await s.rooms.append('outbox/a', updates);
    expect(await s.rooms.load('outbox/a')).toHaveLength(5);
    await s.rooms.append('outbox/b', updates.slice(0, 1));
    await s.rooms.append('outbox/b\u00e9', updates.slice(0, 1));
    await s.rooms.append('outbox', updates.slice(0, 1));
    await s.rooms.append('space/x', updates.slice(0, 1));
    expect(await s.rooms.list('outbox/')).toEqual(['outbox/a', 'outbox/b', 'outbox/b\u00e9']);
    expect(await s.rooms.exists('inbox/a')).toBe(false);
    expect(await s.rooms.exists('space/x')).toBe(true);
    await s.close();
    const again = await open(dir);
    const loaded = new Y.Doc();
    for (const u of await again.rooms.load('outbox/a')) Y.applyUpdate(loaded, u);
    expect(loaded.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await again.close();
  });

  it('compacts a room past the threshold into one update with the same state', async () => {
    const s = await open(tempDir(), { compactAfter: 10 });
    const { doc, updates } = edits(25);
    for (const u of updates) await s.rooms.append('room', [u]);
    const rows = await s.rooms.load('room');
    expect(rows.length).toBeLessThanOrEqual(10);
    const loaded = new Y.Doc();
    for (const u of rows) Y.applyUpdate(loaded, u);
    expect(loaded.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await s.rooms.compact('room');
    expect((await s.rooms.load('room')).length).toBe(1);
    await s.close();
  });

  it('keeps appends another connection makes while it compacts (scale-out: two processes, one room)', async () => {
    const dir = tempDir();
    const one = await open(dir, { compactAfter: 1000 });
    // SQLite: one process, one connection (the data-directory lock); PostgreSQL: a second connection.
    const two = TEST_ENGINE === 'postgres' ? await open(dir, { compactAfter: 1000 }) : one;
    const { doc, updates } = edits(40);
    for (const u of updates.slice(0, 20)) await one.rooms.append('room', [u]);
    await Promise.all([one.rooms.compact('room'), ...updates.slice(20).map((u) => two.rooms.append('room', [u]))]);
    const loaded = new Y.Doc();
    for (const u of await one.rooms.load('room')) Y.applyUpdate(loaded, u);
    expect(loaded.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await one.close();
    await two.close();
  });

  it('answers ping until closed', async () => {
    const s = await open(tempDir());
    expect(await s.ping()).toBe(true);
    await s.close();
    expect(await s.ping()).toBe(false);
  });

  it('groups a burst of appends across rooms into few commits, each resolved after it is stored, in order', async () => {
    const dir = tempDir();
    const s = await open(dir, { compactAfter: 1000 });
    const { updates } = edits(10);
    const resolved: number[] = [];
    const appends: Promise<void>[] = [];
    for (let r = 0; r < 30; r++) {
      for (const u of updates) {
        const i = appends.length;
        appends.push(s.rooms.append(`outbox/p${r}`, [u]).then(() => void resolved.push(i)));
      }
    }
    await Promise.all(appends);
    expect(resolved).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(await s.rooms.load('outbox/p29')).toHaveLength(10);
    await s.close();
    const again = await open(dir);
    for (let r = 0; r < 30; r++) {
      const rows = await again.rooms.load(`outbox/p${r}`);
      expect(rows.map((u) => Buffer.from(u).toString('hex'))).toEqual(updates.map((u) => Buffer.from(u).toString('hex')));
    }
    await again.close();
  });

  it('reads a full disk from either engine\'s error code', () => {
    expect(writeStatusOf({ code: 'SQLITE_FULL' })).toBe('full');
    expect(writeStatusOf({ code: '53100' })).toBe('full');
    expect(writeStatusOf({ code: 'SQLITE_IOERR' })).toBe('failing');
    expect(writeStatusOf(new Error('connection terminated'))).toBe('failing');
  });
});

describe.runIf(TEST_ENGINE === 'sqlite')('SQLite engine', () => {
  it('uses WAL with synchronous FULL', async () => {
    const s = await openSqliteStorage(tempDir());
    expect((await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(s.db)).rows[0]?.journal_mode).toBe('wal');
    expect((await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(s.db)).rows[0]?.synchronous).toBe(2);
    await s.close();
  });

  it('backs up online with VACUUM INTO; the copy opens as a relay database', async () => {
    const dir = tempDir();
    const s = await openSqliteStorage(dir);
    await s.rooms.append('r', edits(3).updates);
    const copyDir = tempDir();
    await s.backup(join(copyDir, 'hearth.sqlite'));
    await s.close();
    const copy = await openSqliteStorage(copyDir);
    expect(await copy.rooms.load('r')).toHaveLength(3);
    await copy.close();
  });

  it('reports full while appends fail with SQLITE_FULL, and ok once space is back', async () => {
    const s = await openSqliteStorage(tempDir());
    expect(await s.writeStatus()).toBe('ok');
    const pages = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(s.db)).rows[0]!.page_count;
    await sql.raw(`PRAGMA max_page_count = ${pages}`).execute(s.db);
    const big = new Uint8Array(3 * 4096).fill(7);
    await expect(s.rooms.append('r', [big])).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(await s.writeStatus()).toBe('full');
    expect(await s.rooms.load('r')).toEqual([]);
    await sql`PRAGMA max_page_count = 1073741823`.execute(s.db);
    expect(await s.writeStatus()).toBe('ok'); // the probe write succeeds
    await s.rooms.append('r', [big]);
    expect(await s.rooms.load('r')).toHaveLength(1);
    await s.close();
  });
});

describe.runIf(TEST_ENGINE === 'postgres')('PostgreSQL engine', () => {
  it('refuses to back itself up (pg_dump does)', async () => {
    const s = await open(tempDir());
    await expect(s.backup('/tmp/never')).rejects.toThrow(/pg_dump/);
    await s.close();
  });
});
