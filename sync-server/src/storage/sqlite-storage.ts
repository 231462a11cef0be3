// SQLite engine of the relay's storage. Why these settings:
// - WAL lets readers (healthz, backups, the CLI's `token`) run while the relay writes.
// - synchronous = FULL: in WAL mode NORMAL survives a crash of the process but can lose the last
//   commits on power loss or an OS crash. The relay tells a client "stored" only after the commit,
//   and the client may then drop its own copy of that promise, so "acknowledged" must mean "on disk":
//   FULL fsyncs the WAL at every commit. The cost is one fsync per stored message, paid off the
//   broadcast path (storage happens before broadcast either way).
// - Group commit under load: when appends come faster than GROUP_COMMIT_RATE per second, those
//   arriving in the same turn of the event loop (many rooms, many clients) are committed in one
//   transaction and share one fsync; each caller's promise resolves only after that commit. At a
//   lower rate each append commits at once, so a quiet relay adds no latency.
// - Compaction merges a room's log into one update (in a savepoint of the same transaction), so a
//   crash during compaction leaves either the old log or the new one, never half of each.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { writeStatusOf } from './write-status.js';
import type { RoomLog, Storage, WriteStatus } from './storage.js';

export const DATABASE_FILE = 'hearth.sqlite';

/**
 * Version of the room tables. Raised with a migration in `migrate` whenever room_* tables change;
 * a database written by a newer relay is refused rather than misread.
 */
export const ROOM_SCHEMA_VERSION = 1;

export class StorageTooNew extends Error {
  override name = 'StorageTooNew';
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS room_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS room_updates (
  room TEXT NOT NULL,
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  data BLOB NOT NULL,
  stored_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS room_updates_room ON room_updates (room, seq);
`;

export interface SqliteStorageOptions {
  /** Merge a room's log into one update once it holds more than this many updates. */
  compactAfter?: number;
  /** A failed compaction leaves the log as it was (the appends still commit); told here. */
  onCompactionError?: (room: string, err: unknown) => void;
}

export function openSqliteStorage(dataDir: string, options: SqliteStorageOptions = {}): Storage {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const rooms = new SqliteRoomLog(db, options.compactAfter ?? 500, options.onCompactionError ?? (() => {}));
  let closed = false;
  const probe = probeWrite(db);
  return {
    rooms,
    db,
    ping() {
      if (closed) return false;
      try {
        return db.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch {
        return false;
      }
    },
    writeStatus(): WriteStatus {
      if (rooms.writeError === null || closed) return 'ok';
      try {
        probe();
        rooms.writeError = null;
        return 'ok';
      } catch (err) {
        return writeStatusOf(err);
      }
    },
    backup(file) {
      db.prepare('VACUUM INTO ?').run(file);
    },
    close() {
      if (closed) return;
      rooms.flush();
      closed = true;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/** Appends per second above which appends are grouped into one commit per event-loop turn. */
const GROUP_COMMIT_RATE = 200;
const RATE_WINDOW_MS = 100;

interface PendingAppend {
  room: string;
  updates: readonly Uint8Array[];
  resolve: (count: number) => void;
  reject: (err: unknown) => void;
}

function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(SCHEMA);
    const row = db.prepare<[], { value: string }>("SELECT value FROM room_meta WHERE key = 'schema_version'").get();
    const found = row === undefined ? 0 : Number(row.value);
    if (found > ROOM_SCHEMA_VERSION) {
      throw new StorageTooNew(`the database was written by a newer relay (room schema ${found}, this relay knows ${ROOM_SCHEMA_VERSION}); restore a backup or upgrade`);
    }
    // Migrations from `found` up to ROOM_SCHEMA_VERSION go here, one `if (found < n)` step each.
    db.prepare("INSERT INTO room_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(ROOM_SCHEMA_VERSION));
  })();
}

/**
 * A write that needs one fresh page and a commit, as an append does: a page-sized row inserted and
 * deleted in one transaction. Used only while appends fail, to notice that space is back.
 */
function probeWrite(db: Database.Database): () => void {
  db.exec('CREATE TABLE IF NOT EXISTS room_write_probe (data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO room_write_probe (data) VALUES (zeroblob(8192))');
  const clear = db.prepare('DELETE FROM room_write_probe');
  return db.transaction(() => {
    insert.run();
    clear.run();
  });
}

class SqliteRoomLog implements RoomLog {
  /** The error of the last failed append; cleared by the next one that commits. */
  writeError: unknown = null;
  private readonly selectRoom;
  private readonly insert;
  private readonly countRoom;
  private readonly deleteRoom;
  private readonly anyRow;
  private readonly listPrefix;
  private readonly appendTx;
  private readonly compactTx;
  private batch: PendingAppend[] = [];
  private windowStart = 0;
  private windowAppends = 0;

  constructor(
    db: Database.Database,
    compactAfter: number,
    onCompactionError: (room: string, err: unknown) => void,
  ) {
    this.selectRoom = db.prepare<[string], { data: Buffer }>('SELECT data FROM room_updates WHERE room = ? ORDER BY seq');
    this.insert = db.prepare<[string, Buffer, number]>('INSERT INTO room_updates (room, data, stored_at) VALUES (?, ?, ?)');
    this.countRoom = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM room_updates WHERE room = ?');
    this.deleteRoom = db.prepare<[string]>('DELETE FROM room_updates WHERE room = ?');
    this.anyRow = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM room_updates WHERE room = ? LIMIT 1');
    // Range scan on the index: every name in [prefix, prefix + U+FFFF).
    this.listPrefix = db.prepare<[string, string], { room: string }>(
      'SELECT DISTINCT room FROM room_updates WHERE room >= ? AND room < ? ORDER BY room',
    );
    this.compactTx = db.transaction((room: string) => this.compactNow(room));
    this.appendTx = db.transaction((batch: readonly PendingAppend[]) => {
      const now = Date.now();
      const counts = new Map<string, number>();
      for (const { room, updates } of batch) {
        for (const u of updates) this.insert.run(room, Buffer.from(u.buffer, u.byteOffset, u.byteLength), now);
      }
      for (const { room } of batch) {
        if (counts.has(room)) continue;
        let count = this.countRoom.get(room)?.n ?? 0;
        if (count > compactAfter) {
          try {
            this.compactTx(room); // nested: a savepoint, rolled back alone if it throws
            count = 1;
          } catch (err) {
            onCompactionError(room, err);
          }
        }
        counts.set(room, count);
      }
      return batch.map((b) => counts.get(b.room) ?? 0);
    });
  }

  /** Commits every pending append now (also before reads, so they see every accepted append). */
  flush(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    let counts: number[];
    try {
      counts = this.appendTx(batch);
    } catch (err) {
      this.writeError = err;
      for (const b of batch) b.reject(err);
      return;
    }
    this.writeError = null;
    batch.forEach((b, i) => b.resolve(counts[i] ?? 0));
  }

  async load(room: string): Promise<Uint8Array[]> {
    this.flush();
    return this.selectRoom.all(room).map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
  }

  append(room: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) return Promise.resolve(this.countRoom.get(room)?.n ?? 0);
    const now = performance.now();
    if (now - this.windowStart > RATE_WINDOW_MS) {
      this.windowStart = now;
      this.windowAppends = 0;
    }
    this.windowAppends++;
    const busy = this.windowAppends > (GROUP_COMMIT_RATE * RATE_WINDOW_MS) / 1000;
    return new Promise((resolve, reject) => {
      this.batch.push({ room, updates, resolve, reject });
      if (!busy) this.flush();
      else if (this.batch.length === 1) setImmediate(() => this.flush());
    });
  }

  async compact(room: string): Promise<void> {
    this.flush();
    this.compactTx(room);
  }

  async exists(room: string): Promise<boolean> {
    this.flush();
    return this.anyRow.get(room) !== undefined;
  }

  async list(prefix: string): Promise<string[]> {
    this.flush();
    return this.listPrefix.all(prefix, `${prefix}\uffff`).map((r) => r.room);
  }

  /** Must run inside a transaction. Rebuilds the state in a scratch doc so deleted content is GC'd. */
  private compactNow(room: string): void {
    const rows = this.selectRoom.all(room);
    if (rows.length <= 1) return;
    const scratch = new Y.Doc();
    Y.transact(scratch, () => {
      for (const r of rows) Y.applyUpdate(scratch, r.data);
    });
    const merged = Y.encodeStateAsUpdate(scratch);
    scratch.destroy();
    this.deleteRoom.run(room);
    this.insert.run(room, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength), Date.now());
  }
}
