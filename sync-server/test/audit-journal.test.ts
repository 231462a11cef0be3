// The audit journal on the relay's storage, on either engine (HEARTH_TEST_ENGINE): the chain, the
// append-only triggers, transactions, and one gap-free chain from several connections at once.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAuditKey } from '../src/audit/audit-key.js';
import { CheckpointWriter } from '../src/audit/checkpoints.js';
import { AuditJournal } from '../src/audit/journal.js';
import { GENESIS_HASH, bodyHash, chainHash } from '../src/audit/record-hash.js';
import type { Storage } from '../src/storage/storage.js';
import { openTestStorage, removeTestData, TEST_ENGINE, tempDataDir } from './helpers.js';

describe('audit journal', () => {
  const dirs: string[] = [];
  const opened: Storage[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    for (const d of dirs.splice(0)) await removeTestData(d);
  });
  /**
   * A fresh database; `again` opens a second handle (another connection, as another relay process
   * would) on PostgreSQL. SQLite has one relay process per database (the data-directory lock), and
   * its connections block the thread while they wait for a lock, so there `again` is the same handle.
   */
  const fresh = async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const open = async () => {
      const s = await openTestStorage(dir);
      opened.push(s);
      return s;
    };
    const db = (await open()).db;
    return { dir, db, again: async () => (TEST_ENGINE === 'postgres' ? (await open()).db : db) };
  };

  it('chains each record to the one before it, over its canonical content', async () => {
    const { db } = await fresh();
    let t = 1000;
    const journal = new AuditJournal(db, () => t++);
    const a = await journal.record({ kind: 'policy', actor: 'admin', details: { version: 2, previousVersion: 1 } });
    const b = await journal.record({ kind: 'membership', actor: 'admin', space: 'general', person: 'alice', details: { action: 'added' } });
    expect(a).toMatchObject({ seq: 1, at: 1000, prevHash: GENESIS_HASH });
    expect(b).toMatchObject({ seq: 2, prevHash: a.hash, space: 'general', person: 'alice', entry: null });
    expect(b.hash).toBe(chainHash(2, a.hash, bodyHash(b)));
    // Key order in details does not change the hash: canonical JSON.
    expect(bodyHash({ ...b, details: { action: 'added' } })).toBe(b.bodyHash);
    expect(await journal.head()).toEqual({ seq: 2, hash: b.hash });
    expect((await journal.read(1, 2)).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('refuses UPDATE and DELETE of journal rows at the database', async () => {
    const { db } = await fresh();
    const journal = new AuditJournal(db);
    await journal.record({ kind: 'policy', actor: 'admin' });
    await expect(sql`UPDATE audit_journal SET actor = 'mallory'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_journal`.execute(db)).rejects.toThrow(/append-only/);
    expect((await journal.read(1, 1))[0]?.actor).toBe('admin');
  });

  it('two journal objects on one database append one chain', async () => {
    const { db } = await fresh();
    const one = new AuditJournal(db);
    const two = new AuditJournal(db);
    const a = await one.record({ kind: 'policy', actor: 'admin' });
    const b = await two.record({ kind: 'policy', actor: 'admin' });
    expect(b.prevHash).toBe(a.hash);
  });

  it('connections appending at the same time (relay processes) build one gap-free chain', async () => {
    const { db, again } = await fresh();
    const journals = [new AuditJournal(db), new AuditJournal(await again()), new AuditJournal(await again())];
    const records = await Promise.all(
      Array.from({ length: 60 }, (_, i) => journals[i % 3]!.record({ kind: 'publication', actor: `p${i}`, entry: `E${i}` })),
    );
    const all = await journals[0]!.read(1, 1000);
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (const [i, r] of all.entries()) expect(r.prevHash).toBe(i === 0 ? GENESIS_HASH : all[i - 1]!.hash);
    expect(new Set(records.map((r) => r.seq)).size).toBe(60);
  });

  it('groups of records (the publisher\'s group commits) and single ones from other connections still build one gap-free chain', async () => {
    const { db, again } = await fresh();
    const grouped = new AuditJournal(db);
    const single = new AuditJournal(await again());
    const work: Promise<unknown>[] = [];
    for (let g = 0; g < 10; g++) {
      work.push(grouped.recordAll(Array.from({ length: 7 }, (_, i) => ({ kind: 'publication' as const, actor: `g${g}`, entry: `G${g}-${i}` }))));
      work.push(single.record({ kind: 'hold', actor: `s${g}`, entry: `S${g}` }));
    }
    await Promise.all(work);
    const all = await grouped.read(1, 1000);
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    for (const [i, r] of all.entries()) {
      expect(r.prevHash).toBe(i === 0 ? GENESIS_HASH : all[i - 1]!.hash);
      expect(r.hash).toBe(chainHash(r.seq, r.prevHash, bodyHash(r)));
    }
    // A group keeps its order and is not interleaved with another append.
    const firstGroup = all.filter((r) => r.actor === 'g0').map((r) => r.entry);
    expect(firstGroup).toEqual(Array.from({ length: 7 }, (_, i) => `G0-${i}`));
    const at = all.findIndex((r) => r.actor === 'g0');
    expect(all.slice(at, at + 7).every((r) => r.actor === 'g0')).toBe(true);
  });

  it('a rolled-back transaction leaves no record behind', async () => {
    const { db } = await fresh();
    const journal = new AuditJournal(db);
    await expect(
      db.transaction().execute(async (tx) => {
        await journal.record({ kind: 'policy', actor: 'admin' }, tx);
        throw new Error('the publication state failed');
      }),
    ).rejects.toThrow();
    expect((await journal.head()).seq).toBe(0);
  });

  it('keeps the audit private key 0600 and signs a checkpoint only when the head moved', async () => {
    const { dir, db } = await fresh();
    const key = loadAuditKey(dir);
    expect(statSync(join(dir, 'audit-ed25519.key')).mode & 0o777).toBe(0o600);
    expect(loadAuditKey(dir, { create: false }).fingerprint).toBe(key.fingerprint);
    expect(key.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const journal = new AuditJournal(db);
    const writer = new CheckpointWriter(db, key);
    expect(await writer.checkpoint(await journal.head(), 1)).toBeNull();
    await journal.record({ kind: 'policy', actor: 'admin' });
    expect(await writer.checkpoint(await journal.head(), 2)).toMatchObject({ seq: 1 });
    expect(await writer.checkpoint(await journal.head(), 3)).toBeNull();
    await expect(sql`DELETE FROM audit_checkpoints`.execute(db)).rejects.toThrow(/append-only/);
  });
});
