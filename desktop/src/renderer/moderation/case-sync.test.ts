// The case client against a stand-in relay (test-relay.ts): a case file the relay announces reaches
// the moderator's list; decisions travel back written by the moderator's bound actor; two
// moderators deciding differently while offline both see the conflict once back online.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeChange, getAllChanges } from '@automerge/automerge/slim';
import type { DocHandle } from '@automerge/automerge-repo/slim';
import { deriveCaseState, isActorOf, type ModerationCase } from '@hearth/core';
import { loadAutomerge } from './automerge-wasm.js';
import { CaseClient } from './case-client.js';
import { MemorySocket, startTestRelay } from './test-relay.js';
import { caseFile } from './test-cases.js';

let n = 0;
const clients: CaseClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
});

async function moderator(personId: string): Promise<CaseClient> {
  const client = await CaseClient.start({ personId, relayUrl: 'ws://relay.test', token: 't', online: true, dbName: `case-sync-${++n}`, WebSocketImpl: MemorySocket as unknown as typeof WebSocket });
  clients.push(client);
  return client;
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out: ${what}`);
};

const actorsOf = (handle: DocHandle<ModerationCase>) => getAllChanges(handle.doc()).map((c) => decodeChange(c).actor);

describe('case files between the relay and the review pane', () => {
  it('a case the relay announces reaches the moderator, whose decision comes back with their actor', async () => {
    await loadAutomerge();
    const relay = startTestRelay();
    const binu = await moderator('binu');
    await until(() => binu.network.connection.get() === 'online', 'online');
    const handle = relay.repo.create<ModerationCase>(caseFile('held').doc);
    await until(() => binu.cases.get().length === 1, 'case announced');
    const [file] = binu.cases.get();
    expect(file?.doc.item.body).toContain('Northwind');

    const id = binu.decide(file!.documentId, { action: 'approve', note: '' });
    await until(() => handle.doc().decisions[id] !== undefined, 'decision at the relay');
    expect(handle.doc().decisions[id]).toMatchObject({ by: 'binu', action: 'approve', supersedes: [] });
    expect(actorsOf(handle).filter((a) => isActorOf(a, 'binu'))).toHaveLength(1);

    // The relay writes back what it did; the pane sees it.
    handle.change((d) => void (d.executions[id] = { at: Date.now(), outcome: 'done' }));
    await until(() => binu.cases.get()[0]?.doc.executions[id]?.outcome === 'done', 'execution seen');
    await relay.repo.shutdown();
  });

  it('two moderators deciding differently offline see a conflict; a resolution supersedes both', async () => {
    await loadAutomerge();
    const relay = startTestRelay();
    const binu = await moderator('binu');
    const seema = await moderator('seema');
    relay.repo.create<ModerationCase>(caseFile('split').doc);
    await until(() => binu.cases.get().length === 1 && seema.cases.get().length === 1, 'both have the case');
    const documentId = binu.cases.get()[0]!.documentId;

    binu.setOnline(false);
    seema.setOnline(false);
    const approve = binu.decide(documentId, { action: 'approve', note: '' });
    const hide = seema.decide(documentId, { action: 'hide', note: 'Client names stay in the account space.' });
    binu.setOnline(true);
    seema.setOnline(true);
    const decisions = (c: CaseClient) => Object.keys(c.cases.get()[0]?.doc.decisions ?? {}).length;
    await until(() => decisions(binu) === 2 && decisions(seema) === 2, 'both decisions everywhere');
    for (const c of [binu, seema]) {
      const state = deriveCaseState(c.cases.get()[0]!.doc);
      expect(state.status).toBe('conflict');
      expect(state.conflicting.map((d) => d.id).sort()).toEqual([approve, hide].sort());
    }

    const resolution = binu.decide(documentId, { action: 'hide', note: 'Agreed with Seema.' });
    expect(binu.cases.get()[0]!.doc.decisions[resolution]?.supersedes.sort()).toEqual([approve, hide].sort());
    await until(() => seema.cases.get()[0]?.doc.decisions[resolution] !== undefined, 'resolution reaches seema');
    expect(deriveCaseState(seema.cases.get()[0]!.doc).status).toBe('decided');
    await relay.repo.shutdown();
  });
});
