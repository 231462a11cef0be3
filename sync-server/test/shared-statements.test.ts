// Statements shared by the publisher's concurrent passes (storage/coalescer.ts), on either engine:
// dozens of passes take their outbox leases, load their outboxes, read their records and count
// their authors' recent posts at the same moment, in a few statements. Each must still get exactly
// its own answer — a lease another process holds stays refused, one person's posts never count
// towards another's rate, a record is handed only to whoever asked for it.
// Relay writes to one room in one turn share one commit and, merged, one row (Room.commit).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../src/log.js';
import { PublicationStore } from '../src/publication/publication-store.js';
import { RelayDocHost } from '../src/rooms/relay-doc-host.js';
import { Leases } from '../src/storage/leases.js';
import { freshStorages, publishedRecord as record } from './helpers.js';

const HOUR = 3_600_000;
const people = Array.from({ length: 30 }, (_, i) => `person${i}`);


describe('statements shared by concurrent publication passes', () => {
  const storage = freshStorages();

  it('30 leases asked for at once: each free one granted with its own token, the ones another process holds refused, and released together', async () => {
    const s = await storage();
    const here = new Leases(s.db, 10_000);
    const there = new Leases(s.db, 10_000);
    const taken = ['person3', 'person17'];
    for (const p of taken) expect(await there.acquire(`outbox:${p}`)).not.toBeNull();

    const leases = await Promise.all(people.map((p) => here.acquire(`outbox:${p}`)));
    expect(leases.flatMap((l, i) => (l === null ? [people[i]] : []))).toEqual(taken);
    // Asking for one name twice at once grants it once per ask, each with a newer token (never one row twice in a statement).
    const again = await Promise.all([here.acquire('outbox:person0'), here.acquire('outbox:person0')]);
    expect(again.map((l) => l!.token)).toEqual([leases[0]!.token + 1, leases[0]!.token + 2]);

    await Promise.all(leases.flatMap((l) => (l === null ? [] : [l.release()])));
    // Released with a token no longer current: person0's lease is still this process's newest one.
    const other = await Promise.all(people.map((p) => there.acquire(`outbox:${p}`)));
    expect(other.flatMap((l, i) => (l === null ? [people[i]] : []))).toEqual(['person0']);
  });

  it('a catch-up skips the outboxes another process has taken since it began, and only those', async () => {
    const s = await storage();
    const here = new Leases(s.db, 10_000);
    const there = new Leases(s.db, 10_000);
    await (await there.acquire('outbox:before'))!.release(); // taken before the snapshot
    const before = await here.tokens('outbox:');
    expect([...before.keys()]).toEqual(['outbox:before']);
    await (await there.acquire('outbox:theirs'))!.release();
    await there.acquire('outbox:held'); // still held, mid-pass
    await (await here.acquire('outbox:mine'))!.release();
    const names = ['before', 'theirs', 'held', 'mine', 'untouched'].map((p) => `outbox:${p}`);
    const skipped = await Promise.all(names.map((n) => here.takenElsewhereSince(n, before.get(n))));
    expect(names.filter((_, i) => skipped[i])).toEqual(['outbox:theirs', 'outbox:held']);
  });

  it("30 people's recent posts counted at once: each gets their own hour and day, leaving out only their own entry", async () => {
    const s = await storage();
    const store = new PublicationStore(s.db);
    const now = 10 * 24 * HOUR;
    // person<i> has published i posts in the last half hour and one 5 hours ago; the entry being judged is "<p>-0".
    const records = people.flatMap((p, i) => [...Array.from({ length: i }, (_, k) => record(`${p}-${k}`, p, now - HOUR / 2)), record(`${p}-old`, p, now - 5 * HOUR)]);
    await store.putAll(records);

    const counts = await Promise.all(people.map((p) => store.recentPublications(p, `${p}-0`, now)));
    expect(counts).toEqual(people.map((_, i) => ({ lastHour: Math.max(0, i - 1), lastDay: Math.max(0, i - 1) + 1 })));
    // Reactions are counted apart.
    expect(await Promise.all(people.slice(0, 3).map((p) => store.recentPublications(p, 'none', now, 'reactions')))).toEqual([0, 0, 0].map(() => ({ lastHour: 0, lastDay: 0 })));
  });

  it('records and outboxes read at once: each caller gets exactly the ones it asked for', async () => {
    const s = await storage();
    const store = new PublicationStore(s.db);
    await store.putAll(people.map((p) => record(`${p}-post`, p, 1000)));
    const reads = await Promise.all(people.map((p, i) => store.getMany([`${p}-post`, `${people[(i + 1) % people.length]}-missing`])));
    reads.forEach((read, i) => expect([...read.keys()]).toEqual([`${people[i]}-post`]));
    expect(await store.get('nobody-post')).toBeNull();

    await Promise.all(people.map((p, i) => s.rooms.append(`outbox/${p}`, Array.from({ length: (i % 3) + 1 }, (_, k) => new Uint8Array([i, k])))));
    const loaded = await Promise.all([...people, 'never-written'].map((p) => s.rooms.load(`outbox/${p}`)));
    expect(loaded.map((updates) => updates.map((u) => [...u]))).toEqual([
      ...people.map((_, i) => Array.from({ length: (i % 3) + 1 }, (_, k) => [i, k])),
      [],
    ]);
  });

  it('30 relay writes to one room in one turn are stored as one row and sent as one update; a fresh load has all 30', async () => {
    const s = await storage();
    const host = new RelayDocHost(s.rooms, createLogger('silent'));
    const room = 'space/general/2026-11';
    await host.write(room, (doc) => doc.getMap('items').set('first', 'on its own'));
    const sent: Uint8Array[] = [];
    const loaded = await host.room(room);
    host.attach(loaded, { personId: 'reader', send: (m) => sent.push(m), close: () => {} });
    const opened = loaded.doc;
    expect(opened.getMap('items').size).toBe(1);

    await Promise.all(Array.from({ length: 30 }, (_, i) => host.write(room, (doc) => doc.getMap('items').set(`item${i}`, `post ${i}`))));
    const rows = await s.db.selectFrom('room_updates').select('data').where('room', '=', room).execute();
    expect(rows).toHaveLength(2);
    expect(sent).toHaveLength(1);

    const fresh = new Y.Doc();
    for (const u of await s.rooms.load(room)) Y.applyUpdate(fresh, u);
    expect(fresh.getMap('items').toJSON()).toEqual(opened.getMap('items').toJSON());
    expect(fresh.getMap('items').size).toBe(31);
    host.stop();
  });
});
