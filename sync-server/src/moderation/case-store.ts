// The relay's own records about cases, beside the case files: which Automerge document holds which
// case (and for which space: that decides who may see it), the item as the relay opened the case
// (what was held, flagged or reported: author, room, version, text) with the policy's findings,
// which decisions have been carried out, and which Automerge actor belongs to which person.
// Why the item here and not only in the case file: the case file is multi-writer, so nothing in it
// may decide what the relay publishes — the executor takes text, author, space and target from
// this row only. Why a table for "carried out" and not a field in the case file: only the relay's
// database can be trusted to say that a decision was performed, and it is written in the same
// transaction as the audit record.
import type { CaseExecution, CaseItem, CaseSource, StatusFinding } from '@hearth/core';
import { inTransaction, type Db } from '../storage/schema.js';

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
  source: string;
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
  source: r.source as CaseSource,
  entryId: r.entry_id,
  author: r.author,
  openedAt: r.opened_at,
  item: r.item === null ? null : (JSON.parse(r.item) as CaseItem),
  findings: r.findings === null ? [] : (JSON.parse(r.findings) as StatusFinding[]),
});

/**
 * `item` and `findings` (JSON): the case as opened. Rows from before these columns have them NULL;
 * the moderation service fills them from the relay's records at start (`setItem`).
 */
export class CaseStore {
  constructor(readonly db: Db) {}

  /** The same store inside a caller's transaction. */
  in(tx: Db): CaseStore {
    return new CaseStore(tx);
  }

  async get(caseId: string): Promise<CaseRow | null> {
    const r = await this.db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  async byDocumentId(documentId: string): Promise<CaseRow | null> {
    const r = await this.db.selectFrom('case_documents').selectAll().where('document_id', '=', documentId).executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  /**
   * The cases a starting relay must load: every one not marked settled (open, decided but not yet
   * carried out, or acted on again since it was unloaded), oldest first.
   */
  async unsettled(): Promise<CaseRow[]> {
    return (await this.db.selectFrom('case_documents').selectAll().where('settled_at', 'is', null).orderBy('opened_at').execute()).map(fromRow);
  }

  /** Marks a case file settled as it is unloaded (kept as it is when already marked). */
  async markSettled(caseId: string, at: number): Promise<void> {
    await this.db.updateTable('case_documents').set({ settled_at: at }).where('case_id', '=', caseId).where('settled_at', 'is', null).execute();
  }

  /**
   * A case is being acted on again: it is loaded at the next start until it is settled once more.
   * Written before the relay takes the change in, so a crash in between cannot leave a decision
   * in a case file no restart looks at.
   */
  async markUnsettled(caseId: string): Promise<void> {
    await this.db.updateTable('case_documents').set({ settled_at: null }).where('case_id', '=', caseId).where('settled_at', 'is not', null).execute();
  }

  async insert(row: CaseRow): Promise<void> {
    await this.db
      .insertInto('case_documents')
      .values({
        case_id: row.caseId,
        document_id: row.documentId,
        space: row.space,
        source: row.source,
        entry_id: row.entryId,
        author: row.author,
        opened_at: row.openedAt,
        item: row.item === null ? null : JSON.stringify(row.item),
        findings: JSON.stringify(row.findings),
      })
      .execute();
  }

  /** Records the item of a row that has none yet (rows from before the column existed). */
  async setItem(caseId: string, item: CaseItem, findings: StatusFinding[]): Promise<void> {
    await this.db
      .updateTable('case_documents')
      .set({ item: JSON.stringify(item), findings: JSON.stringify(findings) })
      .where('case_id', '=', caseId)
      .where('item', 'is', null)
      .execute();
  }

  async execution(caseId: string, decisionId: string): Promise<CaseExecution | null> {
    const r = await this.db
      .selectFrom('case_actions')
      .select(['outcome', 'at', 'detail'])
      .where('case_id', '=', caseId)
      .where('decision_id', '=', decisionId)
      .executeTakeFirst();
    if (r === undefined) return null;
    const outcome = r.outcome as CaseExecution['outcome'];
    return r.detail === null ? { at: r.at, outcome } : { at: r.at, outcome, detail: r.detail };
  }

  /**
   * Records a decision as carried out. The (case, decision) primary key makes it once-only: a
   * second record of the same decision — another relay process that raced this one — fails, and
   * with it the transaction that would have journaled it twice.
   */
  async recordExecution(caseId: string, decision: { id: string; action: string; by: string }, execution: CaseExecution): Promise<void> {
    await this.db
      .insertInto('case_actions')
      .values({ case_id: caseId, decision_id: decision.id, action: decision.action, decided_by: decision.by, outcome: execution.outcome, detail: execution.detail ?? null, at: execution.at })
      .execute();
  }

  /** Records which person an actor id belongs to (first sighting; the binding itself is derived). */
  async noteActor(actor: string, person: string, at: number): Promise<void> {
    await this.db.insertInto('case_actors').values({ actor, person, first_seen: at }).onConflict((oc) => oc.column('actor').doNothing()).execute();
  }

  /** Runs `fn` in one transaction (joining the caller's when this store is bound to one). */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.db, fn);
  }
}
