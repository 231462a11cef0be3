import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from './sqlite-storage.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'hearth-storage-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function edits(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i % 7}`, i);
  return { doc, updates };
}

describe('SQLite storage', () => {
  it('refuses a database written by a newer relay', () => {
    const dir = tempDir();
    const s = openSqliteStorage(dir);
    s.db.prepare("UPDATE room_meta SET value = '99' WHERE key = 'schema_version'").run();
    s.close();
    expect(() => openSqliteStorage(dir)).toThrow(/newer relay/);
  });

  it('uses WAL with synchronous FULL', () => {
    const s = openSqliteStorage(tempDir());
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    s.close();
  });

  it('appends, loads in order, lists by prefix and survives reopening', async () => {
    const dir = tempDir();
    const s = openSqliteStorage(dir);
    const { doc, updates } = edits(5);
    expect(await s.rooms.append('outbox/a', updates)).toBe(5);
    await s.rooms.append('outbox/b', updates.slice(0, 1));
    await s.rooms.append('space/x', updates.slice(0, 1));
    expect(await s.rooms.list('outbox/')).toEqual(['outbox/a', 'outbox/b']);
    expect(await s.rooms.exists('inbox/a')).toBe(false);
    s.close();
    const again = openSqliteStorage(dir);
    const loaded = new Y.Doc();
    for (const u of await again.rooms.load('outbox/a')) Y.applyUpdate(loaded, u);
    expect(loaded.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    again.close();
  });

  it('compacts a room past the threshold into one update with the same state', async () => {
    const s = openSqliteStorage(tempDir(), { compactAfter: 10 });
    const { doc, updates } = edits(25);
    for (const u of updates) await s.rooms.append('room', [u]);
    const rows = await s.rooms.load('room');
    expect(rows.length).toBeLessThanOrEqual(10);
    const loaded = new Y.Doc();
    for (const u of rows) Y.applyUpdate(loaded, u);
    expect(loaded.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await s.rooms.compact('room');
    expect((await s.rooms.load('room')).length).toBe(1);
    s.close();
  });

  it('backs up online with VACUUM INTO and answers ping', async () => {
    const dir = tempDir();
    const s = openSqliteStorage(dir);
    await s.rooms.append('r', edits(3).updates);
    s.backup(join(dir, 'backup.sqlite'));
    expect(s.ping()).toBe(true);
    s.close();
    expect(s.ping()).toBe(false);
    const copy = openSqliteStorage(dir + '-copy');
    dirs.push(dir + '-copy');
    copy.close();
  });

  it('groups a burst of appends across rooms into few commits, each resolved after it is stored, in order', async () => {
    const dir = tempDir();
    const s = openSqliteStorage(dir, { compactAfter: 1000 });
    const { updates } = edits(10);
    const appends: Promise<number>[] = [];
    for (let r = 0; r < 30; r++) for (const u of updates) appends.push(s.rooms.append(`outbox/p${r}`, [u]));
    const counts = await Promise.all(appends);
    expect(counts.slice(-10)).toEqual(Array.from({ length: 10 }, () => expect.any(Number)));
    expect(Math.max(...counts)).toBe(10);
    s.close();
    const again = openSqliteStorage(dir);
    for (let r = 0; r < 30; r++) {
      const rows = await again.rooms.load(`outbox/p${r}`);
      expect(rows.map((u) => Buffer.from(u).toString('hex'))).toEqual(updates.map((u) => Buffer.from(u).toString('hex')));
    }
    again.close();
  });

  it('reports full while appends fail with SQLITE_FULL, and ok once space is back', async () => {
    const s = openSqliteStorage(tempDir());
    expect(s.writeStatus()).toBe('ok');
    s.db.pragma(`max_page_count = ${String(s.db.pragma('page_count', { simple: true }))}`);
    const big = new Uint8Array(3 * 4096).fill(7);
    await expect(s.rooms.append('r', [big])).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(s.writeStatus()).toBe('full');
    expect(await s.rooms.load('r')).toEqual([]);
    s.db.pragma('max_page_count = 1073741823');
    expect(s.writeStatus()).toBe('ok'); // the probe write succeeds
    await s.rooms.append('r', [big]);
    expect(await s.rooms.load('r')).toHaveLength(1);
    s.close();
  });
});
