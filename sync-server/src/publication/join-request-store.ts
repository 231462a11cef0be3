// The relay's record of join requests and of every membership entry it carried out. Why a table
// and not only the inbox documents: validation needs facts the relay alone can vouch for (is this
// request real and still waiting? how many does this person have open?), and a decision must win a
// race against a second facilitator's decision exactly once — a conditional UPDATE does that.
// The partial unique index makes "one waiting request per person per space" a rule of the database,
// not only of the validation that ran before.
import type Database from 'better-sqlite3';
import type { JoinRequestState, JoinRequestView } from '@hearth/core';

const DAY = 24 * 3_600_000;

interface RequestRow {
  request_id: string;
  person: string;
  space: string;
  state: JoinRequestState;
  requested_at: number;
  decided_by: string | null;
  decided_at: number | null;
  decision_entry: string | null;
}

export interface JoinRequestRecord extends JoinRequestView {
  /** The decision entry that settled it, when one did. */
  decisionEntry: string | null;
}

const fromRow = (r: RequestRow): JoinRequestRecord => ({
  id: r.request_id,
  person: r.person,
  space: r.space,
  state: r.state,
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionEntry: r.decision_entry,
});

/** Plain view for the inbox documents (no relay-only fields). */
export const viewOf = ({ decisionEntry: _d, ...view }: JoinRequestRecord): JoinRequestView => view;

export class JoinRequestStore {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly settleStmt;
  private readonly pendingStmt;
  private readonly carriedStmt;
  private readonly markStmt;
  private readonly countStmt;

  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS join_requests (
        request_id TEXT PRIMARY KEY,
        person TEXT NOT NULL,
        space TEXT NOT NULL,
        state TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        decided_by TEXT,
        decided_at INTEGER,
        decision_entry TEXT
      );
      CREATE UNIQUE INDEX IF NOT EXISTS join_requests_one_pending ON join_requests(person, space) WHERE state = 'pending';
      CREATE TABLE IF NOT EXISTS membership_entries (
        entry_id TEXT PRIMARY KEY,
        person TEXT NOT NULL,
        type TEXT NOT NULL,
        space TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS membership_entries_person ON membership_entries(person, at);
    `);
    this.getStmt = db.prepare<[string], RequestRow>('SELECT * FROM join_requests WHERE request_id = ?');
    this.insertStmt = db.prepare(
      "INSERT OR IGNORE INTO join_requests (request_id, person, space, state, requested_at) VALUES (?, ?, ?, 'pending', ?)",
    );
    this.settleStmt = db.prepare(
      "UPDATE join_requests SET state = @state, decided_by = @by, decided_at = @at, decision_entry = @entry WHERE request_id = @id AND state = 'pending'",
    );
    this.pendingStmt = db.prepare<[string, string], { space: string }>(
      "SELECT space FROM join_requests WHERE person = ? AND state = 'pending' AND request_id <> ? ORDER BY space",
    );
    this.carriedStmt = db.prepare<[string], { space: string }>('SELECT space FROM membership_entries WHERE entry_id = ?');
    this.markStmt = db.prepare('INSERT OR IGNORE INTO membership_entries (entry_id, person, type, space, at) VALUES (?, ?, ?, ?, ?)');
    this.countStmt = db.prepare<[string, string, number], { n: number }>(
      "SELECT COUNT(*) AS n FROM membership_entries WHERE person = ? AND entry_id <> ? AND type IN ('join', 'leave') AND at >= ?",
    );
  }

  get(requestId: string): JoinRequestRecord | null {
    const row = this.getStmt.get(requestId);
    return row ? fromRow(row) : null;
  }

  /** Records a new waiting request. False when one exists under that id already. */
  open(requestId: string, person: string, space: string, at: number): boolean {
    return this.insertStmt.run(requestId, person, space, at).changes > 0;
  }

  /**
   * Moves a waiting request to `state`. False when it was no longer waiting (decided or withdrawn
   * meanwhile): the caller lost the race and must change nothing.
   */
  settle(requestId: string, state: Exclude<JoinRequestState, 'pending'>, by: string | null, at: number, entry: string | null): boolean {
    return this.settleStmt.run({ id: requestId, state, by, at: state === 'withdrawn' ? null : at, entry }).changes > 0;
  }

  /** Spaces where `person` has a request waiting, leaving out the request `exclude`. */
  pendingSpaces(person: string, exclude: string): string[] {
    return this.pendingStmt.all(person, exclude).map((r) => r.space);
  }

  /** Join and leave entries of `person` carried out in the day before `now`, leaving out `exclude`. */
  changesLastDay(person: string, exclude: string, now: number): number {
    return this.countStmt.get(person, exclude, now - DAY)?.n ?? 0;
  }

  /** The space of a membership entry the relay already carried out (a replay must not judge it again); null if it did not. */
  carriedOut(entryId: string): string | null {
    return this.carriedStmt.get(entryId)?.space ?? null;
  }

  markCarriedOut(entryId: string, person: string, type: string, space: string, at: number): void {
    this.markStmt.run(entryId, person, type, space, at);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
