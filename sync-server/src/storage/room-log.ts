// The rooms' update logs on the relay's database, one implementation for both engines. Why these
// choices:
// - Group commit under load: when appends come faster than GROUP_COMMIT_RATE per second, or while
//   a commit is in flight, those arriving in the same turn of the event loop (many rooms, many
//   clients, the publisher's writes) are committed in one transaction and share one fsync; each
//   caller's promise resolves only after that commit. At a lower rate with nothing in flight each
//   append commits at once, so a quiet relay adds no latency. Commits run one after another, so
//   appends arriving during a commit join the next one. Why "in flight" too: on PostgreSQL a
//   commit is a round trip and an fsync, and the rate alone never rose past the threshold when
//   every append waited for the previous commit (the publisher at a few dozen per second).
// - Compaction merges a room's log into one update in a savepoint of the appending transaction, so
//   a crash during compaction leaves either the old log or the new one, never half of each; a
//   failed compaction rolls back alone and the appends still commit.
// - Whether a room is past the threshold is judged from an estimate: the log counted once, then
//   followed by this process's own appends; only an estimate past the threshold is counted again.
//   Why: counting in every append's transaction was one more round trip per publication on
//   PostgreSQL. Another process's appends are not in the estimate, so a room written by P processes
//   may reach about P × the threshold before one of them counts and compacts it.
// - Compaction deletes only the rows it merged (seq <= the last one it read): another relay process
//   appending to the same room meanwhile (scale-out on PostgreSQL) keeps its row. Yjs updates
//   commute, so the merged row's place in the log does not matter.
import type { ControlledTransaction } from 'kysely';
import * as Y from 'yjs';
import { Coalescer } from './coalescer.js';
import type { Db, Tables } from './schema.js';
import type { RoomLog } from './storage.js';

/** Appends per second above which appends are grouped into one commit per event-loop turn. */
const GROUP_COMMIT_RATE = 50;
const RATE_WINDOW_MS = 100;
/** Rows per INSERT statement (SQLite caps bound parameters per statement). */
const INSERT_CHUNK = 300;
/** Rooms whose log length is estimated at most (past it the estimates start again from a count). */
const MAX_ESTIMATES = 50_000;

interface PendingAppend {
  room: string;
  updates: readonly Uint8Array[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const fromBuffer = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class SqlRoomLog implements RoomLog {
  /** The error of the last failed append; cleared by the next one that commits. */
  writeError: unknown = null;
  private batch: PendingAppend[] = [];
  private committing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private windowStart = 0;
  private windowAppends = 0;
  /** Batches handed to `commit` and not finished yet. */
  private inFlight = 0;
  /** Each room's log length as this process last knew it (see the head of this file). */
  private readonly estimates = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly compactAfter: number,
    private readonly onCompactionError: (room: string, err: unknown) => void,
  ) {}

  /** Commits every pending append; resolves once those and every earlier commit are done. */
  flush(): Promise<void> {
    this.scheduled = false;
    if (this.batch.length === 0) return this.committing;
    const batch = this.batch;
    this.batch = [];
    this.inFlight++;
    this.committing = this.committing.then(() => this.commit(batch)).finally(() => this.inFlight--);
    return this.committing;
  }

  async load(room: string): Promise<Uint8Array[]> {
    await this.flush();
    return this.loading.ask(room);
  }

  /**
   * Rooms loaded at the same time are read in one statement (coalescer.ts): the publisher opens
   * dozens of outboxes at once. Few rooms per statement: a room's log may be megabytes.
   */
  private readonly loading = new Coalescer<string, Uint8Array[]>((rooms) => this.loadAll(rooms), { max: 50 });

  private async loadAll(rooms: readonly string[]): Promise<Uint8Array[][]> {
    const rows = await this.db.selectFrom('room_updates').select(['room', 'data']).where('room', 'in', [...new Set(rooms)]).orderBy('room').orderBy('seq').execute();
    const byRoom = new Map<string, Uint8Array[]>();
    for (const r of rows) {
      let updates = byRoom.get(r.room);
      if (updates === undefined) byRoom.set(r.room, (updates = []));
      updates.push(fromBuffer(r.data));
    }
    return rooms.map((room) => byRoom.get(room) ?? []);
  }

  async append(room: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return this.flush();
    const now = performance.now();
    if (now - this.windowStart > RATE_WINDOW_MS) {
      this.windowStart = now;
      this.windowAppends = 0;
    }
    this.windowAppends++;
    const busy = this.inFlight > 0 || this.windowAppends > (GROUP_COMMIT_RATE * RATE_WINDOW_MS) / 1000;
    return new Promise((resolve, reject) => {
      this.batch.push({ room, updates, resolve, reject });
      if (!busy) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  async discard(room: string, update: Uint8Array): Promise<void> {
    await this.flush();
    this.estimates.delete(room);
    await this.db.deleteFrom('room_updates').where('room', '=', room).where('data', '=', toBuffer(update)).execute();
  }

  async compact(room: string): Promise<void> {
    await this.flush();
    await this.db.transaction().execute((tx) => this.compactIn(tx, room));
    this.estimates.delete(room);
  }

  async exists(room: string): Promise<boolean> {
    await this.flush();
    const row = await this.db.selectFrom('room_updates').select('seq').where('room', '=', room).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async list(prefix: string): Promise<string[]> {
    await this.flush();
    // Range scan on the index: every name in [prefix, prefix + U+FFFF).
    const rows = await this.db
      .selectFrom('room_updates')
      .select('room')
      .distinct()
      .where('room', '>=', prefix)
      .where('room', '<', `${prefix}\uffff`)
      .orderBy('room')
      .execute();
    return rows.map((r) => r.room);
  }

  private async commit(batch: readonly PendingAppend[]): Promise<void> {
    let lengths: Map<string, number>;
    try {
      lengths = await this.appendAll(batch);
    } catch (err) {
      this.writeError = err;
      for (const b of batch) b.reject(err);
      return;
    }
    this.writeError = null;
    if (this.estimates.size + lengths.size > MAX_ESTIMATES) this.estimates.clear();
    for (const [room, length] of lengths) this.estimates.set(room, length);
    for (const b of batch) b.resolve();
  }

  /**
   * Inserts the batch atomically (one statement, or one transaction when a room must be counted or
   * compacted); resolves to each room's estimated log length after it.
   */
  private async appendAll(batch: readonly PendingAppend[]): Promise<Map<string, number>> {
    const now = Date.now();
    const rows = batch.flatMap(({ room, updates }) => updates.map((u) => ({ room, data: toBuffer(u), stored_at: now })));
    const added = new Map<string, number>();
    for (const { room, updates } of batch) added.set(room, (added.get(room) ?? 0) + updates.length);
    // The common case — every room's length known and staying under the threshold, one INSERT —
    // is one statement, atomic on its own: no transaction around it (two round trips fewer).
    const estimated = new Map([...added].map(([room, n]) => [room, (this.estimates.get(room) ?? Infinity) + n]));
    if (rows.length <= INSERT_CHUNK && [...estimated.values()].every((n) => n <= this.compactAfter)) {
      await this.db.insertInto('room_updates').values(rows).execute();
      return estimated;
    }
    const tx = await this.db.startTransaction().execute();
    try {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insertInto('room_updates').values(rows.slice(i, i + INSERT_CHUNK)).execute();
      const lengths = new Map<string, number>();
      for (const [room, guess] of estimated) {
        let length = guess > this.compactAfter ? await this.count(tx, room) : guess;
        if (length > this.compactAfter) {
          const sp = await tx.savepoint('compaction').execute();
          try {
            await this.compactIn(sp, room);
            await sp.releaseSavepoint('compaction').execute();
            length = 1;
          } catch (err) {
            // When the engine has dropped the whole transaction (SQLite on a full disk), the savepoint
            // is gone too: the compaction's error is the one to report, and the appends fail with it.
            await sp.rollbackToSavepoint('compaction').execute().catch(() => {
              throw err;
            });
            this.onCompactionError(room, err);
          }
        }
        lengths.set(room, length);
      }
      await tx.commit().execute();
      return lengths;
    } catch (err) {
      await tx.rollback().execute().catch(() => {});
      throw err;
    }
  }

  private async count(db: Db, room: string): Promise<number> {
    const row = await db.selectFrom('room_updates').select((eb) => eb.fn.countAll<number>().as('n')).where('room', '=', room).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Must run inside a transaction. Rebuilds the state in a scratch doc so deleted content is GC'd. */
  private async compactIn(tx: Db | ControlledTransaction<Tables, string[]>, room: string): Promise<void> {
    const rows = await tx.selectFrom('room_updates').select(['seq', 'data']).where('room', '=', room).orderBy('seq').execute();
    if (rows.length <= 1) return;
    const scratch = new Y.Doc({ guid: room }); // no random uuid (see Room)
    Y.transact(scratch, () => {
      for (const r of rows) Y.applyUpdate(scratch, r.data);
    });
    const merged = Y.encodeStateAsUpdate(scratch);
    scratch.destroy();
    const last = rows[rows.length - 1]!.seq;
    await tx.deleteFrom('room_updates').where('room', '=', room).where('seq', '<=', last).execute();
    await tx.insertInto('room_updates').values({ room, data: toBuffer(merged), stored_at: Date.now() }).execute();
  }
}
