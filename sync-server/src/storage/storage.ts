// The relay's storage seam. Why an interface: the embedded setup keeps everything in one SQLite file,
// the scale-out setup will keep the same tables in PostgreSQL; the rooms and the transport only ever
// see `RoomLog`, so swapping the engine touches one module.
import type Database from 'better-sqlite3';

/** The append-only update log of every room, with compaction. */
export interface RoomLog {
  /** Every stored update of the room, oldest first (empty when the room was never written). */
  load(room: string): Promise<Uint8Array[]>;
  /**
   * Appends updates durably, in one transaction, and resolves once the commit is on disk. Past the
   * compaction threshold the same transaction merges the log into one update. Resolves to the
   * room's log length afterwards. Callers serialise appends per room (rooms/room.ts does).
   */
  append(room: string, updates: readonly Uint8Array[]): Promise<number>;
  /** Replaces the room's log by one merged update, in one transaction. */
  compact(room: string): Promise<void>;
  /** Whether the room has any stored update. */
  exists(room: string): Promise<boolean>;
  /** Every stored room whose name starts with `prefix`. */
  list(prefix: string): Promise<string[]>;
}

export type WriteStatus = 'ok' | 'full' | 'failing';

export interface Storage {
  readonly rooms: RoomLog;
  /**
   * The SQLite handle, for tables the relay's logic owns (publication state, cases, journal).
   * Create them with `CREATE TABLE IF NOT EXISTS` under a prefix of your own; never touch `room_*`.
   */
  readonly db: Database.Database;
  /** True when the database answers a trivial query. */
  ping(): boolean;
  /**
   * Whether the relay can store right now: 'ok', 'full' (SQLITE_FULL: disk or quota) or 'failing'
   * (another write error, e.g. SQLITE_IOERR). After a failed append it stays non-ok until an append
   * succeeds or a probe write (one page, committed and removed) does; cheap while all is well.
   */
  writeStatus(): WriteStatus;
  /** Writes an online, consistent copy of the database to `file` (VACUUM INTO). */
  backup(file: string): void;
  /** Checkpoints the WAL and closes the database. Idempotent. */
  close(): void;
}
