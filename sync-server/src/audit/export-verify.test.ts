import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuditKey } from './audit-key.js';
import { CheckpointWriter } from './checkpoints.js';
import type { ExportFilter } from './export-format.js';
import { verifyExport } from './export-verify.js';
import { exportLines } from './export-writer.js';
import { AuditJournal } from './journal.js';
import { openStorage } from '../storage/open-storage.js';
import type { Db } from '../storage/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-audit-'));
const key = loadAuditKey(dir);
const other = loadAuditKey(mkdtempSync(join(tmpdir(), 'hearth-audit-other-')));
const none: ExportFilter = { from: null, to: null, space: null, person: null };

async function journalWith(n: number, checkpointEvery = 0): Promise<Db> {
  const { db } = await openStorage({ engine: 'sqlite', file: ':memory:' });
  let t = 1_000;
  const journal = new AuditJournal(db, () => (t += 1000));
  const writer = new CheckpointWriter(db, key);
  for (let i = 1; i <= n; i++) {
    await journal.record({ kind: 'publication', actor: i % 2 ? 'alice' : 'bob', person: i % 2 ? 'alice' : 'bob', space: i % 3 ? 'general' : 'news', entry: `E${i}`, details: { version: 1 } });
    if (checkpointEvery > 0 && i % checkpointEvery === 0) await writer.checkpoint(await journal.head(), t);
  }
  return db;
}
const exportOf = async (db: Db, filter = none, k = key) => {
  let text = '';
  for await (const line of exportLines(db, filter, k, 99_000)) text += line;
  return text;
};
const lines = (text: string) => text.trimEnd().split('\n');
const join_ = (ls: string[]) => `${ls.join('\n')}\n`;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit export and verify', () => {
  it('a full export verifies', async () => {
    const result = verifyExport(await exportOf(await journalWith(10, 4)));
    expect(result).toMatchObject({ ok: true, records: 10, fingerprint: key.fingerprint });
    expect(result.ok && result.checkpoints).toBeGreaterThanOrEqual(3);
  });

  it('an export of an empty journal verifies as empty', async () => {
    expect(verifyExport(await exportOf(await journalWith(0)))).toMatchObject({ ok: true, records: 0, checkpoints: 0 });
  });

  it('a filtered export verifies, with gaps for the records left out and anchored by checkpoints', async () => {
    const db = await journalWith(30, 5);
    for (const filter of [
      { ...none, space: 'news' },
      { ...none, person: 'bob' },
      { ...none, from: 12_000, to: 20_000 },
      { ...none, space: 'nowhere' },
    ]) {
      const text = await exportOf(db, filter);
      const result = verifyExport(text);
      expect(result, JSON.stringify(filter)).toMatchObject({ ok: true });
      if (filter.space === 'news') expect(text).toContain('"type":"gap"');
    }
    const byTime = lines(await exportOf(db, { ...none, from: 12_000, to: 20_000 }));
    // Starts at the checkpoint before record 11, not at the genesis.
    expect(JSON.parse(byTime[0]!)).toMatchObject({ afterSeq: 10 });
    expect(JSON.parse(byTime[1]!)).toMatchObject({ type: 'checkpoint', seq: 10 });
  });

  it('names the line that was edited, deleted or moved', async () => {
    const text = await exportOf(await journalWith(8, 3));
    const ls = lines(text);
    const recordLine = ls.findIndex((l) => l.includes('"seq":4,') && l.includes('"type":"record"'));
    expect(recordLine).toBeGreaterThan(0);

    const edited = [...ls];
    edited[recordLine] = edited[recordLine]!.replace('"actor":"bob"', '"actor":"carol"');
    expect(verifyExport(join_(edited))).toMatchObject({ ok: false, line: recordLine + 1, reason: expect.stringMatching(/altered/) });

    const deleted = ls.filter((_, i) => i !== recordLine);
    expect(verifyExport(join_(deleted))).toMatchObject({ ok: false, line: recordLine + 1, reason: expect.stringMatching(/expected record 4/) });

    const swapped = [...ls];
    [swapped[recordLine], swapped[recordLine + 1]] = [swapped[recordLine + 1]!, swapped[recordLine]!];
    expect(verifyExport(join_(swapped))).toMatchObject({ ok: false, line: recordLine + 1 });

    expect(verifyExport(join_(ls.slice(0, -1)))).toMatchObject({ ok: false, line: ls.length, reason: expect.stringMatching(/without its seal/) });
  });

  it('an edit that also recomputes the record hash is caught at the next line that depends on it', async () => {
    const db = await journalWith(6, 6);
    const ls = lines(await exportOf(db));
    const i = ls.findIndex((l) => l.includes('"seq":3,'));
    const r = JSON.parse(ls[i]!) as Record<string, unknown>;
    // The forger cannot recompute a valid chain hash without the verifier's own function; even if
    // they do, the next record's prevHash (or the checkpoint) no longer matches.
    const forged = [...ls];
    forged[i] = JSON.stringify({ ...r, hash: 'f'.repeat(64) });
    expect(verifyExport(join_(forged))).toMatchObject({ ok: false, line: i + 1 });
  });

  it('a forged or foreign checkpoint fails at its line', async () => {
    const ls = lines(await exportOf(await journalWith(6, 3)));
    const c = ls.findIndex((l) => l.includes('"type":"checkpoint"'));
    const cp = JSON.parse(ls[c]!) as Record<string, unknown>;
    const forged = [...ls];
    forged[c] = JSON.stringify({ ...cp, at: (cp.at as number) + 1 });
    expect(verifyExport(join_(forged))).toMatchObject({ ok: false, line: c + 1, reason: expect.stringMatching(/signature/) });
  });

  it('an export re-signed with another key fails against the pinned fingerprint', async () => {
    // A forger who rewrites the journal can sign every checkpoint with a key of their own...
    const db = await journalWith(4, 0);
    expect(verifyExport(await exportOf(db, none, other))).toMatchObject({ ok: true });
    // ...which is why auditors pin the relay's fingerprint; and stored checkpoints of the real key
    // never verify under another one.
    expect(verifyExport(await exportOf(await journalWith(4, 2), none, other))).toMatchObject({ ok: false, reason: expect.stringMatching(/signature/) });
    expect(verifyExport(await exportOf(db, none, other), key.fingerprint)).toMatchObject({ ok: false, line: 1, reason: expect.stringMatching(/not the expected/) });
  });
});
