// Legal holds: a space or a person whose published items retention must not delete while the
// hold stands (litigation, an investigation). Why rows that are closed instead of deleted: who
// placed and lifted a hold, when and why, is itself evidence; every change is also journaled
// (kind 'legal-hold') by hold-operations.ts.
import type { Db } from '../storage/schema.js';

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

interface Row {
  id: number;
  scope: string;
  target: string;
  reason: string;
  placed_by: string;
  placed_at: number;
  removed_by: string | null;
  removed_at: number | null;
}

const fromRow = (r: Row): LegalHold => ({
  id: r.id,
  scope: r.scope as HoldScope,
  target: r.target,
  reason: r.reason,
  placedBy: r.placed_by,
  placedAt: r.placed_at,
  removedBy: r.removed_by,
  removedAt: r.removed_at,
});

export class LegalHolds {
  constructor(private readonly db: Db) {}

  /** The same holds inside a caller's transaction. */
  in(tx: Db): LegalHolds {
    return new LegalHolds(tx);
  }

  /** Places a hold; a second hold on the same target is kept too (each has its own reason). */
  async add(scope: HoldScope, target: string, reason: string, by: string, at: number): Promise<LegalHold> {
    const row = await this.db
      .insertInto('audit_holds')
      .values({ scope, target, reason, placed_by: by, placed_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(row.id), scope, target, reason, placedBy: by, placedAt: at, removedBy: null, removedAt: null };
  }

  /** Lifts every standing hold on the target; returns how many. */
  async remove(scope: HoldScope, target: string, by: string, at: number): Promise<number> {
    const r = await this.db
      .updateTable('audit_holds')
      .set({ removed_by: by, removed_at: at })
      .where('scope', '=', scope)
      .where('target', '=', target)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async list(options: { all?: boolean } = {}): Promise<LegalHold[]> {
    let q = this.db.selectFrom('audit_holds').selectAll().orderBy('id');
    if (options.all !== true) q = q.where('removed_at', 'is', null);
    return (await q.execute()).map(fromRow);
  }

  /** The standing holds as sets, for one retention sweep. */
  async active(): Promise<{ spaces: Set<string>; people: Set<string> }> {
    const spaces = new Set<string>();
    const people = new Set<string>();
    for (const h of await this.list()) (h.scope === 'space' ? spaces : people).add(h.target);
    return { spaces, people };
  }
}
