// The relay's audit journal: an append-only, hash-chained record of everything the relay did on
// someone's behalf (publication, hold, rejection, acknowledgement, report, moderation decision,
// refused case-file change, membership, policy, space, directory, retention, legal hold). Why these choices:
// - Append-only is enforced twice: this module has no UPDATE or DELETE statement, and SQLite
//   triggers abort any UPDATE or DELETE on the journal's rows, whoever issues it (a later bug, a
//   hand-typed sqlite3 session). Someone with write access to the file can drop the triggers; that
//   is what the chain and the signed checkpoints (checkpoints.ts) are for.
// - The head is read inside the appending transaction (BEGIN IMMEDIATE, or a savepoint when the
//   caller already holds a transaction), never cached, so any number of journal objects on the
//   database — the publisher's, an admin operation's — append one consistent chain.
// - Records hold metadata and content *hashes*, never the text of a post: the journal is kept
//   forever, and retention promises to delete text after N days. The hash still proves which text
//   was published when a copy of it turns up (see docs/moderation.md).
import type Database from 'better-sqlite3';
import { canonicalJson } from '@hearth/core';
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_journal (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  space TEXT,
  person TEXT,
  entry TEXT,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_journal_at ON audit_journal (at);
CREATE TRIGGER IF NOT EXISTS audit_journal_no_update BEFORE UPDATE ON audit_journal
  BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_journal_no_delete BEFORE DELETE ON audit_journal
  BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
`;

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

/** Creates the journal's tables and triggers (idempotent). Readers never call it. */
export function ensureJournalSchema(db: Database.Database): void {
  db.exec(SCHEMA);
}

export class AuditJournal {
  private readonly headStmt;
  private readonly insertStmt;
  private readonly rangeStmt;
  private readonly append;

  /** Opens the journal on a writable database, creating its tables. */
  constructor(
    db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    ensureJournalSchema(db);
    this.headStmt = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1');
    this.insertStmt = db.prepare(`INSERT INTO audit_journal (seq, at, kind, actor, space, person, entry, details, prev_hash, body_hash, hash)
      VALUES (@seq, @at, @kind, @actor, @space, @person, @entry, @details, @prevHash, @bodyHash, @hash)`);
    this.rangeStmt = db.prepare<[number, number], Row>('SELECT * FROM audit_journal WHERE seq >= ? AND seq <= ? ORDER BY seq');
    this.append = db.transaction((event: AuditEvent): AuditRecord => {
      const head = this.head();
      const body: RecordBody = {
        at: Math.trunc(event.at ?? this.now()),
        kind: event.kind,
        actor: event.actor,
        space: event.space ?? null,
        person: event.person ?? null,
        entry: event.entry ?? null,
        // Through canonical JSON and back: exactly what will be hashed, stored and exported.
        details: JSON.parse(canonicalJson(event.details ?? {})) as Record<string, unknown>,
      };
      const seq = head.seq + 1;
      const b = bodyHash(body);
      const record: AuditRecord = { ...body, seq, prevHash: head.hash, bodyHash: b, hash: chainHash(seq, head.hash, b) };
      this.insertStmt.run({ ...record, details: canonicalJson(record.details) });
      return record;
    });
  }

  /** Appends one record and returns it, chained to the current head. */
  record(event: AuditEvent): AuditRecord {
    return this.append.immediate(event);
  }

  /** The last record's seq and hash; seq 0 and the genesis hash for an empty journal. */
  head(): JournalHead {
    return this.headStmt.get() ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** Records with fromSeq <= seq <= toSeq, in order. */
  read(fromSeq: number, toSeq: number): AuditRecord[] {
    return this.rangeStmt.all(fromSeq, toSeq).map(recordOfRow);
  }
}

const journals = new WeakMap<Database.Database, AuditJournal>();

/** The journal of a database handle (one per handle; the chain itself is per database). */
export function journalFor(db: Database.Database): AuditJournal {
  let journal = journals.get(db);
  if (journal === undefined) {
    journal = new AuditJournal(db);
    journals.set(db, journal);
  }
  return journal;
}
