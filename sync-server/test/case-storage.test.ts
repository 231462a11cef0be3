import { describe, expect, it } from 'vitest';
import { SqlCaseStorage } from '../src/moderation/case-storage.js';
import { openTestStorage, removeTestData, tempDataDir } from './helpers.js';

describe('SqlCaseStorage', () => {
  it('saves, loads, and treats a key prefix as whole key parts', async () => {
    // On either engine: the key prefix scan relies on bytewise comparison (collate "C" on PostgreSQL).
    const dir = tempDataDir();
    const storage = await openTestStorage(dir);
    const s = new SqlCaseStorage(storage.db);
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
    await storage.close();
    await removeTestData(dir);
  });
});
