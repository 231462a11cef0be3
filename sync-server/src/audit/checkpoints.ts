// Signed checkpoints of the audit journal: (seq, hash, at) of the journal's head, signed with the
// relay's Ed25519 audit key. Why: the chain alone shows that records follow each other, but whoever
// can write the database could rewrite the whole chain; a checkpoint fixes the head at a moment
// with a signature only the key's holder can make, and each checkpoint is also written to the log
// (which companies ship to a SIEM outside the relay), a witness the relay cannot edit afterwards.
// The relay signs one at least hourly when the journal grew, and one when it stops; an export
// signs one more over the head it reads. Checkpoint rows are append-only like the journal's.
import type Database from 'better-sqlite3';
import { signBytes, type AuditKey } from './audit-key.js';
import type { JournalHead } from './journal.js';
import { checkpointPayload } from './record-hash.js';

export interface Checkpoint {
  seq: number;
  hash: string;
  at: number;
  signature: string;
  keyFingerprint: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_checkpoints (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  at INTEGER NOT NULL,
  signature TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_checkpoints_seq ON audit_checkpoints (seq);
CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
`;

interface Row {
  seq: number;
  hash: string;
  at: number;
  signature: string;
  key_fingerprint: string;
}

const fromRow = (r: Row): Checkpoint => ({ seq: r.seq, hash: r.hash, at: r.at, signature: r.signature, keyFingerprint: r.key_fingerprint });

export function signCheckpoint(key: AuditKey, head: JournalHead, at: number): Checkpoint {
  const c = { seq: head.seq, hash: head.hash, at: Math.trunc(at) };
  return { ...c, signature: signBytes(key, checkpointPayload(c)), keyFingerprint: key.fingerprint };
}

/** Read access to stored checkpoints; works on a read-only database handle. */
export class CheckpointReader {
  private readonly latestStmt;
  private readonly beforeStmt;
  private readonly fromStmt;
  private readonly betweenStmt;

  constructor(db: Database.Database) {
    this.latestStmt = db.prepare<[], Row>('SELECT * FROM audit_checkpoints ORDER BY id DESC LIMIT 1');
    this.beforeStmt = db.prepare<[number], Row>('SELECT * FROM audit_checkpoints WHERE seq < ? AND seq > 0 ORDER BY seq DESC, id DESC LIMIT 1');
    this.fromStmt = db.prepare<[number], Row>('SELECT * FROM audit_checkpoints WHERE seq >= ? ORDER BY seq, id LIMIT 1');
    this.betweenStmt = db.prepare<[number, number], Row>('SELECT * FROM audit_checkpoints WHERE seq > ? AND seq <= ? ORDER BY seq, id');
  }

  latest(): Checkpoint | null {
    const r = this.latestStmt.get();
    return r ? fromRow(r) : null;
  }

  /** The last checkpoint strictly before `seq` (never the empty journal's seq 0). */
  lastBefore(seq: number): Checkpoint | null {
    const r = this.beforeStmt.get(seq);
    return r ? fromRow(r) : null;
  }

  firstFrom(seq: number): Checkpoint | null {
    const r = this.fromStmt.get(seq);
    return r ? fromRow(r) : null;
  }

  /** Checkpoints with afterSeq < seq <= throughSeq, in chain order. */
  between(afterSeq: number, throughSeq: number): Checkpoint[] {
    return this.betweenStmt.all(afterSeq, throughSeq).map(fromRow);
  }
}

/** Signs and stores checkpoints of the journal's head. */
export class CheckpointWriter {
  private readonly insertStmt;
  readonly reader: CheckpointReader;

  constructor(
    db: Database.Database,
    private readonly key: AuditKey,
  ) {
    db.exec(SCHEMA);
    this.reader = new CheckpointReader(db);
    this.insertStmt = db.prepare('INSERT INTO audit_checkpoints (seq, hash, at, signature, key_fingerprint) VALUES (@seq, @hash, @at, @signature, @keyFingerprint)');
  }

  /** Signs the head unless the latest checkpoint already covers it. Returns the new checkpoint. */
  checkpoint(head: JournalHead, at: number): Checkpoint | null {
    if (head.seq === 0) return null;
    const latest = this.reader.latest();
    if (latest !== null && latest.seq === head.seq && latest.hash === head.hash) return null;
    const c = signCheckpoint(this.key, head, at);
    this.insertStmt.run(c);
    return c;
  }
}
