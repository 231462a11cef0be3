// The relay's end of automerge-repo's WebSocket protocol (the `join` / `peer` handshake and CBOR
// messages of @automerge/automerge-repo-network-websocket), for sockets that the relay has already
// authenticated. Why not the stock WebSocketServerAdapter: it trusts whatever peer id a socket
// claims and hands every message straight to the repo. Here each socket belongs to one person, a
// peer id stays with the socket that announced it, and every message is rebuilt from the fields the
// relay knows (`admit`) — a CBOR typed array other than Uint8Array, an unknown type or an extra field
// never reaches the repo — and then passes `screen`, which refuses any change that does more than add
// the person's own decisions and notes (change-check.ts) before the repo can apply or store it. A
// refused socket is closed with 4403, nothing it sent is kept, and `onRefused` records why.
import { NetworkAdapter, cbor } from '@automerge/automerge-repo';
import type { DocumentId, Message, PeerId, PeerMetadata } from '@automerge/automerge-repo';
import type { RawData, WebSocket } from 'ws';
import type { Logger } from '../log.js';
import { CloseCode } from '../protocol/close-codes.js';

/** null to accept the message, or why the socket is refused. */
export type Screen = (person: string, message: Message) => string | null;

/** A refused change: who sent it, for which document, and why. */
export type RefusalListener = (person: string, documentId: string | null, reason: string) => void;

/**
 * Case files the relay keeps on disk only (settled and idle, see moderation-service.ts): a message
 * about one waits until it is loaded again, because the screen needs the relay's copy.
 */
export interface CaseLoader {
  /** True when `documentId` is a case file that is not in memory now. */
  unloaded(documentId: string): boolean;
  /** Loads it (if `person` may see it); resolves either way. */
  load(documentId: string, person: string): Promise<void>;
}

/** Messages of one socket held while a case file loads; more closes the socket (4429). */
const MAX_HELD = 64;

/** Messages a client may send after `join`, as the repo will see them; anything else is dropped or refused. */
type Admitted = { message: Message } | { drop: string } | { refuse: string };

/** Types the relay's repo has no use for from a client: dropped quietly (stock clients send some). */
const IGNORED_TYPES = new Set(['ephemeral', 'remote-subscription-change', 'remote-heads-changed', 'leave']);

const PROTOCOL_V1 = '1';

interface Peer {
  ws: WebSocket;
  person: string;
}

export class CaseNetworkAdapter extends NetworkAdapter {
  private readonly peers = new Map<PeerId, Peer>();

  constructor(
    private readonly screen: Screen,
    private readonly log: Logger,
    private readonly onRefused: RefusalListener = () => undefined,
    private readonly loader: CaseLoader | null = null,
  ) {
    super();
  }

  isReady(): boolean {
    return true;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId;
    this.peerMetadata = peerMetadata ?? {};
  }

  /** The person behind a connected peer id, or null. Share policies ask this. */
  personOf(peerId: PeerId): string | null {
    return this.peers.get(peerId)?.person ?? null;
  }

  /** Hands an authenticated socket to the repo's protocol. `early` are messages it sent meanwhile. */
  accept(ws: WebSocket, person: string, early: Uint8Array[] = []): void {
    let peerId: PeerId | null = null;
    const onMessage = (bytes: Uint8Array, mayWait = true) => {
      if (ws.readyState !== ws.OPEN) return;
      let message: Message & { supportedProtocolVersions?: string[]; peerMetadata?: PeerMetadata };
      try {
        message = cbor.decode(bytes) as typeof message;
      } catch {
        return this.refuse(ws, CloseCode.malformed, 'malformed message');
      }
      // CBOR may decode to anything (null, a number, an array): only a map is a message.
      if (typeof message !== 'object' || message === null || Array.isArray(message)) return this.refuse(ws, CloseCode.malformed, 'malformed message');
      if (message.type === 'join') {
        const claimed = message.senderId;
        const holder = this.peers.get(claimed);
        if (typeof claimed !== 'string' || (peerId !== null && peerId !== claimed)) return this.refuse(ws, CloseCode.malformed, 'bad join');
        if (holder !== undefined && holder.ws !== ws) {
          if (holder.person !== person) return this.refuse(ws, CloseCode.forbidden, 'peer id taken');
          holder.ws.close(1000, 'replaced'); // the same person reconnecting: the new socket wins
          this.emit('peer-disconnected', { peerId: claimed });
        }
        const versions: unknown = message.supportedProtocolVersions ?? [PROTOCOL_V1];
        if (!Array.isArray(versions) || !versions.includes(PROTOCOL_V1)) return this.refuse(ws, CloseCode.malformed, 'unsupported protocol version');
        peerId = claimed;
        this.peers.set(claimed, { ws, person });
        this.emit('peer-candidate', { peerId: claimed, peerMetadata: knownMetadata(message.peerMetadata) });
        this.sendTo(ws, { type: 'peer', senderId: this.peerId, peerMetadata: this.peerMetadata, selectedProtocolVersion: PROTOCOL_V1, targetId: claimed });
        return;
      }
      if (peerId === null || message.senderId !== peerId) return this.refuse(ws, CloseCode.malformed, 'message before join');
      const admitted = this.admit(message, peerId);
      if ('drop' in admitted) return void this.log.debug({ person, reason: admitted.drop }, 'automerge message dropped');
      const documentId = typeof message.documentId === 'string' ? message.documentId : null;
      if (mayWait && documentId !== null && this.loader?.unloaded(documentId) === true) {
        // This message and every later one of the socket wait, in order, until the file is loaded.
        held = [bytes];
        void this.loader.load(documentId, person).finally(() => {
          const queue = held ?? [];
          held = null;
          queue.shift();
          replay(bytes, queue);
        });
        return;
      }
      const refusal = 'refuse' in admitted ? admitted.refuse : this.screened(person, admitted.message);
      if (refusal !== null) {
        this.onRefused(person, documentId, refusal);
        return this.refuse(ws, CloseCode.forbidden, refusal);
      }
      this.emit('message', (admitted as { message: Message }).message);
    };
    let held: Uint8Array[] | null = null;
    const handle = (bytes: Uint8Array, mayWait = true) => {
      // A throw here would escape into the socket library and take the relay down for everyone.
      try {
        onMessage(bytes, mayWait);
      } catch (err) {
        this.log.error({ err, person }, 'automerge message handling failed');
        this.refuse(ws, CloseCode.internalError, 'internal error');
      }
    };
    /**
     * The held message once its file is loaded (screened without waiting again: a file that could
     * not be loaded is refused as not loaded), then the rest, until one has to wait in turn.
     */
    const replay = (first: Uint8Array, rest: Uint8Array[]) => {
      handle(first, false);
      for (let i = 0; i < rest.length; i++) {
        if (held !== null) {
          held.push(...rest.slice(i));
          return;
        }
        handle(rest[i]!);
      }
    };
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) return this.refuse(ws, CloseCode.malformed, 'text message');
      if (held !== null) {
        if (held.length >= MAX_HELD) return this.refuse(ws, CloseCode.rateLimited, 'too many messages while a case file loads');
        held.push(toBytes(data));
        return;
      }
      handle(toBytes(data));
    });
    ws.on('close', () => {
      if (peerId !== null && this.peers.get(peerId)?.ws === ws) {
        this.peers.delete(peerId);
        this.emit('peer-disconnected', { peerId });
      }
    });
    // `held` may be set by any of them (TypeScript cannot see that a closure set it).
    for (const bytes of early) {
      const waiting = held as Uint8Array[] | null;
      if (waiting !== null) waiting.push(bytes);
      else handle(bytes);
    }
  }

  send(message: Message): void {
    const peer = message.targetId === undefined ? undefined : this.peers.get(message.targetId);
    if (peer === undefined) return;
    if ('data' in message && message.data instanceof Uint8Array && message.data.byteLength === 0) return;
    this.sendTo(peer.ws, message);
  }

  /** Closes every socket of `person` (e.g. after a refusal elsewhere), or all when null. */
  closeAll(code: number, reason: string, person: string | null = null): void {
    for (const peer of this.peers.values()) if (person === null || peer.person === person) peer.ws.close(code, reason);
  }

  disconnect(): void {
    this.closeAll(CloseCode.restart, 'relay restarting');
  }

  /** The screen's verdict; a screen that throws refuses (fail closed) instead of breaking the socket's handler. */
  private screened(person: string, message: Message): string | null {
    try {
      return this.screen(person, message);
    } catch (err) {
      this.log.error({ err, person }, 'automerge message screening failed');
      return 'the relay could not check this message';
    }
  }

  /** The message rebuilt from known fields only, or why it is dropped or refused. */
  private admit(m: Record<string, unknown>, senderId: PeerId): Admitted {
    const type = m.type;
    if (typeof type === 'string' && IGNORED_TYPES.has(type)) return { drop: type };
    if (type !== 'sync' && type !== 'request' && type !== 'doc-unavailable') return { refuse: `unknown message type ${String(type).slice(0, 40)}` };
    const documentId = m.documentId;
    if (typeof documentId !== 'string' || documentId.length === 0 || documentId.length > 100) return { refuse: 'a message without a valid documentId' };
    const base = { senderId, targetId: this.peerId!, documentId: documentId as DocumentId };
    if (type === 'doc-unavailable') return { message: { type, ...base } };
    // Exactly a byte string: cbor-x also decodes typed arrays (Uint8ClampedArray, Int8Array, …) that
    // Automerge would read as bytes but a check for Uint8Array would wave through.
    if (!(m.data instanceof Uint8Array)) return { refuse: 'sync data that is not a byte string' };
    return { message: { type, ...base, data: new Uint8Array(m.data) } };
  }

  private sendTo(ws: WebSocket, message: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(cbor.encode(message));
  }

  private refuse(ws: WebSocket, code: number, reason: string): void {
    this.log.info({ code, reason }, 'automerge connection refused');
    if (ws.readyState === ws.OPEN) {
      this.sendTo(ws, { type: 'error', senderId: this.peerId, message: reason, targetId: '' });
      ws.close(code, reason);
    }
    ws.removeAllListeners('message');
  }
}

/** The peer metadata fields automerge-repo reads, each only in its own type (a client's map is not trusted). */
function knownMetadata(m: unknown): PeerMetadata {
  const { storageId, isEphemeral } = (typeof m === 'object' && m !== null ? m : {}) as Record<string, unknown>;
  return {
    ...(typeof storageId === 'string' && storageId.length <= 100 ? { storageId: storageId as PeerMetadata['storageId'] } : {}),
    ...(typeof isEphemeral === 'boolean' ? { isEphemeral } : {}),
  };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
