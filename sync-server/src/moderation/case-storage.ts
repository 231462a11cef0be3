// An automerge-repo storage adapter on the relay's SQLite database (table `case_chunks`). Why in the
// same database as everything else: a case file, the publication state and the audit journal then
// share one backup, one WAL and one durability setting (synchronous FULL), and the moderation code
// can read the case table in the same transaction that records a decision as carried out.
// Keys are automerge-repo's string arrays; they are stored joined with U+001F (a unit separator
// that never occurs in document ids, chunk types or hashes) so a prefix is a plain range scan.
import type Database from 'better-sqlite3';
import type { Chunk, StorageAdapterInterface, StorageKey } from '@automerge/automerge-repo';

const SEP = '\u001f';
const join = (key: StorageKey): string => key.join(SEP);

export class SqliteCaseStorage implements StorageAdapterInterface {
  private readonly loadStmt;
  private readonly saveStmt;
  private readonly removeStmt;
  private readonly rangeStmt;
  private readonly removeRangeStmt;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS case_chunks (key TEXT PRIMARY KEY, data BLOB NOT NULL)');
    this.loadStmt = db.prepare<[string], { data: Buffer }>('SELECT data FROM case_chunks WHERE key = ?');
    this.saveStmt = db.prepare('INSERT INTO case_chunks (key, data) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET data = excluded.data');
    this.removeStmt = db.prepare('DELETE FROM case_chunks WHERE key = ?');
    // Keys equal to the prefix, or below it (prefix + SEP + …): SEP + 1 bounds the range.
    this.rangeStmt = db.prepare<[string, string, string], { key: string; data: Buffer }>(
      'SELECT key, data FROM case_chunks WHERE key = ? OR (key > ? AND key < ?) ORDER BY key',
    );
    this.removeRangeStmt = db.prepare('DELETE FROM case_chunks WHERE key = ? OR (key > ? AND key < ?)');
  }

  load(key: StorageKey): Promise<Uint8Array | undefined> {
    const row = this.loadStmt.get(join(key));
    return Promise.resolve(row === undefined ? undefined : new Uint8Array(row.data));
  }

  save(key: StorageKey, data: Uint8Array): Promise<void> {
    this.saveStmt.run(join(key), Buffer.from(data));
    return Promise.resolve();
  }

  remove(key: StorageKey): Promise<void> {
    this.removeStmt.run(join(key));
    return Promise.resolve();
  }

  loadRange(keyPrefix: StorageKey): Promise<Chunk[]> {
    const rows = this.rangeStmt.all(...range(keyPrefix));
    return Promise.resolve(rows.map((r) => ({ key: r.key.split(SEP), data: new Uint8Array(r.data) })));
  }

  removeRange(keyPrefix: StorageKey): Promise<void> {
    this.removeRangeStmt.run(...range(keyPrefix));
    return Promise.resolve();
  }
}

function range(prefix: StorageKey): [string, string, string] {
  const p = join(prefix);
  if (prefix.length === 0) return ['', '', '\uffff'];
  return [p, p + SEP, p + String.fromCharCode(SEP.charCodeAt(0) + 1)];
}
