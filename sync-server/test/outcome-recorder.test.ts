// The publisher's group commits of outcomes (publication state + audit record), on either engine:
// a group commits together, keeps the journal's chain, and an outcome whose outbox lease was taken
// over by another process is refused alone — the rest of its group still commits.
import { describe, expect, it } from 'vitest';
import { AuditJournal } from '../src/audit/journal.js';
import { GENESIS_HASH } from '../src/audit/record-hash.js';
import { OutcomeRecorder } from '../src/publication/outcome-recorder.js';
import { PublicationStore, type EntryRecord } from '../src/publication/publication-store.js';
import { LeaseLost, Leases } from '../src/storage/leases.js';
import { freshStorages, publishedRecord as record } from './helpers.js';


describe('outcome recorder', () => {
  const freshStorage = freshStorages();

  it('commits outcomes of many outboxes together; one whose lease another process took is refused alone', async () => {
    const storage = await freshStorage();
    let now = 1_000_000;
    const here = new Leases(storage.db, 10_000, () => now);
    const there = new Leases(storage.db, 10_000, () => now);
    const people = ['alice', 'bob', 'carol', 'dan'];
    const leases = new Map<string, Awaited<ReturnType<Leases['acquire']>>>();
    for (const p of people) leases.set(p, await here.acquire(`outbox:${p}`));
    // This process stalls past the lease; the other process takes bob's outbox over.
    now += 20_000;
    for (const p of ['alice', 'carol', 'dan']) expect(await leases.get(p)!.renew()).toBe(true);
    expect(await there.acquire('outbox:bob')).not.toBeNull();

    const store = new PublicationStore(storage.db);
    const journal = new AuditJournal(storage.db);
    const recorder = new OutcomeRecorder(store, journal);
    const results = await Promise.allSettled(
      people.flatMap((p) =>
        [1, 2, 3].map((i) =>
          recorder.record({ lease: leases.get(p)!, record: record(`${p}-${i}`, p), audit: { kind: 'publication', actor: p, person: p, entry: `${p}-${i}` } }),
        ),
      ),
    );
    const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [{ i, reason: r.reason as unknown }] : []));
    expect(refused.map((r) => Math.floor(r.i / 3))).toEqual([1, 1, 1]); // bob's three, nobody else's
    for (const r of refused) expect(r.reason).toBeInstanceOf(LeaseLost);

    for (const p of people) {
      for (const i of [1, 2, 3]) expect((await store.get(`${p}-${i}`))?.outcome ?? null).toBe(p === 'bob' ? null : 'published');
    }
    const all = await journal.read(1, 100);
    expect(all.map((r) => r.entry).sort()).toEqual(people.filter((p) => p !== 'bob').flatMap((p) => [1, 2, 3].map((i) => `${p}-${i}`)).sort());
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
    for (const [i, r] of all.entries()) expect(r.prevHash).toBe(i === 0 ? GENESIS_HASH : all[i - 1]!.hash);
  });

  it("never changes another person's record: an entry id copied from someone else's item writes nothing", async () => {
    const storage = await freshStorage();
    const store = new PublicationStore(storage.db);
    const recorder = new OutcomeRecorder(store, new AuditJournal(storage.db));
    await recorder.record({ lease: null, record: record('shared-id', 'alice') });
    // Mallory's outcome for "her" entry of the same id, in a group with an outcome of her own.
    const forged: EntryRecord = { ...record('shared-id', 'mallory'), fingerprint: 'fp-forged', version: 2, outcome: 'held', targetRoom: 'space/random' };
    await Promise.all([recorder.record({ lease: null, record: forged }), recorder.record({ lease: null, record: record('mallory-own', 'mallory') })]);
    expect(await store.get('shared-id')).toEqual(record('shared-id', 'alice'));
    expect((await store.get('mallory-own'))?.owner).toBe('mallory');
  });
});
