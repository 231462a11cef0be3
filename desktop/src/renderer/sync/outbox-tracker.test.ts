import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readOutbox, writePost } from '@hearth/core';
import { HearthDb } from '../storage/db.js';
import { RoomHub } from './room-hub.js';
import { OutboxTracker } from './outbox-tracker.js';

let n = 0;
function setup() {
  const db = new HearthDb(`tracker-${++n}`);
  // Offline: the provider never dials; Node 20 has no WebSocket, so give it a stand-in.
  const hub = new RoomHub(db, { relayUrl: 'ws://127.0.0.1:9', token: 't', online: false, WebSocketImpl: class {} as unknown as typeof WebSocket });
  const tracker = new OutboxTracker(db, hub.open('outbox/anna'));
  return { db, hub, tracker };
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('OutboxTracker', () => {
  it('resolves a write only once it is in IndexedDB', async () => {
    const { db, hub, tracker } = setup();
    const id = await tracker.commit((doc) => writePost(doc, { space: 'general', title: 'Hello', body: 'World' }));
    const rows = await db.updates.where('room').equals('outbox/anna').toArray();
    const copy = new Y.Doc();
    for (const r of rows) Y.applyUpdate(copy, r.update);
    expect(readOutbox(copy).map((e) => e.id)).toEqual([id]);
    hub.destroy();
  });

  it('counts changes until the relay says it stored them', async () => {
    const { hub, tracker } = setup();
    await tracker.commit((doc) => writePost(doc, { space: 'general', title: 'One', body: '1' }));
    await tracker.commit((doc) => writePost(doc, { space: 'general', title: 'Two', body: '2' }));
    expect(tracker.unsynced.get()).toBe(2);
    await tracker.onStored(b64(Y.encodeStateVector(tracker.doc)));
    expect(tracker.unsynced.get()).toBe(0);
    hub.destroy();
  });

  it('keeps counting what a partial stored state does not cover', async () => {
    const { hub, tracker } = setup();
    await tracker.commit((doc) => writePost(doc, { space: 'general', title: 'One', body: '1' }));
    const partial = Y.encodeStateVector(tracker.doc);
    await tracker.commit((doc) => writePost(doc, { space: 'general', title: 'Two', body: '2' }));
    await tracker.onStored(b64(partial));
    expect(tracker.unsynced.get()).toBe(1);
    hub.destroy();
  });
});
