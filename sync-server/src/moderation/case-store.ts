// The relay's own records about cases, beside the case files: which Automerge document holds which
// case (and for which space: that decides who may see it), the item as the relay opened the case
// (what was held, flagged or reported: author, room, version, text) with the policy's findings,
// which decisions have been carried out, and which Automerge actor belongs to which person.
// Why the item here and not only in the case file: the case file is multi-writer, so nothing in it
// may decide what the relay publishes — the executor takes text, author, space and target from
// this row only. Why a table for "carried out" and not a field in the case file: only the relay's
// database can be trusted to say that a decision was performed, and it is written in the same
// transaction as the audit record.
import type Database from 'better-sqlite3';
import type { CaseExecution, CaseItem, CaseSource, StatusFinding } from '@hearth/core';

export interface CaseRow {
  caseId: string;
  documentId: string;
  space: string | null;
  source: CaseSource;
  entryId: string;
  author: string;
  openedAt: number;
  /** The item as the relay opened the case; null only for rows from before it was recorded (see `backfill`). */
  item: CaseItem | null;
  findings: StatusFinding[];
}

interface Row {
  case_id: string;
  document_id: string;
  space: string | null;
  source: CaseSource;
  entry_id: string;
  author: string;
  opened_at: number;
  item: string | null;
  findings: string | null;
}

const fromRow = (r: Row): CaseRow => ({
  caseId: r.case_id,
  documentId: r.document_id,
  space: r.space,
  source: r.source,
  entryId: r.entry_id,
  author: r.author,
  openedAt: r.opened_at,
  item: r.item === null ? null : (JSON.parse(r.item) as CaseItem),
  findings: r.findings === null ? [] : (JSON.parse(r.findings) as StatusFinding[]),
});

/**
 * `item` and `findings` (JSON): the case as opened. Data directories from before these columns get
 * them here, NULL; the moderation service fills them from the relay's records at start (`setItem`).
 */
function addOpenedItem(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(case_documents)').all();
  if (!columns.some((c) => c.name === 'item')) db.exec('ALTER TABLE case_documents ADD COLUMN item TEXT');
  if (!columns.some((c) => c.name === 'findings')) db.exec('ALTER TABLE case_documents ADD COLUMN findings TEXT');
}

export class CaseStore {
  private readonly byCase;
  private readonly byDocument;
  private readonly allStmt;
  private readonly insertStmt;
  private readonly actionStmt;
  private readonly recordActionStmt;
  private readonly actorStmt;
  private readonly setItemStmt;

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
    addOpenedItem(db);
    this.byCase = db.prepare<[string], Row>('SELECT * FROM case_documents WHERE case_id = ?');
    this.byDocument = db.prepare<[string], Row>('SELECT * FROM case_documents WHERE document_id = ?');
    this.allStmt = db.prepare<[], Row>('SELECT * FROM case_documents ORDER BY opened_at');
    this.insertStmt = db.prepare(`INSERT INTO case_documents (case_id, document_id, space, source, entry_id, author, opened_at, item, findings)
      VALUES (@caseId, @documentId, @space, @source, @entryId, @author, @openedAt, @item, @findings)`);
    this.setItemStmt = db.prepare('UPDATE case_documents SET item = ?, findings = ? WHERE case_id = ? AND item IS NULL');
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
    this.insertStmt.run({ ...row, item: row.item === null ? null : JSON.stringify(row.item), findings: JSON.stringify(row.findings) });
  }

  /** Records the item of a row that has none yet (rows from before the column existed). */
  setItem(caseId: string, item: CaseItem, findings: StatusFinding[]): void {
    this.setItemStmt.run(JSON.stringify(item), JSON.stringify(findings), caseId);
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
