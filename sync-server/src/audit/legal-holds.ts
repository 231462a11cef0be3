// Legal holds: a space or a person whose published items retention must not delete while the
// hold stands (litigation, an investigation). Why rows that are closed instead of deleted: who
// placed and lifted a hold, when and why, is itself evidence; every change is also journaled
// (kind 'legal-hold') by hold-operations.ts.
import type Database from 'better-sqlite3';

export type HoldScope = 'space' | 'person';

export interface LegalHold {
  id: number;
  scope: HoldScope;
  target: string;
  reason: string;
  placedBy: string;
  placedAt: number;
  removedBy: string | null;
  removedAt: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_holds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scope TEXT NOT NULL CHECK (scope IN ('space', 'person')),
  target TEXT NOT NULL,
  reason TEXT NOT NULL,
  placed_by TEXT NOT NULL,
  placed_at INTEGER NOT NULL,
  removed_by TEXT,
  removed_at INTEGER
);
CREATE INDEX IF NOT EXISTS audit_holds_target ON audit_holds (scope, target);
`;

interface Row {
  id: number;
  scope: HoldScope;
  target: string;
  reason: string;
  placed_by: string;
  placed_at: number;
  removed_by: string | null;
  removed_at: number | null;
}

const fromRow = (r: Row): LegalHold => ({
  id: r.id,
  scope: r.scope,
  target: r.target,
  reason: r.reason,
  placedBy: r.placed_by,
  placedAt: r.placed_at,
  removedBy: r.removed_by,
  removedAt: r.removed_at,
});

export class LegalHolds {
  private readonly insertStmt;
  private readonly activeStmt;
  private readonly allStmt;
  private readonly closeStmt;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.insertStmt = db.prepare<[HoldScope, string, string, string, number]>('INSERT INTO audit_holds (scope, target, reason, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)');
    this.activeStmt = db.prepare<[], Row>('SELECT * FROM audit_holds WHERE removed_at IS NULL ORDER BY id');
    this.allStmt = db.prepare<[], Row>('SELECT * FROM audit_holds ORDER BY id');
    this.closeStmt = db.prepare<[string, number, HoldScope, string]>('UPDATE audit_holds SET removed_by = ?, removed_at = ? WHERE scope = ? AND target = ? AND removed_at IS NULL');
  }

  /** Places a hold; a second hold on the same target is kept too (each has its own reason). */
  add(scope: HoldScope, target: string, reason: string, by: string, at: number): LegalHold {
    const id = Number(this.insertStmt.run(scope, target, reason, by, at).lastInsertRowid);
    return { id, scope, target, reason, placedBy: by, placedAt: at, removedBy: null, removedAt: null };
  }

  /** Lifts every standing hold on the target; returns how many. */
  remove(scope: HoldScope, target: string, by: string, at: number): number {
    return this.closeStmt.run(by, at, scope, target).changes;
  }

  list(options: { all?: boolean } = {}): LegalHold[] {
    return (options.all === true ? this.allStmt : this.activeStmt).all().map(fromRow);
  }

  /** The standing holds as sets, for one retention sweep. */
  active(): { spaces: Set<string>; people: Set<string> } {
    const spaces = new Set<string>();
    const people = new Set<string>();
    for (const h of this.list()) (h.scope === 'space' ? spaces : people).add(h.target);
    return { spaces, people };
  }
}
