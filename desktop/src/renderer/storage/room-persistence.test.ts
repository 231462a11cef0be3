import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { HearthDb } from './db.js';
import { COMPACT_AFTER, RoomPersistence } from './room-persistence.js';
import { storageStatus } from './storage-status.js';

let n = 0;
const freshDb = () => new HearthDb(`test-${++n}`);

afterEach(() => vi.useRealTimers());

describe('RoomPersistence', () => {
  it('stores every update and loads them into a new document', async () => {
    const db = freshDb();
    const doc = new Y.Doc();
    const p = new RoomPersistence(db, 'outbox/anna', doc);
    await p.whenLoaded;
    doc.getMap('entries').set('a', 1);
    doc.getMap('entries').set('b', 2);
    await p.flushed();
    const again = new Y.Doc();
    await new RoomPersistence(db, 'outbox/anna', again).whenLoaded;
    expect(again.getMap('entries').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('keeps rooms apart', async () => {
    const db = freshDb();
    const a = new Y.Doc();
    const pa = new RoomPersistence(db, 'space/a', a);
    await pa.whenLoaded;
    a.getMap('m').set('x', 1);
    await pa.flushed();
    const b = new Y.Doc();
    await new RoomPersistence(db, 'space/b', b).whenLoaded;
    expect(b.getMap('m').toJSON()).toEqual({});
  });

  it('does not store again what it loaded', async () => {
    const db = freshDb();
    const doc = new Y.Doc();
    const p = new RoomPersistence(db, 'r', doc);
    await p.whenLoaded;
    doc.getMap('m').set('x', 1);
    await p.flushed();
    const again = new Y.Doc();
    const p2 = new RoomPersistence(db, 'r', again);
    await p2.whenLoaded;
    await p2.flushed();
    expect(await db.updates.where('room').equals('r').count()).toBe(1);
  });

  it('compacts the log past the threshold into one update', async () => {
    const db = freshDb();
    const doc = new Y.Doc();
    const p = new RoomPersistence(db, 'r', doc);
    await p.whenLoaded;
    for (let i = 0; i <= COMPACT_AFTER + 1; i++) {
      doc.getMap('m').set(`k${i}`, i);
      await p.flushed();
    }
    expect(await db.updates.where('room').equals('r').count()).toBeLessThan(5);
    const again = new Y.Doc();
    await new RoomPersistence(db, 'r', again).whenLoaded;
    expect(again.getMap('m').get(`k${COMPACT_AFTER + 1}`)).toBe(COMPACT_AFTER + 1);
  });

  it('keeps an update it could not write (full disk), reports it, and retries until stored', async () => {
    const db = freshDb();
    const doc = new Y.Doc();
    const p = new RoomPersistence(db, 'r', doc);
    await p.whenLoaded;
    const real = db.updates.bulkAdd.bind(db.updates);
    const quota = Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.updates, 'bulkAdd').mockRejectedValueOnce(quota).mockImplementation(real);
    doc.getMap('m').set('x', 1);
    await vi.waitFor(() => expect(storageStatus.get().problem).toBe('quota'));
    expect(storageStatus.get().unsaved).toBe(1);
    expect(p.unsaved).toBe(1);
    p.retryNow();
    await p.flushed();
    expect(spy).toHaveBeenCalledTimes(2);
    expect(storageStatus.get().problem).toBeNull();
    const again = new Y.Doc();
    await new RoomPersistence(db, 'r', again).whenLoaded;
    expect(again.getMap('m').get('x')).toBe(1);
  });
});
