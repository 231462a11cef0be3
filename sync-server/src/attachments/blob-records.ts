// The relay's records of attachment blobs: what it holds (with the type it sniffed from the bytes
// and the real size), who uploaded each, and which published items reference each. The bytes are
// in a BlobStore; these rows are how the relay decides who may read them and when to delete them.
import type { Db } from '../storage/schema.js';

export interface BlobFacts {
  hash: string;
  bytes: number;
  mimeType: string;
}

export class BlobRecords {
  constructor(private readonly db: Db) {}

  async facts(hashes: readonly string[]): Promise<Map<string, BlobFacts>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.db.selectFrom('blobs').selectAll().where('hash', 'in', [...new Set(hashes)]).execute();
    return new Map(rows.map((r) => [r.hash, { hash: r.hash, bytes: Number(r.bytes), mimeType: r.mime_type }]));
  }

  /** Records a stored blob and its uploader (idempotent: a second upload adds only the uploader). */
  async stored(facts: BlobFacts, person: string, at: number): Promise<void> {
    await this.db
      .insertInto('blobs')
      .values({ hash: facts.hash, bytes: facts.bytes, mime_type: facts.mimeType, created_at: at })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
    await this.db
      .insertInto('blob_uploaders')
      .values({ hash: facts.hash, person, at })
      .onConflict((oc) => oc.columns(['hash', 'person']).doNothing())
      .execute();
    await this.db.deleteFrom('blob_refusals').where('hash', '=', facts.hash).where('person', '=', person).execute();
  }

  /**
   * Bytes `person` brought onto the relay since `since` (the per-person upload quota). Only the blobs
   * their upload created count — a blob's creating upload is recorded at the blob's own `created_at`
   * (stored() writes both with one time) — so sending a file the relay already holds, theirs or
   * anyone's, costs nothing: it takes no disk.
   */
  async bytesStoredBy(person: string, since: number): Promise<number> {
    const row = await this.db
      .selectFrom('blob_uploaders as u')
      .innerJoin('blobs as b', 'b.hash', 'u.hash')
      .select((eb) => eb.fn.sum<string | number | null>('b.bytes').as('total'))
      .where('u.person', '=', person)
      .where('u.at', '>=', since)
      .whereRef('u.at', '=', 'b.created_at')
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  }

  /** `person`'s upload of `hash` was refused for good, for `reason` (a later successful upload clears it). */
  async refused(hash: string, person: string, reason: string, at: number): Promise<void> {
    await this.db
      .insertInto('blob_refusals')
      .values({ hash, person, reason, at })
      .onConflict((oc) => oc.columns(['hash', 'person']).doUpdateSet({ reason, at }))
      .execute();
  }

  /** The reasons `person`'s uploads of these hashes were refused, by hash. */
  async refusals(person: string, hashes: readonly string[]): Promise<Map<string, string>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.db.selectFrom('blob_refusals').select(['hash', 'reason']).where('person', '=', person).where('hash', 'in', [...new Set(hashes)]).execute();
    return new Map(rows.map((r) => [r.hash, r.reason]));
  }

  async uploadedBy(hash: string, person: string): Promise<boolean> {
    const row = await this.db.selectFrom('blob_uploaders').select('hash').where('hash', '=', hash).where('person', '=', person).executeTakeFirst();
    return row !== undefined;
  }

  /** The published item `item` in `room` references these blobs (from now on). */
  async referenced(room: string, item: string, hashes: readonly string[], at: number): Promise<void> {
    for (const hash of new Set(hashes)) {
      await this.db
        .insertInto('blob_refs')
        .values({ hash, room, item, at })
        .onConflict((oc) => oc.columns(['hash', 'room', 'item']).doNothing())
        .execute();
    }
  }

  async refs(hash: string): Promise<Array<{ room: string; item: string }>> {
    return this.db.selectFrom('blob_refs').select(['room', 'item']).where('hash', '=', hash).execute();
  }

  async dropRef(hash: string, room: string, item: string): Promise<void> {
    await this.db.deleteFrom('blob_refs').where('hash', '=', hash).where('room', '=', room).where('item', '=', item).execute();
  }

  /** Blobs stored before `before` (candidates for the sweep of unreferenced blobs). */
  async storedBefore(before: number): Promise<BlobFacts[]> {
    const rows = await this.db.selectFrom('blobs').selectAll().where('created_at', '<', before).execute();
    return rows.map((r) => ({ hash: r.hash, bytes: Number(r.bytes), mimeType: r.mime_type }));
  }

  async forget(hash: string): Promise<void> {
    await this.db.deleteFrom('blob_refs').where('hash', '=', hash).execute();
    await this.db.deleteFrom('blob_uploaders').where('hash', '=', hash).execute();
    await this.db.deleteFrom('blobs').where('hash', '=', hash).execute();
  }
}
