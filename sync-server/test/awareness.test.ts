// Attacker-side tests of awareness (presence), the one channel the relay relays from person to
// person: a claimed name, amplification (one connection's states multiplied by the room's size),
// a flood of client ids that every newcomer would receive in one message, and a room's total. And
// that honest presence still works.
import { initSpace } from '@hearth/core';
import type { SpaceMeta } from '@hearth/core';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodeAwarenessEntries } from '../src/connection/awareness-filter.js';
import type { AwarenessEntry } from '../src/connection/awareness-filter.js';
import { DEFAULT_LIMITS } from '../src/connection/limits.js';
import { connectProvider, rawClient, startTestRelay, synced, waitFor } from './helpers.js';
import type { RawClient, TestRelay } from './helpers.js';

const meta = (id: string): SpaceMeta => ({ id, name: id, description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: 1 });
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

function awarenessMessage(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encodeAwarenessEntries(entries));
  return encoding.toUint8Array(e);
}
const state = (s: unknown) => JSON.stringify(s);
/** Bytes of awareness messages (type 1) a raw client received. */
const awarenessBytes = (c: RawClient) => c.messages.filter((m) => m[0] === 1).reduce((n, m) => n + m.byteLength, 0);

async function openRaw(relay: TestRelay, who: string, room: string): Promise<RawClient> {
  const c = rawClient(relay.url, room, await relay.mintToken(who));
  await c.opened;
  await waitFor(() => c.messages.length > 0, 5000, 'sync step 1');
  return c;
}

describe('awareness through a real relay', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay({ limits: { rate: { perSecond: 1000, burst: 5000 } } });
    for (const id of ['general', 'flood', 'clients', 'small']) await relay.host.write(`space/${id}`, (doc) => initSpace(doc, meta(id)));
  });
  afterAll(() => relay.cleanup());

  it('a state cannot claim a name: only the person id and the known presence fields are relayed; honest presence works', async () => {
    const bob = connectProvider(relay.url, 'space/general', await relay.mintToken('bob'));
    const watcher = connectProvider(relay.url, 'space/general', await relay.mintToken('alice'));
    await Promise.all([synced(bob), synced(watcher)]);
    bob.provider.awareness.setLocalState({ user: { id: 'bob', name: 'Seema (Moderator)', color: 'red' }, name: 'Seema (Moderator)', typing: 'post-1', note: 'x'.repeat(500) });
    await waitFor(() => watcher.provider.awareness.getStates().has(bob.doc.clientID), 5000, 'bob present');
    expect(watcher.provider.awareness.getStates().get(bob.doc.clientID)).toEqual({ user: { id: 'bob' }, typing: 'post-1' });
    // He stops typing: the change arrives; he leaves: his state goes.
    bob.provider.awareness.setLocalStateField('typing', null);
    await waitFor(() => watcher.provider.awareness.getStates().get(bob.doc.clientID)?.typing === null, 5000, 'stopped typing');
    bob.destroy();
    await waitFor(() => !watcher.provider.awareness.getStates().has(bob.doc.clientID), 5000, 'bob gone');
    watcher.destroy();
  });

  it('amplification is cut: 18 MB of awareness from one connection reaches each of 10 readers as a few KB', async () => {
    const readers = await Promise.all(Array.from({ length: 10 }, (_, i) => openRaw(relay, ['bob', 'carol'][i % 2]!, 'space/flood')));
    const attacker = await openRaw(relay, 'alice', 'space/flood');
    const before = readers.map(awarenessBytes);
    const junk = 'x'.repeat(900_000);
    let sent = 0;
    // 20 states of 900 KB (valid person, one free-form field), then 300 small valid ones as fast as possible.
    for (let clock = 1; clock <= 20; clock++) {
      const m = awarenessMessage([{ clientId: 4242, clock, state: state({ user: { id: 'alice' }, junk }) }]);
      attacker.ws.send(m);
      sent += m.byteLength;
    }
    for (let clock = 21; clock <= 320; clock++) {
      const m = awarenessMessage([{ clientId: 4242, clock, state: state({ user: { id: 'alice' }, viewing: `post-${clock}` }) }]);
      attacker.ws.send(m);
      sent += m.byteLength;
    }
    // Then a marker state, renewed every 300 ms as an honest client renews: once every reader has
    // it, everything before it was handled (messages of one connection are handled in order).
    let clock = 1000;
    const marker = () => attacker.ws.send(awarenessMessage([{ clientId: 4242, clock: clock++, state: state({ user: { id: 'alice' }, viewing: 'post-marker' }) }]));
    const hasMarker = (r: RawClient) => r.messages.some((m) => m[0] === 1 && Buffer.from(m).includes('post-marker'));
    const renew = setInterval(marker, 300);
    try {
      marker();
      await waitFor(() => readers.every(hasMarker), 15_000, 'the marker state');
    } finally {
      clearInterval(renew);
    }
    const received = readers.map((r, i) => awarenessBytes(r) - before[i]!);
    console.log(`awareness amplification: ${(sent / 1e6).toFixed(1)} MB sent by one connection; each of ${readers.length} readers received at most ${Math.max(...received)} bytes`);
    expect(attacker.ws.readyState).toBe(WebSocket.OPEN);
    for (const r of received) expect(r).toBeLessThan(16 * 1024);
    for (const c of [...readers, attacker]) c.ws.close();
  });

  it('285 client ids from one person are cut to the per-connection and per-person caps; a newcomer gets a small snapshot', async () => {
    const { maxClientsPerConnection, maxClientsPerPersonPerRoom } = DEFAULT_LIMITS.awareness;
    const connections = await Promise.all(Array.from({ length: 6 }, () => openRaw(relay, 'alice', 'space/clients')));
    let clientId = 10_000;
    for (let n = 0; n < 285; n++) {
      const c = connections[n % connections.length]!;
      // Some with a 1 MB state, the others with a valid small one.
      const s = n % 20 === 0 ? state({ user: { id: 'alice' }, blob: 'y'.repeat(1_000_000 - 64) }) : state({ user: { id: 'alice' }, viewing: `post-${n}` });
      c.ws.send(awarenessMessage([{ clientId: clientId++, clock: 1, state: s }]));
    }
    await settle(1000);
    const newcomer = connectProvider(relay.url, 'space/clients', await relay.mintToken('bob'));
    await synced(newcomer);
    await settle(300);
    const states = [...newcomer.provider.awareness.getStates().entries()].filter(([id]) => id !== newcomer.doc.clientID);
    expect(states.length).toBeGreaterThan(0);
    expect(states.length).toBeLessThanOrEqual(Math.min(maxClientsPerPersonPerRoom, connections.length * maxClientsPerConnection));
    expect(JSON.stringify(states).length).toBeLessThan(4096);
    newcomer.destroy();
    for (const c of connections) c.ws.close();
  });

  it('a room’s awareness has a total: past it new states are refused, so no newcomer receives more', async () => {
    const small = await startTestRelay({ limits: { awareness: { maxRoomBytes: 600 } } });
    try {
      await small.host.write('space/small', (doc) => initSpace(doc, meta('small')));
      const sockets = await Promise.all(['alice', 'bob', 'carol'].map((p) => openRaw(small, p, 'space/small')));
      let id = 1;
      for (const [i, c] of sockets.entries()) {
        const who = ['alice', 'bob', 'carol'][i]!;
        for (let k = 0; k < 4; k++) {
          c.ws.send(awarenessMessage([{ clientId: id++, clock: 1, state: state({ user: { id: who }, cursor: { item: `post-${who}-${k}`, field: 'body', anchor: 1, head: 99 } }) }]));
          await settle(30);
        }
      }
      await settle(300);
      const newcomer = await openRaw(small, 'alice', 'space/small');
      await settle(300);
      const snapshot = newcomer.messages.filter((m) => m[0] === 1);
      expect(snapshot.length).toBe(1);
      expect(snapshot[0]!.byteLength).toBeLessThan(700);
      expect(snapshot[0]!.byteLength).toBeGreaterThan(300);
      for (const c of [...sockets, newcomer]) c.ws.close();
    } finally {
      await small.cleanup();
    }
  });
});
