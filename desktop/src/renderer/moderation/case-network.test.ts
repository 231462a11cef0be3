import { afterEach, describe, expect, it, vi } from 'vitest';
import { cbor, type PeerId } from '@automerge/automerge-repo/slim';
import { CaseNetwork } from './case-network.js';

/** A stand-in for the browser's WebSocket: records what is sent, and lets the test open and close it. */
class FakeSocket {
  static readonly OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  binaryType = 'blob';
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: Uint8Array) {
    this.sent.push(cbor.decode(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
    const peer = cbor.encode({ type: 'peer', senderId: 'hearth-relay', peerMetadata: {}, selectedProtocolVersion: '1', targetId: 'binu-1' });
    this.onmessage?.({ data: peer.buffer.slice(peer.byteOffset, peer.byteOffset + peer.byteLength) });
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const last = () => FakeSocket.all.at(-1)!;

function network(onUnauthorized = vi.fn()) {
  const n = new CaseNetwork({ relayUrl: 'ws://relay.test', token: 'first', online: true, onUnauthorized, WebSocketImpl: FakeSocket as unknown as typeof WebSocket });
  n.connect('binu-1' as PeerId, {});
  return n;
}

afterEach(() => {
  FakeSocket.all = [];
  vi.useRealTimers();
});

describe('CaseNetwork', () => {
  it('joins the relay\'s /automerge path with the token, and announces the relay as a peer', () => {
    const n = network();
    const peers: string[] = [];
    n.on('peer-candidate', ({ peerId }) => peers.push(peerId));
    expect(last().url).toBe('ws://relay.test/automerge?token=first');
    last().open();
    expect(last().sent[0]).toMatchObject({ type: 'join', senderId: 'binu-1', supportedProtocolVersions: ['1'] });
    expect(peers).toEqual(['hearth-relay']);
    expect(n.connection.get()).toBe('online');
  });

  it('4403: not allowed, shown and not retried', () => {
    vi.useFakeTimers();
    const n = network();
    last().open();
    last().serverClose(4403);
    vi.advanceTimersByTime(60_000);
    expect(n.connection.get()).toBe('denied');
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('4401: asks for a new token and reconnects with it', () => {
    vi.useFakeTimers();
    const onUnauthorized = vi.fn();
    const n = network(onUnauthorized);
    last().serverClose(4401);
    expect(n.connection.get()).toBe('unauthorized');
    expect(onUnauthorized).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    n.setToken('second');
    expect(last().url).toBe('ws://relay.test/automerge?token=second');
  });

  it('retries other closes with backoff, and follows the browser offline and back', () => {
    vi.useFakeTimers();
    const n = network();
    last().open();
    last().serverClose(1006);
    expect(n.connection.get()).toBe('connecting');
    vi.advanceTimersByTime(600);
    expect(FakeSocket.all).toHaveLength(2);
    n.setOnline(false);
    expect(n.connection.get()).toBe('offline');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(2);
    n.setOnline(true);
    expect(FakeSocket.all).toHaveLength(3);
  });
});
