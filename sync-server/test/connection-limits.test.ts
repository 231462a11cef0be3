// Attacker-side tests of the per-person and per-address bounds on sockets: one person opening
// hundreds of idle sockets, one address opening more than its share, one person's slow readers
// holding the relay's memory, and a flood of /automerge messages from one socket.
import { cbor } from '@automerge/automerge-repo';
import { putDirectoryRecords } from '@hearth/core';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_LIMITS } from '../src/connection/limits.js';
import { connectProvider, person, rawClient, startTestRelay, synced, waitFor } from './helpers.js';
import type { TestRelay } from './helpers.js';

/** Opens a socket; resolves with how it ended: a close code, or the HTTP status of a refused upgrade. */
function attempt(url: string): { ws: WebSocket; outcome: Promise<{ open: boolean; code?: number; reason?: string; status?: number }> } {
  const ws = new WebSocket(url);
  let open = false;
  const outcome = new Promise<{ open: boolean; code?: number; reason?: string; status?: number }>((resolve) => {
    ws.on('open', () => (open = true));
    ws.on('unexpected-response', (_req, res) => resolve({ open: false, status: res.statusCode ?? 0 }));
    ws.on('close', (code, reason) => resolve({ open, code, reason: reason.toString() }));
    ws.on('error', () => undefined);
  });
  return { ws, outcome };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('connection caps', () => {
  let relay: TestRelay | null = null;
  afterEach(async () => {
    await relay?.cleanup();
    relay = null;
  });

  it(`one person cannot hold more than ${DEFAULT_LIMITS.maxConnectionsPerPerson} sockets (default); the next ones are closed 4429 and others are unaffected`, async () => {
    relay = await startTestRelay();
    const cap = DEFAULT_LIMITS.maxConnectionsPerPerson;
    const token = await relay.mintToken('alice');
    const sockets = Array.from({ length: cap + 20 }, () => attempt(`${relay!.url}/directory?token=${token}`));
    const refusals: Array<string | undefined> = [];
    for (const s of sockets) void s.outcome.then((o) => (o.code === 4429 ? refusals.push(o.reason) : undefined));
    // Admitted sockets stay open; refused ones close at once.
    await waitFor(() => refusals.length >= 20, 10_000, 'refusals');
    await settle(200);
    expect(refusals).toEqual(Array(20).fill('too many connections'));
    expect(sockets.filter((s) => s.ws.readyState === WebSocket.OPEN)).toHaveLength(cap);
    // Someone else still gets in; alice gets in again once she closes one.
    const bob = connectProvider(relay.url, 'directory', await relay.mintToken('bob'));
    await synced(bob);
    bob.destroy();
    sockets.find((s) => s.ws.readyState === WebSocket.OPEN)!.ws.close();
    await settle(100);
    const again = rawClient(relay.url, 'directory', token);
    await again.opened;
    await settle(200);
    expect(again.ws.readyState).toBe(WebSocket.OPEN);
    again.ws.close();
    for (const s of sockets) s.ws.terminate();
  });

  it('one address cannot hold more than its cap, whoever signs in: the upgrade is answered HTTP 429', async () => {
    relay = await startTestRelay({ limits: { maxConnectionsPerAddress: 30 } });
    const tokens = await Promise.all(['alice', 'bob', 'carol'].map((p) => relay!.mintToken(p)));
    const sockets = Array.from({ length: 36 }, (_, i) => attempt(`${relay!.url}/directory?token=${tokens[i % 3]}`));
    const refusals: number[] = [];
    for (const s of sockets) void s.outcome.then((o) => (o.status !== undefined ? refusals.push(o.status) : undefined));
    await waitFor(() => refusals.length >= 6, 5000, 'refusals');
    await settle(200);
    expect(refusals).toEqual(Array(6).fill(429));
    expect(sockets.filter((s) => s.ws.readyState === WebSocket.OPEN)).toHaveLength(30);
    // A slot frees when a socket closes.
    const one = sockets.find((s) => s.ws.readyState === WebSocket.OPEN)!;
    one.ws.close();
    await one.outcome;
    await settle(50);
    const next = attempt(`${relay.url}/directory?token=${tokens[0]}`);
    await waitFor(() => next.ws.readyState === WebSocket.OPEN, 2000, 'freed slot');
    next.ws.close();
    for (const s of sockets) s.ws.terminate();
  });

  it('a person’s slow readers together may hold only so much unsent output: past it they are closed 1013, a reader that keeps up is not', async () => {
    relay = await startTestRelay({ limits: { maxBufferedBytes: 64 * 1024 * 1024, maxBufferedBytesPerPerson: 8 * 1024 * 1024 } });
    await relay.host.write('space/big', (doc) => doc.getMap('meta').set('id', 'big'));
    await relay.host.write('space/big', (doc) => doc.getMap('meta').set('visibility', 'public'));
    const token = await relay.mintToken('alice');
    // Four sockets that never read (their TCP receive side is paused).
    const slow = Array.from({ length: 4 }, () => rawClient(relay!.url, 'space/big', token));
    await Promise.all(slow.map((c) => c.opened));
    await settle(200);
    for (const c of slow) (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const closes: number[] = [];
    for (const c of slow) void c.closed.then((o) => closes.push(o.code));
    const bob = connectProvider(relay.url, 'space/big', await relay.mintToken('bob'));
    await synced(bob);
    const chunk = 'x'.repeat(1024 * 1024);
    const written = 24;
    for (let i = 0; i < written; i++) {
      await relay.host.write('space/big', (doc) => doc.getArray<string>('chunks').push([`${i}${chunk}`]));
      await settle(10);
    }
    // The relay has closed its side; the close handshake reaches the paused clients once they read.
    for (const c of slow) (c.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await waitFor(() => closes.length > 0, 10_000, 'a slow reader closed');
    await settle(300);
    expect(closes.length).toBeGreaterThan(0);
    expect(new Set(closes)).toEqual(new Set([1013]));
    // Bob, who reads, has everything and was never closed.
    await waitFor(() => bob.doc.getArray('chunks').length === written, 10_000, 'bob reads on');
    expect(bob.closes).toEqual([]);
    bob.destroy();
  }, 30_000);
});

describe('/automerge message rate', () => {
  let relay: TestRelay | null = null;
  afterEach(async () => {
    await relay?.cleanup();
    relay = null;
  });

  it('a flood of requests from one socket is cut with 4429; the relay answers a bounded number', async () => {
    relay = await startTestRelay();
    await relay.host.write('directory', (doc) => putDirectoryRecords(doc, [person('mona', { roles: ['employee', 'moderator'] })]));
    const ws = new WebSocket(`${relay.url}/automerge?token=${await relay.mintToken('mona')}`);
    ws.binaryType = 'nodebuffer';
    let answers = 0;
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('message', () => answers++);
    ws.on('error', () => undefined);
    await new Promise((r) => ws.once('open', r));
    const join = cbor.encode({ type: 'join', senderId: 'attacker-peer', peerMetadata: {}, supportedProtocolVersions: ['1'] });
    ws.send(join);
    await waitFor(() => answers > 0, 5000, 'peer');
    // Each join is answered with a `peer` message: 5,000 in one go, far above any honest client.
    for (let i = 0; i < 5000 && ws.readyState === WebSocket.OPEN; i++) ws.send(join);
    const code = await Promise.race([closed, settle(5000).then(() => 0)]);
    expect(code).toBe(4429);
    expect(answers).toBeLessThan(DEFAULT_LIMITS.automergeRate.burst + 200);
    ws.terminate();
  });

  it('the rate is per person too: two sockets of one person share it', async () => {
    relay = await startTestRelay({ limits: { automergeRatePerPerson: { perSecond: 1, burst: 300 } } });
    await relay.host.write('directory', (doc) => putDirectoryRecords(doc, [person('mona', { roles: ['employee', 'moderator'] })]));
    const token = await relay.mintToken('mona');
    const open = async (peer: string) => {
      const ws = new WebSocket(`${relay!.url}/automerge?token=${token}`);
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      ws.on('error', () => undefined);
      let answers = 0;
      ws.on('message', () => answers++);
      await new Promise((r) => ws.once('open', r));
      const join = cbor.encode({ type: 'join', senderId: peer, peerMetadata: {}, supportedProtocolVersions: ['1'] });
      ws.send(join);
      await waitFor(() => answers > 0, 5000, 'peer');
      return { ws, closed, join };
    };
    const a = await open('peer-a');
    const b = await open('peer-b');
    // 200 each: under the per-socket burst (1000), over the person's 300 together.
    for (let i = 0; i < 200; i++) a.ws.send(a.join);
    await settle(300);
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
    for (let i = 0; i < 200 && b.ws.readyState === WebSocket.OPEN; i++) b.ws.send(b.join);
    expect(await Promise.race([b.closed, settle(5000).then(() => 0)])).toBe(4429);
    a.ws.terminate();
  });
});
