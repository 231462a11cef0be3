import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteCaseStorage } from './case-storage.js';

describe('SqliteCaseStorage', () => {
  it('saves, loads, and treats a key prefix as whole key parts', async () => {
    const db = new Database(':memory:');
    const s = new SqliteCaseStorage(db);
    const bytes = (n: number) => new Uint8Array([n]);
    await s.save(['doc1', 'snapshot', 'h1'], bytes(1));
    await s.save(['doc1', 'incremental', 'h2'], bytes(2));
    await s.save(['doc10', 'snapshot', 'h3'], bytes(3));
    await s.save(['doc1'], bytes(4));
    expect(await s.load(['doc1', 'snapshot', 'h1'])).toEqual(bytes(1));
    expect(await s.load(['nope'])).toBeUndefined();
    expect((await s.loadRange(['doc1'])).map((c) => c.key.join('/')).sort()).toEqual(['doc1', 'doc1/incremental/h2', 'doc1/snapshot/h1']);
    expect((await s.loadRange([])).length).toBe(4);
    await s.save(['doc1', 'snapshot', 'h1'], bytes(9));
    expect(await s.load(['doc1', 'snapshot', 'h1'])).toEqual(bytes(9));
    await s.removeRange(['doc1']);
    expect((await s.loadRange([])).map((c) => c.key.join('/'))).toEqual(['doc10/snapshot/h3']);
    await s.remove(['doc10', 'snapshot', 'h3']);
    expect(await s.loadRange([])).toEqual([]);
    db.close();
  });
});
