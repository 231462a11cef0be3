// Durable publication state, beside the documents in the relay's database. It is what makes
// publication exactly-once per entry version across restarts: an entry's content fingerprint and
// the relay-assigned version are recorded only after the target document has been written, and
// publishEntry is idempotent per version, so a crash between the two replays the same version
// harmlessly instead of publishing twice or skipping.
import type Database from 'better-sqlite3';
import type { EntryType } from '@hearth/core';

export type Outcome = 'published' | 'held' | 'rejected' | 'waiting-acknowledgement' | 'recorded';

export interface EntryRecord {
  entryId: string;
  owner: string;
  fingerprint: string;
  version: number;
  outcome: Outcome;
  targetRoom: string | null;
  /** The last version carried into the target document (held edits leave it behind). */
  publishedVersion: number | null;
  /** The entry's type when it was first published (an edit may not change it). */
  entryType: EntryType | null;
  updatedAt: number;
}

interface Row {
  entry_id: string;
  owner: string;
  fingerprint: string;
  version: number;
  outcome: Outcome;
  target_room: string | null;
  published_version: number | null;
  entry_type: EntryType | null;
  updated_at: number;
}

const fromRow = (r: Row): EntryRecord => ({
  entryId: r.entry_id,
  owner: r.owner,
  fingerprint: r.fingerprint,
  version: r.version,
  outcome: r.outcome,
  targetRoom: r.target_room,
  publishedVersion: r.published_version,
  entryType: r.entry_type,
  updatedAt: r.updated_at,
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * published_at: when the entry was first published (set once, by the upsert, when the outcome first
 * becomes 'published'; an edit or a later hold leaves it). Why a column rather than updated_at:
 * updated_at moves with every edit, and an edit is not a new post for the posting-rate rule.
 * Data directories from before the column get it here; their earlier publications stay NULL and
 * are not counted, which errs towards letting people post for the first day after an upgrade.
 */
function addPublishedAt(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(publication_state)').all();
  if (!columns.some((c) => c.name === 'published_at')) db.exec('ALTER TABLE publication_state ADD COLUMN published_at INTEGER');
  db.exec('CREATE INDEX IF NOT EXISTS publication_state_published ON publication_state(owner, published_at)');
}

export class PublicationStore {
  private readonly getStmt;
  private readonly putStmt;
  private readonly waitingStmt;
  private readonly ackStmt;
  private readonly hasAckStmt;
  private readonly reportStmt;
  private readonly recentStmt;

  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS publication_state (
        entry_id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        version INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        target_room TEXT,
        published_version INTEGER,
        entry_type TEXT,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS publication_state_owner ON publication_state(owner, outcome);
      CREATE TABLE IF NOT EXISTS acknowledgements (
        person TEXT NOT NULL,
        policy_version INTEGER NOT NULL,
        entry_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (person, policy_version)
      );
      CREATE TABLE IF NOT EXISTS reports (
        entry_id TEXT PRIMARY KEY,
        reporter TEXT NOT NULL,
        space TEXT,
        target TEXT NOT NULL,
        reason TEXT NOT NULL,
        at INTEGER NOT NULL
      );
    `);
    addPublishedAt(db);
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM publication_state WHERE entry_id = ?');
    this.putStmt = db.prepare(`INSERT INTO publication_state
      (entry_id, owner, fingerprint, version, outcome, target_room, published_version, entry_type, updated_at, published_at)
      VALUES (@entryId, @owner, @fingerprint, @version, @outcome, @targetRoom, @publishedVersion, @entryType, @updatedAt,
        CASE WHEN @outcome = 'published' THEN @updatedAt END)
      ON CONFLICT(entry_id) DO UPDATE SET fingerprint = excluded.fingerprint, version = excluded.version,
        outcome = excluded.outcome, target_room = excluded.target_room,
        published_version = excluded.published_version, entry_type = excluded.entry_type, updated_at = excluded.updated_at,
        published_at = COALESCE(publication_state.published_at, excluded.published_at)`);
    const recent = (types: string) =>
      db.prepare<[{ owner: string; exclude: string; hourAgo: number; dayAgo: number }], { hour: number | null; day: number }>(
        `SELECT SUM(published_at >= @hourAgo) AS hour, COUNT(*) AS day FROM publication_state
          WHERE owner = @owner AND entry_id <> @exclude AND published_at >= @dayAgo AND entry_type IN (${types})`,
      );
    this.recentStmt = { posts: recent("'post', 'comment', 'message'"), reactions: recent("'reaction'") };
    this.waitingStmt = db.prepare<[string], { entry_id: string }>(
      "SELECT entry_id FROM publication_state WHERE owner = ? AND outcome = 'waiting-acknowledgement'",
    );
    this.ackStmt = db.prepare(
      'INSERT OR IGNORE INTO acknowledgements (person, policy_version, entry_id, at) VALUES (?, ?, ?, ?)',
    );
    this.hasAckStmt = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM acknowledgements WHERE person = ?');
    this.reportStmt = db.prepare(
      'INSERT OR IGNORE INTO reports (entry_id, reporter, space, target, reason, at) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  get(entryId: string): EntryRecord | null {
    const row = this.getStmt.get(entryId);
    return row ? fromRow(row) : null;
  }

  put(record: EntryRecord): void {
    this.putStmt.run(record);
  }

  /**
   * How many posts, comments and messages (or reactions, for the reaction-rate rule) `owner` had
   * published for the first time in the hour and the day before `now`, leaving out `exclude` (the
   * entry being judged); a reaction withdrawn since still counts. Edits do not count: the
   * first publication's time is kept (published_at), and an edit never changes it.
   */
  recentPublications(owner: string, exclude: string, now: number, of: 'posts' | 'reactions' = 'posts'): { lastHour: number; lastDay: number } {
    const row = this.recentStmt[of].get({ owner, exclude, hourAgo: now - HOUR, dayAgo: now - DAY });
    return { lastHour: row?.hour ?? 0, lastDay: row?.day ?? 0 };
  }

  waitingFor(owner: string): string[] {
    return this.waitingStmt.all(owner).map((r) => r.entry_id);
  }

  recordAcknowledgement(person: string, policyVersion: number, entryId: string, at: number): void {
    this.ackStmt.run(person, policyVersion, entryId, at);
  }

  hasAcknowledged(person: string): boolean {
    return (this.hasAckStmt.get(person)?.n ?? 0) > 0;
  }

  recordReport(entryId: string, reporter: string, space: string | null, target: string, reason: string, at: number): void {
    this.reportStmt.run(entryId, reporter, space, target, reason, at);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
