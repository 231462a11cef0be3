// Durable publication state, beside the documents in the relay's database. It is what makes
// publication exactly-once per entry version across restarts: an entry's content fingerprint and
// the relay-assigned version are recorded only after the target document has been written, and
// publishEntry is idempotent per version, so a crash between the two replays the same version
// harmlessly instead of publishing twice or skipping.
import type { EntryType } from '@hearth/core';
import { Coalescer } from '../storage/coalescer.js';
import { inTransaction, type Db } from '../storage/schema.js';

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
  outcome: string;
  target_room: string | null;
  published_version: number | null;
  entry_type: string | null;
  updated_at: number;
}

const fromRow = (r: Row): EntryRecord => ({
  entryId: r.entry_id,
  owner: r.owner,
  fingerprint: r.fingerprint,
  version: r.version,
  outcome: r.outcome as Outcome,
  targetRoom: r.target_room,
  publishedVersion: r.published_version,
  entryType: r.entry_type as EntryType | null,
  updatedAt: r.updated_at,
});

interface RecentQuestion {
  owner: string;
  exclude: string;
  now: number;
}
/** A person's first publications in the hour and the day before a moment (recentPublications). */
export interface RecentCounts {
  lastHour: number;
  lastDay: number;
}
interface Acknowledgement {
  person: string;
  policyVersion: number;
  entryId: string;
  at: number;
}

const HOUR = 3_600_000;
/** Rows per upsert statement (10 columns; SQLite caps the bound parameters of a statement). */
const PUT_CHUNK = 200;
const DAY = 24 * HOUR;

/**
 * The publication tables (storage/migrations.ts). published_at: when the entry was first published
 * (set once, by the upsert, when the outcome first becomes 'published'; an edit or a later hold
 * leaves it). Why a column rather than updated_at: updated_at moves with every edit, and an edit
 * is not a new post for the posting-rate rule.
 */
export class PublicationStore {
  constructor(readonly db: Db) {}

  /** The same store inside a caller's transaction. */
  in(tx: Db): PublicationStore {
    return new PublicationStore(tx);
  }

  /**
   * Concurrent reads of one kind share a statement (storage/coalescer.ts): the publisher's passes
   * each read their outbox's records and count their author's recent posts as they start.
   */
  private readonly records = new Coalescer<string, EntryRecord | undefined>((ids) => this.readRecords(ids), { max: 500 });
  private readonly recentCounts = {
    posts: new Coalescer<RecentQuestion, RecentCounts>((qs) => this.countRecent(qs, 'posts'), { max: 500 }),
    reactions: new Coalescer<RecentQuestion, RecentCounts>((qs) => this.countRecent(qs, 'reactions'), { max: 500 }),
  };
  private readonly acknowledging = new Coalescer<Acknowledgement, void>((acks) => this.insertAcknowledgements(acks), { max: 200 });

  async get(entryId: string): Promise<EntryRecord | null> {
    return (await this.records.ask(entryId)) ?? null;
  }

  /**
   * The records of many entries, by entry id; ids without a record are absent. In statements of up
   * to 500 ids, shared with other callers reading at the same time. Why: a publication pass used to
   * read one record per entry of the outbox, so every new post of someone with thousands of entries
   * cost thousands of round trips.
   */
  async getMany(entryIds: readonly string[]): Promise<Map<string, EntryRecord>> {
    const found = await Promise.all(entryIds.map((id) => this.records.ask(id)));
    const out = new Map<string, EntryRecord>();
    for (const record of found) if (record !== undefined) out.set(record.entryId, record);
    return out;
  }

  private async readRecords(entryIds: readonly string[]): Promise<Array<EntryRecord | undefined>> {
    const rows = await this.db.selectFrom('publication_state').selectAll().where('entry_id', 'in', [...new Set(entryIds)]).execute();
    const byId = new Map(rows.map((row) => [row.entry_id, fromRow(row)]));
    return entryIds.map((id) => byId.get(id));
  }

  async put(record: EntryRecord): Promise<void> {
    await this.putAll([record]);
  }

  /**
   * Upserts records, one statement per chunk. The entry ids must be distinct (PostgreSQL refuses an
   * upsert that touches one row twice).
   */
  async putAll(records: readonly EntryRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += PUT_CHUNK) await this.putChunk(records.slice(i, i + PUT_CHUNK));
  }

  private async putChunk(records: readonly EntryRecord[]): Promise<void> {
    await this.db
      .insertInto('publication_state')
      .values(
        records.map((record) => ({
          entry_id: record.entryId,
          owner: record.owner,
          fingerprint: record.fingerprint,
          version: record.version,
          outcome: record.outcome,
          target_room: record.targetRoom,
          published_version: record.publishedVersion,
          entry_type: record.entryType,
          updated_at: record.updatedAt,
          published_at: record.outcome === 'published' ? record.updatedAt : null,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('entry_id')
          .doUpdateSet((eb) => ({
          fingerprint: eb.ref('excluded.fingerprint'),
          version: eb.ref('excluded.version'),
          outcome: eb.ref('excluded.outcome'),
          target_room: eb.ref('excluded.target_room'),
          published_version: eb.ref('excluded.published_version'),
          entry_type: eb.ref('excluded.entry_type'),
          updated_at: eb.ref('excluded.updated_at'),
          published_at: eb.fn.coalesce('publication_state.published_at', 'excluded.published_at'),
          }))
          // Never another person's record: an entry id copied from someone else's item changes nothing.
          .whereRef('publication_state.owner', '=', 'excluded.owner'),
      )
      .execute();
  }

  /**
   * How many posts, comments and messages (or reactions, for the reaction-rate rule) `owner` had
   * published for the first time in the hour and the day before `now`, leaving out `exclude` (the
   * entry being judged); a reaction withdrawn since still counts. Edits do not count: the
   * first publication's time is kept (published_at), and an edit never changes it.
   */
  async recentPublications(owner: string, exclude: string, now: number, of: 'posts' | 'reactions' = 'posts'): Promise<RecentCounts> {
    return this.recentCounts[of].ask({ owner, exclude, now });
  }

  /**
   * recentPublications for several people in one statement. The window ends at the latest `now`
   * asked (they were asked within milliseconds of each other). Leaving out every excluded entry for
   * everyone is the same as each person's own: an entry id has one owner.
   */
  private async countRecent(questions: readonly RecentQuestion[], of: 'posts' | 'reactions'): Promise<RecentCounts[]> {
    const now = Math.max(...questions.map((q) => q.now));
    const hourAgo = now - HOUR;
    const rows = await this.db
      .selectFrom('publication_state')
      .select((eb) => [
        'owner',
        eb.fn.sum<number | null>(eb.case().when('published_at', '>=', hourAgo).then(1).else(0).end()).as('hour'),
        eb.fn.countAll<number>().as('day'),
      ])
      .where('owner', 'in', [...new Set(questions.map((q) => q.owner))])
      .where('entry_id', 'not in', [...new Set(questions.map((q) => q.exclude))])
      .where('published_at', '>=', now - DAY)
      .where('entry_type', 'in', of === 'posts' ? ['post', 'comment', 'message'] : ['reaction'])
      .groupBy('owner')
      .execute();
    const byOwner = new Map(rows.map((r) => [r.owner, { lastHour: Number(r.hour ?? 0), lastDay: Number(r.day ?? 0) }]));
    return questions.map((q) => ({ ...(byOwner.get(q.owner) ?? { lastHour: 0, lastDay: 0 }) })); // each its own: a pass counts along in it
  }

  /**
   * The bucket migration moved these entries from room `from` to room `to`: their records follow, so
   * edits, comments and moderation find them there. Records already elsewhere are left alone.
   */
  async relocate(entryIds: readonly string[], from: string, to: string): Promise<void> {
    for (let i = 0; i < entryIds.length; i += 500) {
      const chunk = entryIds.slice(i, i + 500);
      await this.db.updateTable('publication_state').set({ target_room: to }).where('target_room', '=', from).where('entry_id', 'in', chunk).execute();
    }
  }

  async waitingFor(owner: string): Promise<string[]> {
    const rows = await this.db.selectFrom('publication_state').select('entry_id').where('owner', '=', owner).where('outcome', '=', 'waiting-acknowledgement').execute();
    return rows.map((r) => r.entry_id);
  }

  async recordAcknowledgement(person: string, policyVersion: number, entryId: string, at: number): Promise<void> {
    await this.acknowledging.ask({ person, policyVersion, entryId, at });
  }

  private async insertAcknowledgements(acks: readonly Acknowledgement[]): Promise<void[]> {
    await this.db
      .insertInto('acknowledgements')
      .values(acks.map((a) => ({ person: a.person, policy_version: a.policyVersion, entry_id: a.entryId, at: a.at })))
      .onConflict((oc) => oc.columns(['person', 'policy_version']).doNothing())
      .execute();
    return acks.map(() => undefined);
  }

  async hasAcknowledged(person: string): Promise<boolean> {
    const row = await this.db.selectFrom('acknowledgements').select('person').where('person', '=', person).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async recordReport(entryId: string, reporter: string, space: string | null, target: string, reason: string, at: number): Promise<void> {
    await this.db
      .insertInto('reports')
      .values({ entry_id: entryId, reporter, space, target, reason, at })
      .onConflict((oc) => oc.column('entry_id').doNothing())
      .execute();
  }

  /** Runs `fn` in one transaction (joining the caller's when this store is bound to one). */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.db, fn);
  }
}
