// The relay's tables, as Kysely sees them: one description for both engines (SQLite and
// PostgreSQL). Column names are the SQL names. Times are milliseconds since the epoch (BIGINT on
// PostgreSQL, parsed back to numbers by the engine module); blobs come back as Buffers on both.
import type { Generated, Kysely } from 'kysely';

export interface Tables {
  room_meta: { key: string; value: string };
  room_updates: { room: string; seq: Generated<number>; data: Uint8Array; stored_at: number };
  room_write_probe: { data: Uint8Array };
  publication_state: {
    entry_id: string;
    owner: string;
    fingerprint: string;
    version: number;
    outcome: string;
    target_room: string | null;
    published_version: number | null;
    entry_type: string | null;
    updated_at: number;
    published_at: number | null;
  };
  acknowledgements: { person: string; policy_version: number; entry_id: string; at: number };
  /** One row per person who acknowledged a must-read announcement (`post`). */
  read_receipts: { post: string; person: string; entry_id: string; at: number };
  reports: { entry_id: string; reporter: string; space: string | null; target: string; reason: string; at: number };
  memberships: { space: string; person: string };
  join_requests: {
    request_id: string;
    person: string;
    space: string;
    state: string;
    requested_at: number;
    decided_by: string | null;
    decided_at: number | null;
    decision_entry: string | null;
  };
  membership_entries: { entry_id: string; person: string; type: string; space: string; at: number };
  relay_settings: { key: string; value: string };
  /** One row per `module-done` entry; `done` 0 once the person took it back (retracted). */
  course_progress: { entry_id: string; person: string; space: string; module: string; done: number; at: number };
  /** Per person: tokens issued (iat, seconds) before `not_before` are refused. */
  token_revocations: { person: string; not_before: number };
  case_chunks: { key: string; data: Uint8Array };
  case_documents: {
    case_id: string;
    document_id: string;
    space: string | null;
    source: string;
    entry_id: string;
    author: string;
    opened_at: number;
    /** JSON: the item as the relay opened the case (NULL in rows from before the column). */
    item: string | null;
    /** JSON: the policy's findings. */
    findings: string | null;
    /** When the case file was found settled and unloaded; NULL while open or acted on since (migration 0008). */
    settled_at: number | null;
  };
  case_actions: { case_id: string; decision_id: string; action: string; decided_by: string; outcome: string; detail: string | null; at: number };
  case_actors: { actor: string; person: string; first_seen: number };
  audit_journal: {
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
  };
  /** Who does which exclusive work (storage/leases.ts); `token` is the fencing token. */
  leases: { name: string; holder: string; token: number; expires_at: number };
  /** One row (id 1): appends lock it first, which serialises them across processes. */
  audit_chain_lock: { id: number; appends: number };
  audit_checkpoints: { id: Generated<number>; seq: number; hash: string; at: number; signature: string; key_fingerprint: string };
  /** Attachment blobs the relay holds (attachments/blob-records.ts): the type it sniffed, the real size. */
  blobs: { hash: string; bytes: number; mime_type: string; created_at: number };
  /** Who uploaded which blob: an uploader may read their own file before any item references it. */
  blob_uploaders: { hash: string; person: string; at: number };
  /** Uploads refused for good (type, size), per uploader: their entries referencing the hash are rejected. */
  blob_refusals: { hash: string; person: string; reason: string; at: number };
  /** Which published item references which blob: whoever may read the item may read the blob. */
  blob_refs: { hash: string; room: string; item: string; at: number };
  audit_holds: {
    id: Generated<number>;
    scope: string;
    target: string;
    reason: string;
    placed_by: string;
    placed_at: number;
    removed_by: string | null;
    removed_at: number | null;
  };
}

/** The relay's database, or a transaction on it (a Kysely `Transaction` is a `Kysely` too). */
export type Db = Kysely<Tables>;

/**
 * Runs `fn` in a transaction: a new one on a database handle, or the caller's when `db` is already
 * a transaction. Why: a store method called standalone must be atomic by itself, and called inside
 * a caller's transaction must join it (Kysely does not nest transactions; on SQLite, a query on
 * the database handle while a transaction holds its one connection would wait forever).
 */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
