import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeChange, getAllChanges } from '@automerge/automerge/slim';
import { Repo, type DocumentId } from '@automerge/automerge-repo/slim';
import { deriveCaseState, isActorOf, type ModerationCase } from '@hearth/core';
import { loadAutomerge } from './automerge-wasm.js';
import { CaseClient } from './case-client.js';
import { CaseDb, DexieStorageAdapter } from './case-storage.js';
import { caseFile } from './test-cases.js';

let n = 0;
const clients: CaseClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
});

/** A case file the relay had synced to this device earlier: in its Dexie store. */
async function storedCase(dbName: string): Promise<string> {
  await loadAutomerge();
  const repo = new Repo({ storage: new DexieStorageAdapter(new CaseDb(dbName)), network: [] });
  const handle = repo.create<ModerationCase>(caseFile('c1').doc);
  await repo.flush();
  await repo.shutdown();
  return handle.documentId;
}

async function start(dbName: string, personId = 'binu'): Promise<CaseClient> {
  // Offline: no socket is opened; everything comes from IndexedDB.
  const client = await CaseClient.start({ personId, relayUrl: 'ws://relay.invalid', token: 't', online: false, dbName });
  clients.push(client);
  return client;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('CaseClient', () => {
  it('writes decisions offline with the person\'s bound actor, superseding the current ones', async () => {
    const dbName = `case-client-${++n}`;
    const documentId = await storedCase(dbName);
    const client = await start(dbName);
    client.track(documentId);
    await until(() => client.cases.get().length === 1);
    expect(client.network.connection.get()).toBe('offline');

    const first = client.decide(documentId, { action: 'hide', note: ' Not here. ' });
    const second = client.decide(documentId, { action: 'restore', note: '' });
    client.note(documentId, 'Checked with the account team.');
    const doc = client.cases.get()[0]!.doc;
    expect(doc.decisions[first]).toMatchObject({ by: 'binu', action: 'hide', note: 'Not here.', supersedes: [] });
    expect(doc.decisions[second]?.supersedes).toEqual([first]);
    expect(Object.values(doc.notes)).toMatchObject([{ by: 'binu', text: 'Checked with the account team.' }]);
    expect(deriveCaseState(doc).status).toBe('decided');
  });

  it('reopens the case files it was given after a restart, and keeps one actor per device', async () => {
    const dbName = `case-client-${++n}`;
    const documentId = await storedCase(dbName);
    const first = await start(dbName);
    first.track(documentId);
    await until(() => first.cases.get().length === 1);
    first.decide(documentId, { action: 'approve', note: '' });
    await first.flush();
    await first.destroy();
    clients.splice(0);

    const again = await start(dbName);
    await until(() => again.cases.get().length === 1); // from `known`, without being told
    again.decide(documentId, { action: 'hide', note: '' });
    await again.flush();
    await again.destroy();
    clients.splice(0);

    const repo = new Repo({ storage: new DexieStorageAdapter(new CaseDb(dbName)), network: [] });
    const handle = await repo.find<ModerationCase>(documentId as DocumentId);
    const actors = new Set(getAllChanges(handle.doc()).map((c) => decodeChange(c).actor));
    const ours = [...actors].filter((a) => isActorOf(a, 'binu'));
    expect(ours).toHaveLength(1);
    expect(Object.values(handle.doc().decisions).map((d) => d.action).sort()).toEqual(['approve', 'hide']);
    await repo.shutdown();
  });
});
