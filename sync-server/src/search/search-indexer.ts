// Keeps the relay's full-text index (Storage.search) in step with the published documents: after a
// relay write to a space or one of its time buckets, that room's visible posts and comments are
// compared with what the index holds for it and the differences written. Why from the documents
// and not from each publication: publication, moderation (hide, restore), retention and the bucket
// migration all change what may be found, and the documents are where they all end up — one
// derivation covers them all. Work is debounced per room (a busy room: once a second,
// MIN_INTERVAL_MS) and runs one room at a time, off the write path.
import { createHash } from 'node:crypto';
import { parseRoomName, readSearchableItems } from '@hearth/core';
import type { Logger } from '../log.js';
import type { DocHost } from '../rooms/doc-host.js';
import type { Db } from '../storage/schema.js';
import type { SearchIndex, SearchRow } from '../storage/search-index.js';
import { SerialQueue } from '../rooms/serial-queue.js';

const DEBOUNCE_MS = 150;
/**
 * A room is re-indexed at most once in this long. Why: a re-index reads and hashes every item of the
 * room, so a busy month's bucket (thousands of items, a publication every few milliseconds) spent a
 * sixth of the relay's CPU on it under a publication benchmark. A quiet room is still indexed
 * DEBOUNCE_MS after its change.
 */
const MIN_INTERVAL_MS = 1000;
/** relay_settings key: the index was filled once from every stored room (later: only on changes). */
const BACKFILLED = 'search-index-backfilled';

export class SearchIndexer {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly known = new Map<string, Map<string, string>>();
  /** When each room was last re-indexed (performance.now()). */
  private readonly lastRun = new Map<string, number>();
  private readonly queue = new SerialQueue();
  private stopped = false;

  constructor(private readonly o: { host: DocHost; index: SearchIndex; db: Db; log: Logger }) {}

  /** A relay write to `room`: re-index it soon (spaces and buckets only). */
  changed(room: string): void {
    const name = parseRoomName(room);
    if (this.stopped || (name?.kind !== 'bucket' && name?.kind !== 'space') || this.pending.has(room)) return;
    const last = this.lastRun.get(room);
    const delay = last === undefined ? DEBOUNCE_MS : Math.max(DEBOUNCE_MS, last + MIN_INTERVAL_MS - performance.now());
    const timer = setTimeout(() => {
      this.pending.delete(room);
      void this.queue.run(() => this.reindex(room)).catch((err: unknown) => this.o.log.error({ err, room }, 'search indexing failed'));
    }, delay);
    timer.unref();
    this.pending.set(room, timer);
  }

  /** Fills the index from every stored space and bucket, once per database (data from before search). */
  async backfill(): Promise<void> {
    const done = await this.o.db.selectFrom('relay_settings').select('value').where('key', '=', BACKFILLED).executeTakeFirst();
    if (done !== undefined) return;
    for (const room of await this.o.host.listRooms('space/')) {
      if (this.stopped) return;
      await this.queue.run(() => this.reindex(room));
    }
    await this.o.db.insertInto('relay_settings').values({ key: BACKFILLED, value: String(Date.now()) }).execute();
  }

  /** Resolves when nothing is waiting to be indexed. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
    await this.queue.run(() => Promise.resolve());
  }

  /** No more indexing; waits for the room being indexed, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    await this.queue.run(() => Promise.resolve());
  }

  private async reindex(room: string): Promise<void> {
    if (this.stopped) return;
    const name = parseRoomName(room);
    if (name?.kind !== 'bucket' && name?.kind !== 'space') return;
    this.lastRun.set(room, performance.now());
    const { posts, comments } = readSearchableItems(await this.o.host.open(room));
    const rows: SearchRow[] = [
      ...posts.map((p): SearchRow => ({ itemId: p.id, space: name.space, room, kind: 'post', post: p.id, title: p.title, body: p.body, authorId: p.authorId, createdAt: p.createdAt, visible: true })),
      ...comments.map((c): SearchRow => ({ itemId: c.id, space: name.space, room, kind: 'comment', post: c.post, title: '', body: c.body, authorId: c.authorId, createdAt: c.createdAt, visible: true })),
    ];
    let known = this.known.get(room);
    if (known === undefined) {
      // First look at this room since start: whatever the index holds for it is unverified.
      known = new Map((await this.o.index.idsIn(room)).map((id) => [id, '']));
      this.known.set(room, known);
    }
    const next = new Map(rows.map((r) => [r.itemId, createHash('sha1').update(JSON.stringify(r)).digest('base64')]));
    const changed = rows.filter((r) => known.get(r.itemId) !== next.get(r.itemId));
    const gone = [...known.keys()].filter((id) => !next.has(id));
    if (gone.length > 0) await this.o.index.remove(gone);
    if (changed.length > 0) await this.o.index.put(changed);
    this.known.set(room, next);
  }
}
