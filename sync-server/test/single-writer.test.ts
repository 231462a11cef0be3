import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initSpace } from '@hearth/core';
import * as Y from 'yjs';
import { fromBase64 } from '../src/protocol/notices.js';
import { connectProvider, startTestRelay, synced, waitFor } from './helpers.js';
import type { TestRelay } from './helpers.js';

describe('single writer', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay();
    await relay.host.write('space/general', (doc) => {
      initSpace(doc, { id: 'general', name: 'General', description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: 1 });
      doc.getMap('posts').set('p1', 'published by the relay');
    });
  });
  afterAll(() => relay.cleanup());

  it('a client writing to a space changes nothing anyone sees and gets one read-only notice', async () => {
    const mallory = connectProvider(relay.url, 'space/general', await relay.mintToken('bob'));
    const reader = connectProvider(relay.url, 'space/general', await relay.mintToken('carol'));
    await Promise.all([synced(mallory), synced(reader)]);
    expect(reader.doc.getMap('posts').get('p1')).toBe('published by the relay');
    mallory.doc.getMap('posts').set('p1', 'forged');
    mallory.doc.getMap('posts').set('p2', 'forged too');
    await waitFor(() => mallory.notices.some((n) => n.type === 'read-only'));
    // give the relay time to (not) broadcast
    await new Promise((r) => setTimeout(r, 200));
    expect(reader.doc.getMap('posts').toJSON()).toEqual({ p1: 'published by the relay' });
    const stored = await relay.host.open('space/general');
    expect(stored.getMap('posts').toJSON()).toEqual({ p1: 'published by the relay' });
    expect(mallory.notices.filter((n) => n.type === 'read-only')).toEqual([{ type: 'read-only', room: 'space/general' }]);
    // a fresh reader sees the relay's version too
    const fresh = connectProvider(relay.url, 'space/general', await relay.mintToken('alice'));
    await synced(fresh);
    expect(fresh.doc.getMap('posts').toJSON()).toEqual({ p1: 'published by the relay' });
    for (const c of [mallory, reader, fresh]) c.destroy();
  });

  it('relay writes reach every reader of the room', async () => {
    const reader = connectProvider(relay.url, 'space/general', await relay.mintToken('carol'));
    await synced(reader);
    await relay.host.write('space/general', (doc) => doc.getMap('posts').set('p3', 'new'));
    await waitFor(() => reader.doc.getMap('posts').get('p3') === 'new');
    expect(reader.notices).toEqual([]);
    reader.destroy();
  });

  it('outbox updates are stored, acknowledged with a stored notice, and reach the owner’s other devices', async () => {
    const token = await relay.mintToken('alice');
    const laptop = connectProvider(relay.url, 'outbox/alice', token);
    const phone = connectProvider(relay.url, 'outbox/alice', token);
    await Promise.all([synced(laptop), synced(phone)]);
    const seen: string[] = [];
    const off = relay.host.onOutboxStored((personId) => seen.push(personId));
    laptop.doc.getMap('entries').set('e1', 'hello');
    laptop.doc.getText('t').insert(0, 'typed');
    await waitFor(() => {
      const last = laptop.notices.at(-1);
      if (last?.type !== 'stored') return false;
      const sv = Y.decodeStateVector(fromBase64(last.stateVector));
      return (sv.get(laptop.doc.clientID) ?? 0) >= (Y.decodeStateVector(Y.encodeStateVector(laptop.doc)).get(laptop.doc.clientID) ?? 0);
    });
    expect(laptop.notices.every((n) => n.type === 'stored' && n.room === 'outbox/alice')).toBe(true);
    await waitFor(() => phone.doc.getText('t').toString() === 'typed');
    expect(phone.doc.getMap('entries').get('e1')).toBe('hello');
    expect(seen).toContain('alice');
    // stored before acknowledged: the log already holds it
    const rows = await relay.storage.rooms.load('outbox/alice');
    const fromLog = new Y.Doc();
    for (const u of rows) Y.applyUpdate(fromLog, u);
    expect(fromLog.getMap('entries').get('e1')).toBe('hello');
    off();
    laptop.destroy();
    phone.destroy();
  });

  it('awareness: only states naming the connection’s person are relayed', async () => {
    const token = await relay.mintToken('bob');
    const bob = connectProvider(relay.url, 'space/general', token);
    const impostor = connectProvider(relay.url, 'space/general', await relay.mintToken('carol'));
    const watcher = connectProvider(relay.url, 'space/general', await relay.mintToken('alice'));
    await Promise.all([synced(bob), synced(impostor), synced(watcher)]);
    bob.provider.awareness.setLocalStateField('user', { id: 'bob' });
    impostor.provider.awareness.setLocalStateField('user', { id: 'bob' });
    await waitFor(() => [...watcher.provider.awareness.getStates().values()].some((s) => (s.user as { id?: string } | undefined)?.id === 'bob'));
    await new Promise((r) => setTimeout(r, 200));
    const others = [...watcher.provider.awareness.getStates().entries()].filter(([id]) => id !== watcher.doc.clientID);
    expect(others.map(([id]) => id)).toEqual([bob.doc.clientID]);
    for (const c of [bob, impostor, watcher]) c.destroy();
  });
});
