// Opens the relay's storage on the engine the configuration names: an SQLite file in the data
// directory (the embedded default) or a PostgreSQL database (`--postgres URL`, for several relay
// processes). Migrations run before anything else touches the tables. Why these SQLite settings:
// - WAL lets readers (healthz, backups, the CLI's `token` and `audit export`) run while the relay writes.
// - synchronous = FULL: in WAL mode NORMAL survives a crash of the process but can lose the last
//   commits on power loss or an OS crash. The relay tells a client "stored" only after the commit,
//   and the client may then drop its own copy of that promise, so "acknowledged" must mean "on disk":
//   FULL fsyncs the WAL at every commit (group commit in room-log.ts shares one fsync under load).
//   PostgreSQL's defaults (synchronous_commit = on, fsync = on) give the same promise.
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import { SqlRoomLog } from './room-log.js';
import { searchIndexFor } from './search-index.js';
import type { Db, Tables } from './schema.js';
import type { Engine, Storage, WriteStatus } from './storage.js';
import { writeStatusOf } from './write-status.js';

export const DATABASE_FILE = 'hearth.sqlite';

export class StorageTooNew extends Error {
  override name = 'StorageTooNew';
}

export type StorageConfig =
  /** `file` is a path, or ':memory:' for tests. */
  | { engine: 'sqlite'; file: string }
  /** A libpq connection URL: postgres://user:password@host:5432/database */
  | { engine: 'postgres'; url: string; poolSize?: number };

export interface StorageOptions {
  /** Merge a room's log into one update once it holds more than this many updates. Default 500. */
  compactAfter?: number;
  /** A failed compaction leaves the log as it was (the appends still commit); told here. */
  onCompactionError?: (room: string, err: unknown) => void;
  /** An idle PostgreSQL connection failed (the pool replaces it); told here. */
  onConnectionError?: (err: unknown) => void;
  /**
   * For tools that only read beside a running relay (`audit export`, `backup`): no migrations, and
   * on SQLite a read-only connection that neither takes the write lock nor checkpoints the WAL.
   */
  readOnly?: boolean;
}

/** The storage configuration of a relay: PostgreSQL when a URL is given, else SQLite in `dataDir`. */
export function storageConfig(dataDir: string, postgres?: string): StorageConfig {
  return postgres === undefined ? { engine: 'sqlite', file: join(dataDir, DATABASE_FILE) } : { engine: 'postgres', url: postgres };
}

/** SQLite in `dataDir` (created if missing). */
export function openSqliteStorage(dataDir: string, options: StorageOptions = {}): Promise<Storage> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return openStorage(storageConfig(dataDir), options);
}

export async function openStorage(config: StorageConfig, options: StorageOptions = {}): Promise<Storage> {
  const engine = config.engine === 'sqlite' ? openSqlite(config.file, options.readOnly === true) : openPostgres(config, options);
  try {
    if (options.readOnly !== true) await migrate(engine.db, config.engine);
  } catch (err) {
    await engine.db.destroy();
    throw err;
  }
  return storageOn(engine, options);
}

interface EngineHandle {
  engine: Engine;
  db: Db;
  backup(file: string): Promise<void>;
  /** Runs before the connection closes (SQLite: fold the WAL into the database file). */
  beforeClose(): Promise<void>;
}

function openSqlite(file: string, readOnly: boolean): EngineHandle {
  const database = new Database(file, readOnly ? { readonly: true, fileMustExist: true } : {});
  database.pragma('busy_timeout = 5000');
  if (!readOnly) {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
  }
  const db = new Kysely<Tables>({ dialect: new HearthSqliteDialect(database) });
  return {
    engine: 'sqlite',
    db,
    backup: async (target) => {
      await sql`VACUUM INTO ${target}`.execute(db);
    },
    beforeClose: async () => {
      if (!readOnly) await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    },
  };
}

/**
 * Kysely's SQLite dialect, with one change: a rollback after SQLite has already rolled the
 * transaction back by itself (it does on SQLITE_FULL and on some I/O errors) is skipped. Without
 * it the rollback's own error ("no transaction is active") would replace the one that matters,
 * and a full disk would read as a failing one.
 */
class HearthSqliteDialect extends SqliteDialect {
  constructor(private readonly database: Database.Database) {
    super({ database });
  }

  override createDriver(): Driver {
    const database = this.database;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (database.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database });
  }
}

// int8 (COUNT, bigint columns) and numeric (SUM of bigints) arrive as strings from pg; every such
// value the relay keeps (milliseconds, counters) fits a double exactly, so they are read as numbers.
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function openPostgres(config: Extract<StorageConfig, { engine: 'postgres' }>, options: StorageOptions): EngineHandle {
  // Why the timeout and keep-alive: with PostgreSQL unreachable without a refusal (a failover, a
  // dropped route), a new connection would wait for the kernel's TCP timeout (minutes) and every
  // store with it; this way it fails in 10 s like a refused one, and a dead idle connection is noticed.
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10, types: pgTypes, connectionTimeoutMillis: 10_000, keepAlive: true });
  // Without a listener, an idle connection's error (the server restarted) would crash the process.
  pool.on('error', (err) => options.onConnectionError?.(err));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    backup: () => Promise.reject(new Error('the relay cannot back up PostgreSQL itself: use pg_dump (docs/operations.md, "Backups")')),
    beforeClose: () => Promise.resolve(),
  };
}

async function migrate(db: Db, engine: Engine): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(engine) });
  const { error } = await migrator.migrateToLatest();
  if (error === undefined) return;
  if (error instanceof Error && /previously executed migration .* is missing/.test(error.message)) {
    throw new StorageTooNew(`the database was written by a newer relay (${error.message}); restore a backup or upgrade`);
  }
  throw error;
}

function storageOn(handle: EngineHandle, options: StorageOptions): Storage {
  const { db } = handle;
  const rooms = new SqlRoomLog(db, options.compactAfter ?? 500, options.onCompactionError ?? (() => {}));
  let closed: Promise<void> | null = null;
  /**
   * A write that needs one fresh page and a commit, as an append does: a page-sized row inserted
   * and deleted in one transaction. Used only while appends fail, to notice that space is back.
   */
  const probe = () =>
    db.transaction().execute(async (tx) => {
      await tx.insertInto('room_write_probe').values({ data: Buffer.alloc(8192) }).execute();
      await tx.deleteFrom('room_write_probe').execute();
    });
  return {
    engine: handle.engine,
    rooms,
    db,
    search: searchIndexFor(handle.engine, db),
    async ping() {
      if (closed !== null) return false;
      try {
        await sql`SELECT 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async writeStatus(): Promise<WriteStatus> {
      if (rooms.writeError === null || closed !== null) return 'ok';
      try {
        await probe();
        rooms.writeError = null;
        return 'ok';
      } catch (err) {
        return writeStatusOf(err);
      }
    },
    backup: (file) => handle.backup(file),
    close() {
      closed ??= (async () => {
        await rooms.flush();
        await handle.beforeClose().catch(() => {});
        await db.destroy();
      })();
      return closed;
    },
  };
}
