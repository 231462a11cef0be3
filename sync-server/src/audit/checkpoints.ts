// Signed checkpoints of the audit journal: (seq, hash, at) of the journal's head, signed with the
// relay's Ed25519 audit key. Why: the chain alone shows that records follow each other, but whoever
// can write the database could rewrite the whole chain; a checkpoint fixes the head at a moment
// with a signature only the key's holder can make, and each checkpoint is also written to the log
// (which companies ship to a SIEM outside the relay), a witness the relay cannot edit afterwards.
// The relay signs one at least hourly when the journal grew, and one when it stops; an export
// signs one more over the head it reads. Checkpoint rows are append-only like the journal's.
import { signBytes, type AuditKey } from './audit-key.js';
import type { JournalHead } from './journal.js';
import { checkpointPayload } from './record-hash.js';
import type { Db } from '../storage/schema.js';

export interface Checkpoint {
  seq: number;
  hash: string;
  at: number;
  signature: string;
  keyFingerprint: string;
}

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
  constructor(private readonly db: Db) {}

  private get rows() {
    return this.db.selectFrom('audit_checkpoints').select(['seq', 'hash', 'at', 'signature', 'key_fingerprint']);
  }

  async latest(): Promise<Checkpoint | null> {
    const r = await this.rows.orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  /** The last checkpoint strictly before `seq` (never the empty journal's seq 0). */
  async lastBefore(seq: number): Promise<Checkpoint | null> {
    const r = await this.rows.where('seq', '<', seq).where('seq', '>', 0).orderBy('seq', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  async firstFrom(seq: number): Promise<Checkpoint | null> {
    const r = await this.rows.where('seq', '>=', seq).orderBy('seq').orderBy('id').limit(1).executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  /** Checkpoints with afterSeq < seq <= throughSeq, in chain order. */
  async between(afterSeq: number, throughSeq: number): Promise<Checkpoint[]> {
    const rows = await this.rows.where('seq', '>', afterSeq).where('seq', '<=', throughSeq).orderBy('seq').orderBy('id').execute();
    return rows.map(fromRow);
  }
}

/** Signs and stores checkpoints of the journal's head. */
export class CheckpointWriter {
  readonly reader: CheckpointReader;

  constructor(
    private readonly db: Db,
    private readonly key: AuditKey,
  ) {
    this.reader = new CheckpointReader(db);
  }

  /** Signs the head unless the latest checkpoint already covers it. Returns the new checkpoint. */
  async checkpoint(head: JournalHead, at: number): Promise<Checkpoint | null> {
    if (head.seq === 0) return null;
    const latest = await this.reader.latest();
    if (latest !== null && latest.seq === head.seq && latest.hash === head.hash) return null;
    const c = signCheckpoint(this.key, head, at);
    await this.db.insertInto('audit_checkpoints').values({ seq: c.seq, hash: c.hash, at: c.at, signature: c.signature, key_fingerprint: c.keyFingerprint }).execute();
    return c;
  }
}
