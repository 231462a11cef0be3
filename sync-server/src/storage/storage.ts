// The relay's storage seam. Why an interface: the embedded setup keeps everything in one SQLite file,
// the scale-out setup keeps the same tables in PostgreSQL; the relay's code sees `RoomLog` and the
// Kysely handle `db` (one query for both engines), never an engine, so the engine is a start option.
import type { Db } from './schema.js';
import type { SearchIndex } from './search-index.js';

/** The append-only update log of every room, with compaction. */
export interface RoomLog {
  /** Every stored update of the room, oldest first (empty when the room was never written). */
  load(room: string): Promise<Uint8Array[]>;
  /**
   * Appends updates durably, in one transaction, and resolves once the commit is on disk. Past the
   * compaction threshold the same transaction merges the log into one update. Callers serialise
   * appends per room (rooms/room.ts does).
   */
  append(room: string, updates: readonly Uint8Array[]): Promise<void>;
  /**
   * Removes the stored rows of the room that hold exactly `update`: a client's update the room stored
   * and then could not apply (it decodes, but Yjs throws half way), so that reloading the room does
   * not meet it again. Nothing else is ever removed this way.
   */
  discard(room: string, update: Uint8Array): Promise<void>;
  /** Replaces the room's log by one merged update, in one transaction. */
  compact(room: string): Promise<void>;
  /** Whether the room has any stored update. */
  exists(room: string): Promise<boolean>;
  /** Every stored room whose name starts with `prefix`. */
  list(prefix: string): Promise<string[]>;
}

export type WriteStatus = 'ok' | 'full' | 'failing';

export type Engine = 'sqlite' | 'postgres';

export interface Storage {
  /** Which engine holds the tables (for logs, health and tests; the relay's logic never asks). */
  readonly engine: Engine;
  readonly rooms: RoomLog;
  /**
   * The relay's tables (storage/schema.ts) through Kysely, for the stores of the relay's logic
   * (publication state, cases, journal). Transactions: `inTransaction(db, fn)` from schema.ts.
   * Tables are created by migrations (storage/migrations.ts), never by the stores.
   */
  readonly db: Db;
  /** Full-text search over published posts and comments (FTS5 / PostgreSQL full-text behind one interface). */
  readonly search: SearchIndex;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /**
   * Whether the relay can store right now: 'ok', 'full' (out of disk or quota) or 'failing'
   * (another write error). After a failed append it stays non-ok until an append succeeds or a
   * probe write (one page, committed and removed) does; cheap while all is well.
   */
  writeStatus(): Promise<WriteStatus>;
  /**
   * Writes an online, consistent copy of the database to `file` (SQLite: VACUUM INTO). PostgreSQL
   * refuses: back it up with pg_dump (docs/operations.md).
   */
  backup(file: string): Promise<void>;
  /** Waits for pending appends and closes the database. Idempotent. */
  close(): Promise<void>;
}
