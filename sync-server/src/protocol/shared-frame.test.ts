import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SharedFrame, writeFrame } from './shared-frame.js';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('a shared frame', () => {
  let server: WebSocketServer | null = null;
  afterEach(async () => {
    const closing = server;
    server = null;
    if (closing === null) return;
    for (const c of closing.clients) c.terminate();
    await new Promise((r) => closing.close(r));
  });

  it('reaches a real client intact and in order with what ws sends itself — every length form of the header', async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    await once(server, 'listening');
    const accepted = once(server, 'connection') as Promise<[WebSocket]>;
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    const [socket] = await accepted;
    await once(client, 'open');

    // 125 and 126 bytes straddle the one-byte length; 65,535 and 65,536 the two-byte one.
    const messages = [0, 5, 125, 126, 300, 65_535, 65_536, 200_000].map((n, i) => bytes(n, i));
    for (const [i, m] of messages.entries()) {
      if (i % 2 === 0) expect(writeFrame(socket, new SharedFrame(m))).toBe(true);
      else socket.send(m); // interleaved with ws's own frames
    }
    socket.ping();
    await once(client, 'ping');
    expect(received.map((b) => b.byteLength)).toEqual(messages.map((m) => m.byteLength));
    received.forEach((b, i) => expect(new Uint8Array(b)).toEqual(messages[i]));
    client.close();
  });

  it('is built once however many sockets it is written to', () => {
    const frame = new SharedFrame(bytes(300, 1));
    expect(frame.bytes).toBe(frame.bytes);
    expect(frame.bytes.byteLength).toBe(304); // 2-byte header + 126 marker's 2-byte length
  });

  it('writes nothing to a socket that is gone, so the caller can fall back to ws', async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    await once(server, 'listening');
    const accepted = once(server, 'connection') as Promise<[WebSocket]>;
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    client.on('error', () => undefined); // its own side may not have opened yet
    const [socket] = await accepted;
    socket.terminate();
    expect(writeFrame(socket, new SharedFrame(bytes(10, 2)))).toBe(false);
    client.terminate();
  });
});
