// automerge-repo's storage on Dexie: the moderator's case files in IndexedDB, so the review pane
// works offline ("review on a train, sync later"). Its own database per person (`hearth-cases-<id>`)
// rather than tables in HearthDb: only moderators and facilitators have one, and the case store's
// schema can change without touching the app's main database.
//
// Keys: automerge-repo keys are string arrays ([documentId, 'snapshot' | 'incremental' |
// 'sync-state', hash]) and it reads them back by prefix (loadRange([documentId]) when a document is
// opened, removeRange([documentId, 'incremental']) after compaction). IndexedDB orders array keys
// element by element, a shorter array before its extensions and every string before any array, so
// the keys that start with `prefix` are exactly those between `prefix` and `[...prefix, []]`.
import { Dexie, type Table } from 'dexie';
import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo/slim';

interface StoredChunk {
  key: StorageKey;
  data: Uint8Array;
}

/** Facts about this device's case store that are not automerge-repo's (see case-client.ts). */
export interface CaseMeta {
  name: string;
  value: string;
}

/** Case files this device has been given, so it can open them again offline. */
export interface KnownCase {
  documentId: string;
  firstSeen: number;
}

export class CaseDb extends Dexie {
  chunks!: Table<StoredChunk, StorageKey>;
  meta!: Table<CaseMeta, string>;
  known!: Table<KnownCase, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ chunks: 'key', meta: 'name', known: 'documentId' });
  }
}

export { caseDatabaseName } from '../storage/db.js';

/** The upper bound (inclusive) of every key that starts with `prefix`. */
const upperOf = (prefix: StorageKey): unknown[] => [...prefix, []];

export class DexieStorageAdapter implements StorageAdapterInterface {
  constructor(private readonly db: CaseDb) {}

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    return (await this.db.chunks.get(key))?.data;
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    // Why a copy: automerge-repo may hand us a view into a larger buffer it reuses.
    await this.db.chunks.put({ key: [...key], data: data.slice() });
  }

  async remove(key: StorageKey): Promise<void> {
    await this.db.chunks.delete(key);
  }

  async loadRange(prefix: StorageKey): Promise<Chunk[]> {
    const rows = prefix.length === 0 ? await this.db.chunks.toArray() : await this.range(prefix).toArray();
    return rows.map((row) => ({ key: row.key, data: row.data }));
  }

  async removeRange(prefix: StorageKey): Promise<void> {
    if (prefix.length === 0) await this.db.chunks.clear();
    else await this.range(prefix).delete();
  }

  private range(prefix: StorageKey) {
    return this.db.chunks.where(':id').between(prefix, upperOf(prefix), true, true);
  }
}
