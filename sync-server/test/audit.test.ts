// The audit journal through a real relay: what the relay does is journaled in order, an export
// taken while the relay runs verifies, and any edit, deletion or reordering of one of its lines
// makes `hearth-relay audit verify` fail and name the line.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInbox, readSpace, writeAcknowledgement, writePost, writeReport } from '@hearth/core';
import { journalFor, type AuditRecord } from '../src/audit/journal.js';
import { clientPool, runAdmin as admin, startTestRelay, storageArgs, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/hearth-relay.js', import.meta.url));
const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;

function cli(...args: string[]): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HEARTH_LOG_LEVEL: 'silent' } });
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out })));
}

describe('audit journal through the relay', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const open = clients.open;
  const journal = async (): Promise<AuditRecord[]> => {
    const j = journalFor(relay.storage.db);
    return j.read(1, (await j.head()).seq);
  };
  let heldId = '';
  let postId = '';

  beforeAll(async () => {
    relay = await startTestRelay({}, ['alice', 'bob', 'carol']);
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
    await admin(relay, 'space-create', { id: 'board', name: 'Board', visibility: 'private', members: ['alice'] });
    const out = await open('alice', 'outbox/alice');
    const inbox = await open('alice', 'inbox/alice');
    const space = await open('alice', bucketNow('general'));
    writeAcknowledgement(out.doc, { policyVersion: 3 });
    postId = writePost(out.doc, { space: 'general', body: 'Quarterly survey results are in.' });
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === postId), 5000, 'post');
    heldId = writePost(out.doc, { space: 'general', body: 'Kick-off with Northwind on Monday.' });
    await waitFor(() => readInbox(inbox.doc).statuses[heldId]?.state === 'held', 5000, 'held');
    writeReport(out.doc, { space: 'general', target: postId, reason: 'Testing the report path.' });
    await waitFor(async () => (await journal()).some((r) => r.kind === 'report'), 5000, 'report journaled');
    await admin(relay, 'space-add-member', { space: 'board', person: 'bob' });
    await admin(relay, 'space-remove-member', { space: 'board', person: 'bob' });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('journals policy, spaces, memberships, acknowledgements, publications, holds and reports in order', async () => {
    const records = await journal();
    const summary = records.map((r) => `${r.kind}:${r.person ?? ''}:${r.entry === postId ? 'post' : r.entry === heldId ? 'held' : ''}`);
    const order = ['policy::', 'space-created::', 'membership:alice:', 'acknowledgement:alice:', 'publication:alice:post', 'hold:alice:held', 'report:alice:', 'membership:bob:', 'membership:bob:'];
    // Each expected record found after the one before it: the journal follows what happened.
    let at = -1;
    for (const o of order) {
      at = summary.indexOf(o, at + 1);
      expect(at, o).toBeGreaterThanOrEqual(0);
    }
    const hold = records.find((r) => r.kind === 'hold')!;
    expect(hold).toMatchObject({ actor: 'alice', space: 'general', details: { rules: ['client-names'], type: 'post', version: 1 } });
    expect(records.find((r) => r.kind === 'membership' && r.person === 'bob')?.details).toEqual({ action: 'added' });
    // The journal keeps hashes of content, never its text.
    expect(JSON.stringify(records)).not.toContain('Northwind');
    for (const [i, r] of records.entries()) expect(r.prevHash).toBe(i === 0 ? '0'.repeat(64) : records[i - 1]!.hash);
  });

  describe('hearth-relay audit export / verify (built CLI)', () => {
    it('an export taken while the relay runs verifies; an edited, deleted or moved line fails, named', async () => {
      const file = join(relay.dataDir, 'export-all.jsonl');
      const exported = await cli('audit', 'export', file, ...storageArgs(relay.dataDir));
      expect(exported.code, exported.out).toBe(0);
      const key = await cli('audit', 'key', '--data', relay.dataDir);
      const fingerprint = /fingerprint (sha256:[0-9a-f]{64})/.exec(key.out)?.[1];
      expect(fingerprint).toBeDefined();
      const ok = await cli('audit', 'verify', file, '--key', fingerprint!);
      expect(ok.code, ok.out).toBe(0);
      expect(ok.out).toMatch(new RegExp(`^OK: ${(await journal()).length} records, \\d+ checkpoints, key ${fingerprint}`));

      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const n = lines.findIndex((l) => l.includes('"kind":"hold"'));
      const variants: Array<[string, string[], RegExp]> = [
        ['edited', lines.map((l, i) => (i === n ? l.replace('"actor":"alice"', '"actor":"bob"') : l)), /altered/],
        ['deleted', lines.filter((_, i) => i !== n), /missing or out of order/],
        ['reordered', lines.map((l, i) => (i === n ? lines[n + 1]! : i === n + 1 ? lines[n]! : l)), /missing or out of order/],
      ];
      for (const [what, text, reason] of variants) {
        const bad = join(relay.dataDir, `export-${what}.jsonl`);
        writeFileSync(bad, `${text.join('\n')}\n`);
        const r = await cli('audit', 'verify', bad);
        expect(r.code, `${what}: ${r.out}`).toBe(1);
        expect(r.out.trim(), what).toMatch(new RegExp(`^FAILED at line ${n + 1}: `));
        expect(r.out, what).toMatch(reason);
      }
    });

    it('a filtered export (by person and date) verifies and holds only matching records', async () => {
      const file = join(relay.dataDir, 'export-bob.jsonl');
      const from = new Date((await journal())[0]!.at).toISOString();
      const r = await cli('audit', 'export', file, '--person', 'bob', '--from', from, '--to', new Date(Date.now() + 60_000).toISOString(), ...storageArgs(relay.dataDir));
      expect(r.code, r.out).toBe(0);
      const records = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; person?: string }).filter((l) => l.type === 'record');
      expect(records.map((l) => l.person)).toEqual(['bob', 'bob']);
      const v = await cli('audit', 'verify', file);
      expect(v.out).toMatch(/^OK: 2 records/);
    });

    it('a forged checkpoint fails verification at its line', async () => {
      const file = join(relay.dataDir, 'export-forge.jsonl');
      await cli('audit', 'export', file, ...storageArgs(relay.dataDir));
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const c = lines.findIndex((l) => l.includes('"type":"checkpoint"'));
      const cp = JSON.parse(lines[c]!) as Record<string, unknown>;
      lines[c] = JSON.stringify({ ...cp, seq: (cp.seq as number) - 1 });
      writeFileSync(file, `${lines.join('\n')}\n`);
      const r = await cli('audit', 'verify', file);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(new RegExp(`^FAILED at line ${c + 1}: checkpoint .*signature`));
    });
  });
});
