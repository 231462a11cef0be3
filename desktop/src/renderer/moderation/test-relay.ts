// A stand-in relay for the case client's tests: an automerge-repo Repo in the test process that
// speaks the relay's `/automerge` handshake (a CBOR `join`, answered by `peer`) over in-memory
// sockets. Why not the real relay: desktop never imports sync-server; the real one is exercised by
// sync-server/test/moderation.test.ts and by e2e/moderation.e2e.ts.
import { NetworkAdapter, Repo, cbor, type Message, type PeerId } from '@automerge/automerge-repo/slim';

/** The browser-WebSocket subset CaseNetwork uses, delivering to the current TestRelay. */
export class MemorySocket {
  static relay: TestRelayAdapter | null = null;
  readyState = 0;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;

  constructor(readonly url: string) {
    const relay = MemorySocket.relay;
    setTimeout(() => {
      if (relay === null || this.readyState !== 0) return;
      this.readyState = 1;
      relay.attach(this);
      this.onopen?.();
    }, 0);
  }

  toRelay: ((bytes: Uint8Array) => void) | null = null;

  send(bytes: Uint8Array): void {
    const copy = bytes.slice();
    setTimeout(() => this.toRelay?.(copy), 0);
  }

  deliver(bytes: Uint8Array): void {
    if (this.readyState !== 1) return;
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    setTimeout(() => this.onmessage?.({ data }), 0);
  }

  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.toRelay = null;
    setTimeout(() => this.onclose?.({ code: 1000 }), 0);
  }
}

export class TestRelayAdapter extends NetworkAdapter {
  private readonly sockets = new Map<PeerId, MemorySocket>();

  isReady(): boolean {
    return true;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  connect(peerId: PeerId): void {
    this.peerId = peerId;
  }

  attach(socket: MemorySocket): void {
    let peer: PeerId | null = null;
    socket.toRelay = (bytes) => {
      const message = cbor.decode(bytes) as Message;
      if (message.type === 'join') {
        peer = message.senderId;
        this.sockets.set(peer, socket);
        this.emit('peer-candidate', { peerId: peer, peerMetadata: {} });
        socket.deliver(cbor.encode({ type: 'peer', senderId: this.peerId, peerMetadata: {}, selectedProtocolVersion: '1', targetId: peer }));
      } else this.emit('message', message);
    };
    const close = socket.close.bind(socket);
    socket.close = () => {
      close();
      if (peer !== null && this.sockets.get(peer) === socket) {
        this.sockets.delete(peer);
        this.emit('peer-disconnected', { peerId: peer });
      }
    };
  }

  send(message: Message): void {
    if (message.targetId !== undefined) this.sockets.get(message.targetId)?.deliver(cbor.encode(message));
  }

  disconnect(): void {
    this.sockets.clear();
  }
}

export function startTestRelay(): { repo: Repo; adapter: TestRelayAdapter } {
  const adapter = new TestRelayAdapter();
  MemorySocket.relay = adapter;
  const repo = new Repo({ network: [adapter], peerId: 'hearth-relay' as PeerId, sharePolicy: () => Promise.resolve(true) });
  return { repo, adapter };
}
