// The relay's audit journal: an append-only, hash-chained record of everything the relay did on
// someone's behalf (publication, hold, rejection, acknowledgement, report, moderation decision,
// refused case-file change, membership, policy, space, directory, retention, legal hold). Why these choices:
// - Append-only is enforced twice: this module has no UPDATE or DELETE statement, and triggers
//   (storage/migrations.ts, on SQLite and PostgreSQL) abort any UPDATE or DELETE on the journal's
//   rows, whoever issues it (a later bug, a hand-typed SQL session). Someone with write access to
//   the database can drop the triggers; that is what the chain and the signed checkpoints
//   (checkpoints.ts) are for.
// - One gap-free chain across processes: an append first updates the single row of
//   `audit_chain_lock` in its transaction, which holds that row's lock until commit (PostgreSQL)
//   or the database's write lock (SQLite); only then does it read the head, never cached. So any
//   number of journal objects — the publisher's, an admin operation's, another relay process's —
//   append one consistent chain, and the seq primary key refuses a fork if anything slipped.
// - Records hold metadata and content *hashes*, never the text of a post: the journal is kept
//   forever, and retention promises to delete text after N days. The hash still proves which text
//   was published when a copy of it turns up (see docs/moderation.md).
import { canonicalJson } from '@hearth/core';
import { inTransaction, type Db } from '../storage/schema.js';
import { GENESIS_HASH, bodyHash, chainHash, type RecordBody } from './record-hash.js';

export const AUDIT_KINDS = [
  'publication',
  'hold',
  'rejection',
  'acknowledgement',
  'report',
  'decision',
  'case-change-refused',
  'membership',
  'policy',
  'space-created',
  'directory-import',
  'directory-change',
  'retention',
  'legal-hold',
  'token-revocation',
  'recognition-settings',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** What a caller records. `actor` is a person id, or 'relay' / 'admin' for the relay's own acts. */
export interface AuditEvent {
  kind: AuditKind;
  actor: string;
  space?: string | null;
  /** The person the record is about (the author of a held post, the member added). */
  person?: string | null;
  entry?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the journal's clock. */
  at?: number;
}

export interface AuditRecord extends RecordBody {
  seq: number;
  prevHash: string;
  bodyHash: string;
  hash: string;
}

export interface JournalHead {
  seq: number;
  hash: string;
}

interface Row {
  seq: number;
  at: number;
  kind: string;
  actor: string;
  space: string | null;
  person: string | null;
  entry: string | null;
  details: string;
  prev_hash: string;
  body_hash: string;
  hash: string;
}

export const recordOfRow = (r: Row): AuditRecord => ({
  seq: r.seq,
  at: r.at,
  kind: r.kind,
  actor: r.actor,
  space: r.space,
  person: r.person,
  entry: r.entry,
  details: JSON.parse(r.details) as Record<string, unknown>,
  prevHash: r.prev_hash,
  bodyHash: r.body_hash,
  hash: r.hash,
});

/** Rows per INSERT statement (11 columns; SQLite caps the bound parameters of a statement). */
const INSERT_CHUNK = 200;

export class AuditJournal {
  /** Opens the journal on the relay's database (tables: storage/migrations.ts). */
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Appends one record, chained to the current head, and returns it. Inside `tx` when given (the
   * record then commits or rolls back with the caller's other writes), else in its own transaction.
   */
  async record(event: AuditEvent, tx?: Db): Promise<AuditRecord> {
    const [record] = await this.recordAll([event], tx);
    return record!;
  }

  /**
   * Appends records in order, chained one to the next, in one transaction (the caller's when
   * given): the chain lock and the head are taken once and the rows go in as one statement per
   * chunk. Why: the chain lock serialises every append of every process, so the time it is held
   * per record bounds the journal's throughput; a group of records holds it once.
   */
  recordAll(events: readonly AuditEvent[], tx?: Db): Promise<AuditRecord[]> {
    if (events.length === 0) return Promise.resolve([]);
    // Each body, its canonical details and its hash before the transaction: none depends on the
    // chain, and the chain lock holds back every other append of every process while it is held.
    const bodies = events.map((event) => {
      // Through canonical JSON and back: exactly what will be hashed, stored and exported.
      const details = canonicalJson(event.details ?? {});
      const body: RecordBody = {
        at: Math.trunc(event.at ?? this.now()),
        kind: event.kind,
        actor: event.actor,
        space: event.space ?? null,
        person: event.person ?? null,
        entry: event.entry ?? null,
        details: JSON.parse(details) as Record<string, unknown>,
      };
      return { body, details, bodyHash: bodyHash(body) };
    });
    return inTransaction(tx ?? this.db, async (t) => {
      await t.updateTable('audit_chain_lock').set((eb) => ({ appends: eb('appends', '+', events.length) })).where('id', '=', 1).execute();
      let head = await this.head(t);
      const records = bodies.map(({ body, bodyHash: b }): AuditRecord => {
        const seq = head.seq + 1;
        const record: AuditRecord = { ...body, seq, prevHash: head.hash, bodyHash: b, hash: chainHash(seq, head.hash, b) };
        head = { seq, hash: record.hash };
        return record;
      });
      for (let i = 0; i < records.length; i += INSERT_CHUNK) {
        await t
          .insertInto('audit_journal')
          .values(
            records.slice(i, i + INSERT_CHUNK).map((record, j) => ({
              seq: record.seq,
              at: record.at,
              kind: record.kind,
              actor: record.actor,
              space: record.space,
              person: record.person,
              entry: record.entry,
              details: bodies[i + j]!.details,
              prev_hash: record.prevHash,
              body_hash: record.bodyHash,
              hash: record.hash,
            })),
          )
          .execute();
      }
      return records;
    });
  }

  /** The last record's seq and hash; seq 0 and the genesis hash for an empty journal. */
  head(db: Db = this.db): Promise<JournalHead> {
    return journalHead(db);
  }

  /** Records with fromSeq <= seq <= toSeq, in order. */
  async read(fromSeq: number, toSeq: number): Promise<AuditRecord[]> {
    const rows = await this.db.selectFrom('audit_journal').selectAll().where('seq', '>=', fromSeq).where('seq', '<=', toSeq).orderBy('seq').execute();
    return rows.map(recordOfRow);
  }
}

/** The journal's head on `db`: seq 0 and the genesis hash when it is empty. */
export async function journalHead(db: Db): Promise<JournalHead> {
  const row = await db.selectFrom('audit_journal').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

const journals = new WeakMap<Db, AuditJournal>();

/** The journal of a database handle (one per handle; the chain itself is per database). */
export function journalFor(db: Db): AuditJournal {
  let journal = journals.get(db);
  if (journal === undefined) {
    journal = new AuditJournal(db);
    journals.set(db, journal);
  }
  return journal;
}
