// A stock y-websocket client sees the plain y-websocket protocol: relay notices (message type 100)
// go only to connections that ask for them with `?notices=1`, as the app does. Without that, the
// stock provider logs "Unable to compute message" after every stored update.
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MESSAGE_NOTICE } from '../src/protocol/notices.js';
import { connectProvider, rawClient, startTestRelay, synced, waitFor } from './helpers.js';
import type { TestClient, TestRelay } from './helpers.js';

const messageType = (bytes: Uint8Array): number => decoding.readVarUint(decoding.createDecoder(bytes));

describe('relay notices are opt-in', () => {
  let relay: TestRelay;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    relay = await startTestRelay();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await relay.cleanup();
  });

  it('a stock WebsocketProvider writing its outbox gets no type-100 message and logs nothing', async () => {
    const logged = vi.spyOn(console, 'error');
    const stock = connectProvider(relay.url, 'outbox/alice', await relay.mintToken('alice'), undefined, { notices: false });
    clients.push(stock);
    // As stock as it gets: no handler for notices, so one would be logged as "Unable to compute message".
    delete stock.provider.messageHandlers[MESSAGE_NOTICE];
    await synced(stock);
    for (let i = 0; i < 5; i++) stock.doc.getMap('entries').set(`e${i}`, i);
    const server = await relay.host.open('outbox/alice');
    await waitFor(() => server.getMap('entries').size === 5, 5000, 'stored on the relay');
    // A reader that asks for notices gets its own 'stored' notice, so the relay has had time to send one.
    const app = connectProvider(relay.url, 'outbox/alice', await relay.mintToken('alice'));
    clients.push(app);
    await synced(app);
    app.doc.getMap('entries').set('from-app', true);
    await waitFor(() => app.notices.some((n) => n.type === 'stored'), 5000, 'the app is told what is stored');
    await waitFor(() => stock.doc.getMap('entries').get('from-app') === true, 5000, 'the stock client receives the update');

    expect(stock.notices).toEqual([]);
    expect(logged.mock.calls.flat().join(' ')).not.toMatch(/Unable to compute message/);
  });

  it('a refused stock client gets the close code without a notice; one that asks gets the notice too', async () => {
    const stock = rawClient(relay.url, 'outbox/bob', await relay.mintToken('alice'), { notices: false });
    expect(await stock.closed).toEqual({ code: 4403, reason: expect.any(String) as string });
    expect(stock.messages.map(messageType)).not.toContain(MESSAGE_NOTICE);

    const app = rawClient(relay.url, 'outbox/bob', await relay.mintToken('alice'));
    expect((await app.closed).code).toBe(4403);
    expect(app.notices).toEqual([{ type: 'error', code: 4403, message: expect.any(String) as string }]);
  });

  it('a stock client writing a read-only room gets no notice; the app is told once', async () => {
    const token = await relay.mintToken('alice');
    const stock = connectProvider(relay.url, 'directory', token, undefined, { notices: false });
    const app = connectProvider(relay.url, 'directory', token);
    clients.push(stock, app);
    await synced(stock);
    await synced(app);
    stock.doc.getMap('people').set('mallory', { id: 'mallory' });
    app.doc.getMap('people').set('mallory', { id: 'mallory' });
    await waitFor(() => app.notices.some((n) => n.type === 'read-only'), 5000, 'read-only notice');
    await new Promise((r) => setTimeout(r, 100));
    expect(stock.notices).toEqual([]);
  });
});
