// The relay's record of join requests and of every membership entry it carried out. Why a table
// and not only the inbox documents: validation needs facts the relay alone can vouch for (is this
// request real and still waiting? how many does this person have open?), and a decision must win a
// race against a second facilitator's decision exactly once — a conditional UPDATE does that.
// The partial unique index makes "one waiting request per person per space" a rule of the database,
// not only of the validation that ran before. Tables: storage/migrations.ts.
import type { JoinRequestState, JoinRequestView } from '@hearth/core';
import { inTransaction, type Db } from '../storage/schema.js';

const DAY = 24 * 3_600_000;

interface RequestRow {
  request_id: string;
  person: string;
  space: string;
  state: string;
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
  state: r.state as JoinRequestState,
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionEntry: r.decision_entry,
});

/** Plain view for the inbox documents (no relay-only fields). */
export const viewOf = ({ decisionEntry: _d, ...view }: JoinRequestRecord): JoinRequestView => view;

export class JoinRequestStore {
  constructor(private readonly db: Db) {}

  /** The same store inside a caller's transaction. */
  in(tx: Db): JoinRequestStore {
    return new JoinRequestStore(tx);
  }

  async get(requestId: string): Promise<JoinRequestRecord | null> {
    const row = await this.db.selectFrom('join_requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** Records a new waiting request. False when one exists under that id already. */
  async open(requestId: string, person: string, space: string, at: number): Promise<boolean> {
    const r = await this.db
      .insertInto('join_requests')
      .values({ request_id: requestId, person, space, state: 'pending', requested_at: at })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * Moves a waiting request to `state`. False when it was no longer waiting (decided or withdrawn
   * meanwhile): the caller lost the race and must change nothing.
   */
  async settle(requestId: string, state: Exclude<JoinRequestState, 'pending'>, by: string | null, at: number, entry: string | null): Promise<boolean> {
    const r = await this.db
      .updateTable('join_requests')
      .set({ state, decided_by: by, decided_at: state === 'withdrawn' ? null : at, decision_entry: entry })
      .where('request_id', '=', requestId)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Spaces where `person` has a request waiting, leaving out the request `exclude`. */
  async pendingSpaces(person: string, exclude: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('join_requests')
      .select('space')
      .where('person', '=', person)
      .where('state', '=', 'pending')
      .where('request_id', '<>', exclude)
      .orderBy('space')
      .execute();
    return rows.map((r) => r.space);
  }

  /** Join and leave entries of `person` carried out in the day before `now`, leaving out `exclude`. */
  async changesLastDay(person: string, exclude: string, now: number): Promise<number> {
    const row = await this.db
      .selectFrom('membership_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person', '=', person)
      .where('entry_id', '<>', exclude)
      .where('type', 'in', ['join', 'leave'])
      .where('at', '>=', now - DAY)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The space of a membership entry the relay already carried out (a replay must not judge it again); null if it did not. */
  async carriedOut(entryId: string): Promise<string | null> {
    const row = await this.db.selectFrom('membership_entries').select('space').where('entry_id', '=', entryId).executeTakeFirst();
    return row?.space ?? null;
  }

  async markCarriedOut(entryId: string, person: string, type: string, space: string, at: number): Promise<void> {
    await this.db.insertInto('membership_entries').values({ entry_id: entryId, person, type, space, at }).onConflict((oc) => oc.column('entry_id').doNothing()).execute();
  }

  /** Runs `fn` in one transaction (joining the caller's when this store is bound to one). */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.db, fn);
  }
}
