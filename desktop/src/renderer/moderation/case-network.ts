// The moderator's end of the relay's `/automerge` path: automerge-repo's WebSocket protocol (a
// CBOR `join`, the relay's `peer` answer, then CBOR messages) over one browser WebSocket.
// Why not the stock BrowserWebSocketClientAdapter: its address is fixed when it is made, so a
// refreshed token could not be used, and it retries every close alike — while the sync layer's rule
// (sync/room-hub.ts) is 4401 → refresh the token, then reconnect; 4403 → not allowed, shown, not
// retried; anything else → retry with backoff. It also has to follow the browser's online state.
import { NetworkAdapter, cbor } from '@automerge/automerge-repo/slim';
import type { Message, PeerId, PeerMetadata } from '@automerge/automerge-repo/slim';
import { observable } from '../data/observable.js';

export type CaseConnection = 'offline' | 'connecting' | 'online' | 'denied' | 'unauthorized';

export interface CaseNetworkOptions {
  relayUrl: string;
  token: string;
  online: boolean;
  onUnauthorized?: () => void;
  /** A message about `documentId` arrived: the relay has shared that case file with this person. */
  onDocument?: (documentId: string) => void;
  /** Tests pass a stand-in. */
  WebSocketImpl?: typeof WebSocket;
}

const MAX_BACKOFF_MS = 15_000;
/** WebSocket.OPEN, read as a number so a stand-in socket class works too. */
const OPEN = 1;

export class CaseNetwork extends NetworkAdapter {
  readonly connection = observable<CaseConnection>('offline');
  private ws: WebSocket | null = null;
  private remote: PeerId | null = null;
  private token: string;
  private online: boolean;
  private attempts = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly o: CaseNetworkOptions) {
    super();
    this.token = o.token;
    this.online = o.online;
  }

  // Ready at once: a case file this device has stored opens offline; one it has not is unavailable
  // until the relay announces it.
  isReady(): boolean {
    return true;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId;
    this.peerMetadata = peerMetadata ?? {};
    this.open();
  }

  send(message: Message): void {
    if (this.ws?.readyState !== OPEN || this.remote === null) return;
    this.ws.send(cbor.encode(message));
  }

  disconnect(): void {
    this.stopped = true;
    this.close();
  }

  setToken(token: string): void {
    this.token = token;
    if (this.connection.get() === 'unauthorized') this.open();
  }

  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    if (online) this.open();
    else this.close();
  }

  private open(): void {
    if (this.stopped || this.peerId === undefined || this.ws !== null) return;
    if (this.connection.get() === 'denied') return;
    if (!this.online) return this.connection.set('offline');
    this.clearRetry();
    this.connection.set('connecting');
    const Impl = this.o.WebSocketImpl ?? WebSocket;
    const ws = new Impl(`${this.o.relayUrl}/automerge?token=${encodeURIComponent(this.token)}`);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      ws.send(cbor.encode({ type: 'join', senderId: this.peerId, peerMetadata: this.peerMetadata, supportedProtocolVersions: ['1'] }));
    };
    ws.onmessage = (event: MessageEvent) => {
      if (!(event.data instanceof ArrayBuffer)) return;
      const message = cbor.decode(new Uint8Array(event.data)) as Message & { peerMetadata?: PeerMetadata };
      if (message.type === 'peer') {
        this.attempts = 0;
        this.remote = message.senderId;
        this.connection.set('online');
        this.emit('peer-candidate', { peerId: message.senderId, peerMetadata: message.peerMetadata ?? {} });
      } else if (message.type !== 'error') {
        this.emit('message', message);
        // Why here: automerge-repo has no event for a document a peer starts syncing to us.
        if ((message.type === 'sync' || message.type === 'request') && typeof message.documentId === 'string') this.o.onDocument?.(message.documentId);
      }
    };
    ws.onclose = (event: CloseEvent) => this.closed(ws, event.code);
  }

  private closed(ws: WebSocket, code: number): void {
    if (this.ws !== ws) return;
    this.ws = null;
    if (this.remote !== null) this.emit('peer-disconnected', { peerId: this.remote });
    this.remote = null;
    if (this.stopped) return;
    if (code === 4403) return this.connection.set('denied');
    if (code === 4401) {
      this.connection.set('unauthorized');
      this.o.onUnauthorized?.();
      return;
    }
    if (!this.online) return this.connection.set('offline');
    this.connection.set('connecting');
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts++);
    this.retry = setTimeout(() => this.open(), delay);
  }

  private close(): void {
    this.clearRetry();
    const ws = this.ws;
    if (ws !== null) {
      ws.close(1000, 'offline');
      this.closed(ws, 1000);
    }
    if (!this.stopped && this.connection.get() !== 'denied') this.connection.set('offline');
  }

  private clearRetry(): void {
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
  }
}
