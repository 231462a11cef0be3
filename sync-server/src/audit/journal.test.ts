import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAuditKey } from './audit-key.js';
import { CheckpointWriter } from './checkpoints.js';
import { AuditJournal } from './journal.js';
import { GENESIS_HASH, bodyHash, chainHash } from './record-hash.js';

describe('audit journal', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('chains each record to the one before it, over its canonical content', () => {
    const db = new Database(':memory:');
    let t = 1000;
    const journal = new AuditJournal(db, () => t++);
    const a = journal.record({ kind: 'policy', actor: 'admin', details: { version: 2, previousVersion: 1 } });
    const b = journal.record({ kind: 'membership', actor: 'admin', space: 'general', person: 'alice', details: { action: 'added' } });
    expect(a).toMatchObject({ seq: 1, at: 1000, prevHash: GENESIS_HASH });
    expect(b).toMatchObject({ seq: 2, prevHash: a.hash, space: 'general', person: 'alice', entry: null });
    expect(b.hash).toBe(chainHash(2, a.hash, bodyHash(b)));
    // Key order in details does not change the hash: canonical JSON.
    expect(bodyHash({ ...b, details: { action: 'added' } })).toBe(b.bodyHash);
    expect(journal.head()).toEqual({ seq: 2, hash: b.hash });
    expect(journal.read(1, 2).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('refuses UPDATE and DELETE of journal rows at the database', () => {
    const db = new Database(':memory:');
    const journal = new AuditJournal(db);
    journal.record({ kind: 'policy', actor: 'admin' });
    expect(() => db.prepare("UPDATE audit_journal SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_journal').run()).toThrow(/append-only/);
  });

  it('two journal objects on one database append one chain', () => {
    const db = new Database(':memory:');
    const one = new AuditJournal(db);
    const two = new AuditJournal(db);
    const a = one.record({ kind: 'policy', actor: 'admin' });
    const b = two.record({ kind: 'policy', actor: 'admin' });
    expect(b.prevHash).toBe(a.hash);
  });

  it('a rolled-back transaction leaves no record behind', () => {
    const db = new Database(':memory:');
    const journal = new AuditJournal(db);
    expect(() =>
      db.transaction(() => {
        journal.record({ kind: 'policy', actor: 'admin' });
        throw new Error('the publication state failed');
      })(),
    ).toThrow();
    expect(journal.head().seq).toBe(0);
  });

  it('keeps the audit private key 0600 and signs a checkpoint only when the head moved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-audit-'));
    dirs.push(dir);
    const key = loadAuditKey(dir);
    expect(statSync(join(dir, 'audit-ed25519.key')).mode & 0o777).toBe(0o600);
    expect(loadAuditKey(dir, { create: false }).fingerprint).toBe(key.fingerprint);
    expect(key.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const db = new Database(':memory:');
    const journal = new AuditJournal(db);
    const writer = new CheckpointWriter(db, key);
    expect(writer.checkpoint(journal.head(), 1)).toBeNull();
    journal.record({ kind: 'policy', actor: 'admin' });
    expect(writer.checkpoint(journal.head(), 2)).toMatchObject({ seq: 1 });
    expect(writer.checkpoint(journal.head(), 3)).toBeNull();
    expect(() => db.prepare('DELETE FROM audit_checkpoints').run()).toThrow(/append-only/);
  });
});
