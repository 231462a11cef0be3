// The person's outbox: the only document the app writes. Each write goes through `commit`, which
// resolves only once the change is in IndexedDB (the UI shows it as saved only then), and records
// the write's clock so the app can count the changes the relay has not yet confirmed as stored
// (the relay's `stored` notice carries the state vector it has durably stored).
import * as Y from 'yjs';
import { observable } from '../data/observable.js';
import type { HearthDb } from '../storage/db.js';
import type { Room } from './room-hub.js';
import { decodeBase64 } from './relay-notices.js';

export class OutboxTracker {
  /** Outbox changes made on this device that the relay has not confirmed as stored. */
  readonly unsynced = observable(0);
  private stored = new Map<number, number>();
  /** The count of changes left over from earlier sessions, read once at start. */
  private readonly ready: Promise<void>;

  constructor(
    private readonly db: HearthDb,
    readonly room: Room,
  ) {
    this.ready = this.recount();
  }

  get doc(): Y.Doc {
    return this.room.doc;
  }

  /**
   * Runs a core outbox write and resolves once it is stored locally. If the disk is full the
   * promise waits (the update is kept in memory and retried; the storage banner says so).
   */
  async commit<T>(write: (outbox: Y.Doc) => T, entryId?: (result: T) => string | null): Promise<T> {
    await Promise.all([this.room.persistence.whenLoaded, this.ready]);
    const doc = this.room.doc;
    const before = Y.encodeStateVector(doc);
    const result = write(doc);
    const after = Y.encodeStateVector(doc);
    if (!equalBytes(before, after)) {
      const clock = Y.decodeStateVector(after).get(doc.clientID) ?? 0;
      const change = { clientId: doc.clientID, clock, entryId: entryId?.(result) ?? null, at: Date.now() };
      this.unsynced.update((n) => n + 1);
      // The change log is bookkeeping for the counter; the update itself is what must be durable,
      // so a failure here is not the person's problem (the persistence reports storage trouble).
      await this.db.outboxChanges.add(change).catch(() => undefined);
    }
    await this.room.persistence.flushed();
    return result;
  }

  /** The relay's `stored` notice for this outbox. */
  async onStored(stateVectorBase64: string): Promise<void> {
    this.stored = Y.decodeStateVector(decodeBase64(stateVectorBase64));
    await this.recount(true);
  }

  private async recount(prune = false): Promise<void> {
    try {
      const rows = await this.db.outboxChanges.toArray();
      const open = rows.filter((r) => (this.stored.get(r.clientId) ?? 0) < r.clock);
      if (prune) {
        const done = rows.filter((r) => !open.includes(r)).map((r) => r.seq).filter((s): s is number => s !== undefined);
        if (done.length > 0) await this.db.outboxChanges.bulkDelete(done);
      }
      this.unsynced.set(open.length);
    } catch {
      // Counting is best effort; storage problems are reported by the persistence.
    }
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
