// The relay's schema, as Kysely migrations run by Kysely's Migrator on every start, on both engines.
// Why the first migration says IF NOT EXISTS everywhere: data directories written before the
// migrator (each store created its own tables) already hold some or all of these tables, and
// must open unchanged; on a fresh database it simply creates them. Later migrations are ordinary
// steps, named so they sort after the ones before ('0002_...'), and never edited once released.
// The few differences between the engines are types (bytea/blob, bigint, identity columns), the
// collation of keys scanned by range (PostgreSQL's default collation would not sort them bytewise,
// as SQLite does) and the dialect of the append-only triggers.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Engine } from './storage.js';

// Kysely's migrations take an untyped handle: the schema changes while they run.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface Types {
  blob: 'blob' | 'bytea';
  /** Milliseconds since the epoch, counters, versions. */
  int: 'integer' | 'bigint';
}

const typesOf = (engine: Engine): Types => (engine === 'postgres' ? { blob: 'bytea', int: 'bigint' } : { blob: 'blob', int: 'integer' });

/** Error messages the triggers raise, on both engines. */
const APPEND_ONLY = { audit_journal: 'the audit journal is append-only', audit_checkpoints: 'audit checkpoints are append-only' } as const;

async function appendOnly(db: AnyDb, engine: Engine, table: keyof typeof APPEND_ONLY): Promise<void> {
  const message = APPEND_ONLY[table];
  if (engine === 'sqlite') {
    for (const op of ['update', 'delete'] as const) {
      await sql`CREATE TRIGGER IF NOT EXISTS ${sql.raw(`${table}_no_${op}`)} BEFORE ${sql.raw(op.toUpperCase())} ON ${sql.table(table)}
        BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    }
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION hearth_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$`.execute(db);
  await sql`CREATE OR REPLACE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION hearth_append_only(${sql.lit(message)})`.execute(db);
  await sql`CREATE OR REPLACE TRIGGER ${sql.raw(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.table(table)}
    FOR EACH STATEMENT EXECUTE FUNCTION hearth_append_only(${sql.lit(message)})`.execute(db);
}

/**
 * Adds a column a table created before it lacks. Only SQLite data directories predate the migrator
 * (PostgreSQL starts with 0001), so only there can a table exist without it.
 */
async function addMissingColumn(db: AnyDb, engine: Engine, table: string, column: string, type: 'text' | Types['int']): Promise<void> {
  if (engine !== 'sqlite') return;
  const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
  if (!columns.rows.some((c) => c.name === column)) await db.schema.alterTable(table).addColumn(column, type).execute();
}

function initial(engine: Engine): Migration {
  const t = typesOf(engine);
  // Keys read by range scans (room name prefixes, case-chunk key prefixes) compare bytewise.
  const bytewise = engine === 'postgres' ? sql`collate "C"` : sql``;
  const autoId = engine === 'postgres' ? ('bigserial' as const) : ('integer' as const);
  return {
    async up(db: AnyDb) {
      const s = db.schema;
      await s.createTable('room_meta').ifNotExists().addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
      await s
        .createTable('room_updates')
        .ifNotExists()
        .addColumn('room', 'text', (c) => c.notNull().modifyFront(bytewise))
        .addColumn('seq', autoId, (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('data', t.blob, (c) => c.notNull())
        .addColumn('stored_at', t.int, (c) => c.notNull())
        .execute();
      await s.createIndex('room_updates_room').ifNotExists().on('room_updates').columns(['room', 'seq']).execute();
      await s.createTable('room_write_probe').ifNotExists().addColumn('data', t.blob, (c) => c.notNull()).execute();
      await db.insertInto('room_meta').values({ key: 'schema_version', value: '1' }).onConflict((oc) => oc.column('key').doNothing()).execute();

      await s
        .createTable('publication_state')
        .ifNotExists()
        .addColumn('entry_id', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('version', t.int, (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('target_room', 'text')
        .addColumn('published_version', t.int)
        .addColumn('entry_type', 'text')
        .addColumn('updated_at', t.int, (c) => c.notNull())
        .addColumn('published_at', t.int)
        .execute();
      // published_at came after the table (the posting-rate rule): older data directories get it here;
      // their earlier publications stay NULL and are not counted.
      await addMissingColumn(db, engine, 'publication_state', 'published_at', t.int);
      await s.createIndex('publication_state_owner').ifNotExists().on('publication_state').columns(['owner', 'outcome']).execute();
      await s.createIndex('publication_state_published').ifNotExists().on('publication_state').columns(['owner', 'published_at']).execute();
      await s
        .createTable('acknowledgements')
        .ifNotExists()
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('policy_version', t.int, (c) => c.notNull())
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('at', t.int, (c) => c.notNull())
        .addPrimaryKeyConstraint('acknowledgements_pk', ['person', 'policy_version'])
        .execute();
      await s
        .createTable('reports')
        .ifNotExists()
        .addColumn('entry_id', 'text', (c) => c.primaryKey())
        .addColumn('reporter', 'text', (c) => c.notNull())
        .addColumn('space', 'text')
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', t.int, (c) => c.notNull())
        .execute();

      await s
        .createTable('memberships')
        .ifNotExists()
        .addColumn('space', 'text', (c) => c.notNull())
        .addColumn('person', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['space', 'person'])
        .execute();
      await s
        .createTable('join_requests')
        .ifNotExists()
        .addColumn('request_id', 'text', (c) => c.primaryKey())
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('space', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('requested_at', t.int, (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', t.int)
        .addColumn('decision_entry', 'text')
        .execute();
      // "One waiting request per person per space" as a rule of the database (a partial unique index).
      await s
        .createIndex('join_requests_one_pending')
        .ifNotExists()
        .unique()
        .on('join_requests')
        .columns(['person', 'space'])
        .where(sql.ref('state'), '=', 'pending')
        .execute();
      await s
        .createTable('membership_entries')
        .ifNotExists()
        .addColumn('entry_id', 'text', (c) => c.primaryKey())
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('space', 'text', (c) => c.notNull())
        .addColumn('at', t.int, (c) => c.notNull())
        .execute();
      await s.createIndex('membership_entries_person').ifNotExists().on('membership_entries').columns(['person', 'at']).execute();
      await s.createTable('relay_settings').ifNotExists().addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();

      await s
        .createTable('case_chunks')
        .ifNotExists()
        .addColumn('key', 'text', (c) => c.primaryKey().modifyFront(bytewise))
        .addColumn('data', t.blob, (c) => c.notNull())
        .execute();
      await s
        .createTable('case_documents')
        .ifNotExists()
        .addColumn('case_id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().unique())
        .addColumn('space', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('opened_at', t.int, (c) => c.notNull())
        .addColumn('item', 'text')
        .addColumn('findings', 'text')
        .execute();
      // item and findings came after the table; older rows keep NULL (moderation fills them at start).
      await addMissingColumn(db, engine, 'case_documents', 'item', 'text');
      await addMissingColumn(db, engine, 'case_documents', 'findings', 'text');
      await s
        .createTable('case_actions')
        .ifNotExists()
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('decision_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('at', t.int, (c) => c.notNull())
        .addPrimaryKeyConstraint('case_actions_pk', ['case_id', 'decision_id'])
        .execute();
      await s
        .createTable('case_actors')
        .ifNotExists()
        .addColumn('actor', 'text', (c) => c.primaryKey())
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('first_seen', t.int, (c) => c.notNull())
        .execute();

      await s
        .createTable('audit_journal')
        .ifNotExists()
        .addColumn('seq', engine === 'postgres' ? 'bigint' : 'integer', (c) => c.primaryKey())
        .addColumn('at', t.int, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('space', 'text')
        .addColumn('person', 'text')
        .addColumn('entry', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await s.createIndex('audit_journal_at').ifNotExists().on('audit_journal').column('at').execute();
      await appendOnly(db, engine, 'audit_journal');
      await s
        .createTable('audit_chain_lock')
        .ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('appends', t.int, (c) => c.notNull())
        .execute();
      await db.insertInto('audit_chain_lock').values({ id: 1, appends: 0 }).onConflict((oc) => oc.column('id').doNothing()).execute();
      await s
        .createTable('audit_checkpoints')
        .ifNotExists()
        .addColumn('id', autoId, (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('seq', t.int, (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('at', t.int, (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('key_fingerprint', 'text', (c) => c.notNull())
        .execute();
      await s.createIndex('audit_checkpoints_seq').ifNotExists().on('audit_checkpoints').column('seq').execute();
      await appendOnly(db, engine, 'audit_checkpoints');
      await s
        .createTable('audit_holds')
        .ifNotExists()
        .addColumn('id', autoId, (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope IN ('space', 'person')`))
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('placed_by', 'text', (c) => c.notNull())
        .addColumn('placed_at', t.int, (c) => c.notNull())
        .addColumn('removed_by', 'text')
        .addColumn('removed_at', t.int)
        .execute();
      await s.createIndex('audit_holds_target').ifNotExists().on('audit_holds').columns(['scope', 'target']).execute();
    },
  };
}

/** 0002: leases for work one relay process at a time does (storage/leases.ts); token revocations. */
function leases(engine: Engine): Migration {
  const t = typesOf(engine);
  return {
    async up(db: AnyDb) {
      // token_revocations came with token revocation (auth/token-revocations.ts); SQLite data
      // directories may have it already.
      await db.schema
        .createTable('token_revocations')
        .ifNotExists()
        .addColumn('person', 'text', (c) => c.primaryKey())
        .addColumn('not_before', t.int, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('leases')
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('token', t.int, (c) => c.notNull())
        .addColumn('expires_at', t.int, (c) => c.notNull())
        .execute();
    },
  };
}

/** 0003: course progress (figures/course-progress-store.ts): one row per `module-done` entry. */
function courseProgress(engine: Engine): Migration {
  const t = typesOf(engine);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('course_progress')
        .addColumn('entry_id', 'text', (c) => c.primaryKey())
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('space', 'text', (c) => c.notNull())
        .addColumn('module', 'text', (c) => c.notNull())
        .addColumn('done', t.int, (c) => c.notNull())
        .addColumn('at', t.int, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('course_progress_space').on('course_progress').columns(['space', 'done']).execute();
    },
  };
}

/** 0004: who acknowledged which must-read announcement (publication/engagement-desk.ts); the relay publishes counts only. */
function readReceipts(engine: Engine): Migration {
  const t = typesOf(engine);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('read_receipts')
        .ifNotExists()
        .addColumn('post', 'text', (c) => c.notNull())
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('at', t.int, (c) => c.notNull())
        .addPrimaryKeyConstraint('read_receipts_pk', ['post', 'person'])
        .execute();
    },
  };
}

/** 0005: attachment blobs, their uploaders and the published items that reference them. */
function blobs(engine: Engine): Migration {
  const t = typesOf(engine);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('blobs')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('bytes', t.int, (c) => c.notNull())
        .addColumn('mime_type', 'text', (c) => c.notNull())
        .addColumn('created_at', t.int, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('blob_uploaders')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('at', t.int, (c) => c.notNull())
        .addPrimaryKeyConstraint('blob_uploaders_pk', ['hash', 'person'])
        .execute();
      await db.schema
        .createTable('blob_refs')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('room', 'text', (c) => c.notNull())
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('at', t.int, (c) => c.notNull())
        .addPrimaryKeyConstraint('blob_refs_pk', ['hash', 'room', 'item'])
        .execute();
    },
  };
}

/**
 * 0006: the full-text search index (storage/search-index.ts): one row per published post or comment,
 * plus the engine's full-text structure — an FTS5 table on SQLite, a GIN expression index on
 * PostgreSQL ('simple' configuration: no stemming, names and codes match as typed).
 */
function searchItems(engine: Engine): Migration {
  const t = typesOf(engine);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('search_items')
        .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
        .addColumn('item_id', 'text', (c) => c.notNull().unique())
        .addColumn('space', 'text', (c) => c.notNull())
        .addColumn('room', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('post', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('created_at', t.int, (c) => c.notNull())
        .addColumn('visible', t.int, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('search_items_room').on('search_items').column('room').execute();
      await db.schema.createIndex('search_items_space').on('search_items').columns(['space', 'visible']).execute();
      if (engine === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
      } else {
        await sql`CREATE INDEX search_items_fts ON search_items USING GIN (to_tsvector('simple', title || ' ' || body))`.execute(db);
      }
    },
  };
}

/**
 * 0007: attachment uploads the relay refused for good (a program, a type or size the rules forbid),
 * per uploader and hash: an entry of theirs that references the file is rejected with the reason
 * instead of waiting for it forever (attachment-gate.ts).
 */
function blobRefusals(engine: Engine): Migration {
  const t = typesOf(engine);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('blob_refusals')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', t.int, (c) => c.notNull())
        .addPrimaryKeyConstraint('blob_refusals_pk', ['hash', 'person'])
        .execute();
    },
  };
}

/**
 * 0008: when a moderation case file was last found settled (every decision carried out) and unloaded;
 * NULL while it is open or was acted on since. Why: a relay starting up loads only the unsettled case
 * files, not every case the company ever had (moderation-service.ts).
 */
function caseSettled(engine: Engine): Migration {
  const t = typesOf(engine);
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('case_documents').addColumn('settled_at', t.int).execute();
    },
  };
}

/** Every migration, by name; the Migrator runs those a database has not seen, in name order. */
export function migrationsFor(engine: Engine): Record<string, Migration> {
  return {
    '0001_initial': initial(engine),
    '0002_leases': leases(engine),
    '0003_course_progress': courseProgress(engine),
    '0004_read_receipts': readReceipts(engine),
    '0005_blobs': blobs(engine),
    '0006_search_items': searchItems(engine),
    '0007_blob_refusals': blobRefusals(engine),
    '0008_case_settled': caseSettled(engine),
  };
}

export function migrationProvider(engine: Engine): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrationsFor(engine)) };
}
