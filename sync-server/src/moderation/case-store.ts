// The relay's own records about cases, beside the case files: which Automerge document holds which
// case (and for which space: that decides who may see it), which decisions have been carried out,
// and which Automerge actor belongs to which person. Why a table for "carried out" and not a field
// in the case file: moderators write the case file; only the relay's database can be trusted to say
// that a decision was performed, and it is written in the same transaction as the audit record.
import type Database from 'better-sqlite3';
import type { CaseExecution, CaseSource } from '@hearth/core';

export interface CaseRow {
  caseId: string;
  documentId: string;
  space: string | null;
  source: CaseSource;
  entryId: string;
  author: string;
  openedAt: number;
}

interface Row {
  case_id: string;
  document_id: string;
  space: string | null;
  source: CaseSource;
  entry_id: string;
  author: string;
  opened_at: number;
}

const fromRow = (r: Row): CaseRow => ({
  caseId: r.case_id,
  documentId: r.document_id,
  space: r.space,
  source: r.source,
  entryId: r.entry_id,
  author: r.author,
  openedAt: r.opened_at,
});

export class CaseStore {
  private readonly byCase;
  private readonly byDocument;
  private readonly allStmt;
  private readonly insertStmt;
  private readonly actionStmt;
  private readonly recordActionStmt;
  private readonly actorStmt;

  constructor(readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS case_documents (
        case_id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE,
        space TEXT,
        source TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        author TEXT NOT NULL,
        opened_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS case_actions (
        case_id TEXT NOT NULL,
        decision_id TEXT NOT NULL,
        action TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (case_id, decision_id)
      );
      CREATE TABLE IF NOT EXISTS case_actors (
        actor TEXT PRIMARY KEY,
        person TEXT NOT NULL,
        first_seen INTEGER NOT NULL
      );
    `);
    this.byCase = db.prepare<[string], Row>('SELECT * FROM case_documents WHERE case_id = ?');
    this.byDocument = db.prepare<[string], Row>('SELECT * FROM case_documents WHERE document_id = ?');
    this.allStmt = db.prepare<[], Row>('SELECT * FROM case_documents ORDER BY opened_at');
    this.insertStmt = db.prepare(`INSERT INTO case_documents (case_id, document_id, space, source, entry_id, author, opened_at)
      VALUES (@caseId, @documentId, @space, @source, @entryId, @author, @openedAt)`);
    this.actionStmt = db.prepare<[string, string], { outcome: CaseExecution['outcome']; at: number; detail: string | null }>(
      'SELECT outcome, at, detail FROM case_actions WHERE case_id = ? AND decision_id = ?',
    );
    this.recordActionStmt = db.prepare(
      'INSERT INTO case_actions (case_id, decision_id, action, decided_by, outcome, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.actorStmt = db.prepare('INSERT OR IGNORE INTO case_actors (actor, person, first_seen) VALUES (?, ?, ?)');
  }

  get(caseId: string): CaseRow | null {
    const r = this.byCase.get(caseId);
    return r ? fromRow(r) : null;
  }

  byDocumentId(documentId: string): CaseRow | null {
    const r = this.byDocument.get(documentId);
    return r ? fromRow(r) : null;
  }

  all(): CaseRow[] {
    return this.allStmt.all().map(fromRow);
  }

  insert(row: CaseRow): void {
    this.insertStmt.run(row);
  }

  execution(caseId: string, decisionId: string): CaseExecution | null {
    const r = this.actionStmt.get(caseId, decisionId);
    if (r === undefined) return null;
    return r.detail === null ? { at: r.at, outcome: r.outcome } : { at: r.at, outcome: r.outcome, detail: r.detail };
  }

  recordExecution(caseId: string, decision: { id: string; action: string; by: string }, execution: CaseExecution): void {
    this.recordActionStmt.run(caseId, decision.id, decision.action, decision.by, execution.outcome, execution.detail ?? null, execution.at);
  }

  /** Records which person an actor id belongs to (first sighting; the binding itself is derived). */
  noteActor(actor: string, person: string, at: number): void {
    this.actorStmt.run(actor, person, at);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
