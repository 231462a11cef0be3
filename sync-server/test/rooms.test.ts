import { afterEach, describe, expect, it } from 'vitest';
import { RelayDocHost } from '../src/rooms/relay-doc-host.js';
import { createLogger } from '../src/log.js';
import { connectProvider, fetchMetrics, openTestStorage, removeTestData, startTestRelay, synced, tempDataDir, waitFor } from './helpers.js';
import type { TestRelay } from './helpers.js';

describe('rooms in memory', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('unloads idle rooms and reloads them from storage', async () => {
    const dir = tempDataDir();
    const storage = await openTestStorage(dir);
    const host = new RelayDocHost(storage.rooms, createLogger(), { idleUnloadMs: 50 });
    cleanups.push(async () => {
      host.stop();
      await storage.close();
      await removeTestData(dir);
    });
    await host.write('spaces', (doc) => doc.getMap('spaces').set('a', { id: 'a' }));
    const first = await host.open('spaces');
    expect(host.loadedCount).toBe(1);
    await waitFor(() => host.loadedCount === 0, 3000, 'unload');
    const again = await host.open('spaces');
    expect(again).not.toBe(first);
    expect(again.getMap('spaces').get('a')).toEqual({ id: 'a' });
    expect(await host.listRooms('sp')).toEqual(['spaces']);
    expect(await host.exists('policy')).toBe(false);
  });

  it('keeps a room loaded while a connection uses it', async () => {
    const relay: TestRelay = await startTestRelay({ idleUnloadMs: 50 });
    cleanups.push(() => relay.cleanup());
    const c = connectProvider(relay.url, 'outbox/alice', await relay.mintToken('alice'));
    await synced(c);
    c.doc.getMap('entries').set('x', 1);
    await waitFor(() => c.notices.some((n) => n.type === 'stored'));
    await new Promise((r) => setTimeout(r, 1500));
    const doc = await relay.host.open('outbox/alice');
    c.doc.getMap('entries').set('y', 2);
    await waitFor(() => doc.getMap('entries').get('y') === 2, 3000, 'same in-memory room');
    c.destroy();
  });

  it('unloads the rooms nobody reads any more: the loaded-room count goes back down', async () => {
    const relay: TestRelay = await startTestRelay({ idleUnloadMs: 50 });
    cleanups.push(() => relay.cleanup());
    const loaded = async () => Number(/^hearth_relay_rooms_loaded (\d+)$/m.exec(await fetchMetrics(relay))?.[1] ?? NaN);
    const people = ['alice', 'bob', 'carol'];
    const readers = await Promise.all(people.flatMap((p) => [`outbox/${p}`, `inbox/${p}`]).map(async (room) => {
      const c = connectProvider(relay.url, room, await relay.mintToken(room.split('/')[1]!));
      await synced(c);
      return c;
    }));
    expect(await loaded()).toBeGreaterThanOrEqual(readers.length);
    for (const c of readers) c.destroy();
    // Nobody reads anything now: every room goes (the directory and policy too, once idle).
    await waitFor(async () => (await loaded()) === 0, 10_000, 'rooms unloaded');
  });

  it('healthz answers 503 when the database does not', async () => {
    const relay = await startTestRelay();
    cleanups.push(() => relay.cleanup());
    await relay.storage.close();
    const res = await fetch(`http://127.0.0.1:${relay.port}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', db: 'unavailable', catchingUp: false });
  });

  it('a change made on an opened doc outside write() is still stored and sent', async () => {
    const relay = await startTestRelay();
    cleanups.push(() => relay.cleanup());
    const reader = connectProvider(relay.url, 'policy', await relay.mintToken('bob'));
    await synced(reader);
    const doc = await relay.host.open('policy');
    doc.getMap('stray').set('k', 'v');
    await waitFor(() => reader.doc.getMap('stray').get('k') === 'v', 3000, 'stray change broadcast');
    const stored = await relay.storage.rooms.load('policy');
    expect(stored.length).toBeGreaterThan(0);
    reader.destroy();
  });
});
