import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Repo, type DocumentId } from '@automerge/automerge-repo/slim';
import { loadAutomerge } from './automerge-wasm.js';
import { CaseDb, DexieStorageAdapter } from './case-storage.js';

let n = 0;
const fresh = () => new DexieStorageAdapter(new CaseDb(`cases-test-${++n}`));
const bytes = (...b: number[]) => new Uint8Array(b);
const keysOf = (chunks: Array<{ key: string[] }>) => chunks.map((c) => c.key.join('/')).sort();

describe('DexieStorageAdapter', () => {
  it('saves, loads and removes single keys', async () => {
    const s = fresh();
    expect(await s.load(['doc', 'snapshot', 'h1'])).toBeUndefined();
    await s.save(['doc', 'snapshot', 'h1'], bytes(1, 2, 3));
    expect(await s.load(['doc', 'snapshot', 'h1'])).toEqual(bytes(1, 2, 3));
    await s.save(['doc', 'snapshot', 'h1'], bytes(4));
    expect(await s.load(['doc', 'snapshot', 'h1'])).toEqual(bytes(4));
    await s.remove(['doc', 'snapshot', 'h1']);
    expect(await s.load(['doc', 'snapshot', 'h1'])).toBeUndefined();
  });

  it('loads a range by prefix the way automerge-repo asks: a document, one kind of chunk', async () => {
    const s = fresh();
    await s.save(['docA', 'snapshot', 'x'], bytes(1));
    await s.save(['docA', 'incremental', 'a'], bytes(2));
    await s.save(['docA', 'incremental', 'b'], bytes(3));
    await s.save(['docA', 'sync-state', 'relay'], bytes(4));
    // Neighbours that a string prefix would confuse with docA.
    await s.save(['docAB', 'incremental', 'a'], bytes(5));
    await s.save(['doc', 'incremental', 'a'], bytes(6));
    await s.save(['docA'], bytes(7));
    expect(keysOf(await s.loadRange(['docA']))).toEqual(['docA', 'docA/incremental/a', 'docA/incremental/b', 'docA/snapshot/x', 'docA/sync-state/relay']);
    expect(keysOf(await s.loadRange(['docA', 'incremental']))).toEqual(['docA/incremental/a', 'docA/incremental/b']);
    expect((await s.loadRange(['docA', 'snapshot']))[0]?.data).toEqual(bytes(1));
    expect(await s.loadRange(['nothing'])).toEqual([]);
    expect(keysOf(await s.loadRange([]))).toHaveLength(7);
  });

  it('removes a range by prefix and nothing else (compaction drops incrementals)', async () => {
    const s = fresh();
    await s.save(['docA', 'snapshot', 'x'], bytes(1));
    await s.save(['docA', 'incremental', 'a'], bytes(2));
    await s.save(['docA', 'incremental', 'b'], bytes(3));
    await s.save(['docAB', 'incremental', 'a'], bytes(5));
    await s.removeRange(['docA', 'incremental']);
    expect(keysOf(await s.loadRange(['docA']))).toEqual(['docA/snapshot/x']);
    expect(keysOf(await s.loadRange(['docAB']))).toEqual(['docAB/incremental/a']);
    await s.removeRange([]);
    expect(await s.loadRange([])).toEqual([]);
  });

  it('answers every prefix exactly like a filter over all keys (property)', async () => {
    // Short alphabets so that prefixes, equal keys and near neighbours ('a' vs 'ab') collide often.
    const part = fc.constantFrom('a', 'ab', 'b', '', 'a/b', 'é', '\u0000');
    const key = fc.array(part, { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(key, { maxLength: 12, selector: (k) => JSON.stringify(k) }), key, async (keys, prefix) => {
        const s = fresh();
        for (const [i, k] of keys.entries()) await s.save(k, bytes(i));
        const starts = (k: string[]) => prefix.every((p, i) => k[i] === p);
        const expected = keys.filter(starts).map((k) => JSON.stringify(k)).sort();
        expect((await s.loadRange(prefix)).map((c) => JSON.stringify(c.key)).sort()).toEqual(expected);
        await s.removeRange(prefix);
        const left = keys.filter((k) => !starts(k)).map((k) => JSON.stringify(k)).sort();
        expect((await s.loadRange([])).map((c) => JSON.stringify(c.key)).sort()).toEqual(left);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a copy of what it was given', async () => {
    const s = fresh();
    const buffer = bytes(1, 2, 3, 4);
    await s.save(['d', 'incremental', 'h'], buffer.subarray(1, 3));
    buffer.fill(0);
    expect(await s.load(['d', 'incremental', 'h'])).toEqual(bytes(2, 3));
  });

  it('is a working automerge-repo storage: a document written by one repo opens in the next', async () => {
    await loadAutomerge();
    const db = new CaseDb(`cases-test-${++n}`);
    const first = new Repo({ storage: new DexieStorageAdapter(db), network: [] });
    const handle = first.create<{ decisions: Record<string, string> }>({ decisions: {} });
    for (let i = 0; i < 12; i++) handle.change((d) => void (d.decisions[`d${i}`] = `action ${i}`));
    await first.flush();
    const id = handle.documentId;
    await first.shutdown();

    const second = new Repo({ storage: new DexieStorageAdapter(db), network: [] });
    const again = await second.find<{ decisions: Record<string, string> }>(id as DocumentId);
    expect(Object.keys(again.doc().decisions)).toHaveLength(12);
    await second.shutdown();
  });
});
