// A y-indexeddb-like persistence for one room, on Dexie. Why our own: we need to know when an
// update is durably stored (the UI marks a change done only then), to keep and retry updates that
// could not be written (full disk), and to share one database and its error reporting across rooms.
//
// Every update of the document that did not come from this persistence is appended to the
// `updates` table. On open, the stored updates are merged and applied in one step (fast even for
// tens of thousands of items). Past COMPACT_AFTER stored updates, the room is rewritten as a
// single update of the whole document.
import * as Y from 'yjs';
import type { HearthDb } from './db.js';
import { classifyStorageError, reportStorageProblem, reportStored } from './storage-status.js';

export const COMPACT_AFTER = 200;

function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.hidden) return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
const RETRY_MS = [500, 1000, 2000, 5000, 10000];

export class RoomPersistence {
  readonly whenLoaded: Promise<void>;
  /** Updates not yet written, oldest first. Never dropped: retried until stored. */
  private queue: Uint8Array[] = [];
  private writing: Promise<void> | null = null;
  private storedCount = 0;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly db: HearthDb,
    readonly room: string,
    readonly doc: Y.Doc,
  ) {
    doc.on('update', this.onUpdate);
    this.whenLoaded = this.load();
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    this.queue.push(update);
    this.scheduleWrite(0);
  };

  private async load(): Promise<void> {
    try {
      const rows = await this.db.updates.where('room').equals(this.room).toArray();
      this.storedCount = rows.length;
      // Applying a large room blocks the main thread; let the first frame (from the feed
      // snapshot) paint before it.
      await afterNextPaint();
      if (rows.length > 0) {
        const merged = rows.length === 1 ? rows[0]!.update : Y.mergeUpdates(rows.map((r) => r.update));
        Y.applyUpdate(this.doc, merged, this);
      }
    } catch (error) {
      // The app still runs from memory and the network; the banner says why nothing is kept.
      reportStorageProblem(this.room, classifyStorageError(error), this.queue.length, error);
    }
  }

  /** Resolves once every update made so far is durably stored. */
  flushed(): Promise<void> {
    if (this.queue.length === 0 && !this.writing) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  get unsaved(): number {
    return this.queue.length;
  }

  private scheduleWrite(delay: number) {
    if (this.destroyed || this.writing || this.retryTimer) return;
    if (delay === 0) {
      this.writing = this.write();
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.scheduleWrite(0);
    }, delay);
  }

  private async write(): Promise<void> {
    // Take a batch; on failure it goes back to the head of the queue, in order.
    const batch = this.queue.splice(0, this.queue.length);
    try {
      await this.db.updates.bulkAdd(batch.map((update) => ({ room: this.room, update })));
      this.storedCount += batch.length;
      this.failures = 0;
      reportStored(this.room);
      if (this.storedCount > COMPACT_AFTER) await this.compact();
    } catch (error) {
      this.queue.unshift(...batch);
      this.failures += 1;
      reportStorageProblem(this.room, classifyStorageError(error), this.queue.length, error);
    } finally {
      this.writing = null;
    }
    if (this.queue.length > 0) {
      const delay = this.failures === 0 ? 0 : RETRY_MS[Math.min(this.failures - 1, RETRY_MS.length - 1)]!;
      this.scheduleWrite(delay);
    } else {
      const waiters = this.waiters.splice(0);
      for (const w of waiters) w();
    }
  }

  /** Replace the room's stored updates with one update of the whole document, atomically. */
  async compact(): Promise<void> {
    const whole = Y.encodeStateAsUpdate(this.doc);
    await this.db.transaction('rw', this.db.updates, async () => {
      await this.db.updates.where('room').equals(this.room).delete();
      await this.db.updates.add({ room: this.room, update: whole });
    });
    this.storedCount = 1;
  }

  /** Try again now (the person freed some space and pressed "retry"). */
  retryNow(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.failures = 0;
    if (this.queue.length > 0) this.scheduleWrite(0);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.doc.off('update', this.onUpdate);
  }
}
