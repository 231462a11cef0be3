// An automerge-repo storage adapter on the relay's database (table `case_chunks`). Why in the same
// database as everything else: a case file, the publication state and the audit journal then
// share one backup and one durability setting, and the moderation code can read the case table in
// the same transaction that records a decision as carried out.
// Keys are automerge-repo's string arrays; they are stored joined with U+001F (a unit separator
// that never occurs in document ids, chunk types or hashes) so a prefix is a plain range scan (the
// key column compares bytewise on both engines: storage/migrations.ts).
import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo';
import type { Db } from '../storage/schema.js';

const SEP = '\u001f';
const join = (key: StorageKey): string => key.join(SEP);

export class SqlCaseStorage implements StorageAdapterInterface {
  /** `onSaved`: told the document id of every chunk stored (the other relay processes are told, moderation-service.ts). */
  constructor(
    private readonly db: Db,
    private readonly onSaved?: (documentId: string) => void,
  ) {}

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('case_chunks').select('data').where('key', '=', join(key)).executeTakeFirst();
    return row === undefined ? undefined : new Uint8Array(row.data);
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    await this.db
      .insertInto('case_chunks')
      .values({ key: join(key), data: Buffer.from(data) })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ data: eb.ref('excluded.data') })))
      .execute();
    // A case file's content (not automerge-repo's own keys, nor its sync states with peers).
    if (key.length >= 2 && (key[1] === 'incremental' || key[1] === 'snapshot')) this.onSaved?.(key[0]!);
  }

  async remove(key: StorageKey): Promise<void> {
    await this.db.deleteFrom('case_chunks').where('key', '=', join(key)).execute();
  }

  async loadRange(keyPrefix: StorageKey): Promise<Chunk[]> {
    const [exact, above, below] = range(keyPrefix);
    const rows = await this.db
      .selectFrom('case_chunks')
      .select(['key', 'data'])
      .where((eb) => eb.or([eb('key', '=', exact), eb.and([eb('key', '>', above), eb('key', '<', below)])]))
      .orderBy('key')
      .execute();
    return rows.map((r) => ({ key: r.key.split(SEP), data: new Uint8Array(r.data) }));
  }

  /**
   * The keys under a prefix, sorted, without their data: enough to tell whether anything was stored
   * since (chunk keys name their content), for case-sync.ts.
   */
  async keys(keyPrefix: StorageKey): Promise<string[]> {
    const [exact, above, below] = range(keyPrefix);
    const rows = await this.db
      .selectFrom('case_chunks')
      .select('key')
      .where((eb) => eb.or([eb('key', '=', exact), eb.and([eb('key', '>', above), eb('key', '<', below)])]))
      .orderBy('key')
      .execute();
    return rows.map((r) => r.key);
  }

  async removeRange(keyPrefix: StorageKey): Promise<void> {
    const [exact, above, below] = range(keyPrefix);
    await this.db
      .deleteFrom('case_chunks')
      .where((eb) => eb.or([eb('key', '=', exact), eb.and([eb('key', '>', above), eb('key', '<', below)])]))
      .execute();
  }
}

/** Keys equal to the prefix, or below it (prefix + SEP + …): SEP + 1 bounds the range. */
function range(prefix: StorageKey): [string, string, string] {
  const p = join(prefix);
  if (prefix.length === 0) return ['', '', '\uffff'];
  return [p, p + SEP, p + String.fromCharCode(SEP.charCodeAt(0) + 1)];
}
