import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { connectProvider, rawClient, startTestRelay, synced, waitFor } from './helpers.js';
import type { RawClient, TestClient, TestRelay } from './helpers.js';

const step1 = () => new Uint8Array([0, 0, 1, 0]);

function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

describe('bad input closes only the offending connection', () => {
  let relay: TestRelay;
  let bystander: TestClient;
  beforeAll(async () => {
    relay = await startTestRelay({ limits: { maxMessageBytes: 4096, rate: { perSecond: 20, burst: 40 } } });
    bystander = connectProvider(relay.url, 'outbox/bob', await relay.mintToken('bob'));
    await synced(bystander);
  });
  afterAll(async () => {
    bystander.destroy();
    await relay.cleanup();
  });

  async function expectBystanderWorks(): Promise<void> {
    const before = bystander.notices.length;
    bystander.doc.getMap('entries').set(`k${before}`, 'still here');
    await waitFor(() => bystander.notices.length > before, 5000, 'bystander stored notice');
    expect(bystander.closes).toEqual([]);
  }

  async function opened(room = 'outbox/alice'): Promise<RawClient> {
    const c = rawClient(relay.url, room, await relay.mintToken('alice'));
    await c.opened;
    await waitFor(() => c.messages.length > 0); // admitted: the relay's sync step 1 arrived
    return c;
  }

  it('garbage bytes → 4400', async () => {
    const c = await opened();
    c.ws.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect((await c.closed).code).toBe(4400);
    expect(c.notices.at(-1)).toEqual({ type: 'error', code: 4400, message: 'malformed message' });
    await expectBystanderWorks();
  });

  it('an update that does not decode → 4400 and nothing is stored', async () => {
    const c = await opened();
    c.ws.send(syncUpdate(new Uint8Array([1, 1, 200, 7, 0, 9, 9, 9])));
    expect((await c.closed).code).toBe(4400);
    expect(await relay.storage.rooms.load('outbox/alice')).toEqual([]);
    await expectBystanderWorks();
  });

  it('an update that decodes but does not apply → 4400; the room is reloaded from storage, without it', async () => {
    const device = connectProvider(relay.url, 'outbox/carol', await relay.mintToken('carol'));
    await synced(device);
    device.doc.getMap('entries').set('kept', 1);
    await waitFor(() => device.notices.some((n) => n.type === 'stored'));
    // found by fuzzing: Y.decodeUpdate accepts it, Y.applyUpdate throws half way
    const poison = Buffer.from('0103bfadf8ec0c00210107656e7472696573016100040101740525656c6c6f080103617272027d017d0201bfadf8ec15010001', 'hex');
    expect(() => Y.decodeUpdate(poison)).not.toThrow();
    expect(() => Y.applyUpdate(new Y.Doc(), poison)).toThrow();
    const c = rawClient(relay.url, 'outbox/carol', await relay.mintToken('carol'));
    await c.opened;
    await waitFor(() => c.messages.length > 0);
    c.ws.send(syncUpdate(new Uint8Array(poison)));
    expect((await c.closed).code).toBe(4400);
    await waitFor(() => device.closes.length > 0);
    expect(device.closes[0]).toBe(1011); // reconnects by itself to the room as stored
    await waitFor(() => device.provider.synced, 5000, 'device back');
    const fresh = connectProvider(relay.url, 'outbox/carol', await relay.mintToken('carol'));
    await synced(fresh);
    expect(fresh.doc.getMap('entries').toJSON()).toEqual({ kept: 1 });
    expect(fresh.doc.getText('t').toString()).toBe('');
    device.destroy();
    fresh.destroy();
    await expectBystanderWorks();
  });

  it('unknown message types and text frames → 4400', async () => {
    const c = await opened();
    c.ws.send(new Uint8Array([42]));
    expect((await c.closed).code).toBe(4400);
    const t = await opened();
    t.ws.send('hello');
    expect((await t.closed).code).toBe(4400);
  });

  it('a message over the size limit → 4413', async () => {
    const c = await opened();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(10_000));
    c.ws.send(syncUpdate(Y.encodeStateAsUpdate(doc)));
    expect((await c.closed).code).toBe(4413);
    await expectBystanderWorks();
  });

  it('a flood → 4429', async () => {
    const c = await opened();
    for (let i = 0; i < 200; i++) c.ws.send(step1());
    expect((await c.closed).code).toBe(4429);
    await expectBystanderWorks();
  });

  it('a sync step 1 with an empty state vector is answered with the room state', async () => {
    const c = await opened('outbox/alice');
    const n = c.messages.length;
    c.ws.send(step1());
    await waitFor(() => c.messages.length > n);
    expect(c.messages.at(-1)?.[0]).toBe(0);
    expect(c.messages.at(-1)?.[1]).toBe(1); // sync step 2
    c.ws.close();
  });
});
