// One authenticated WebSocket attached to one room. Why every message is parsed and checked before
// it reaches the room: size, rate and well-formedness are this connection's problem and close only
// this connection; the room sees whole, valid messages. Single-writer rule: updates are applied only
// on the person's own outbox; elsewhere they are dropped and the client is told once.
import type { WebSocket } from 'ws';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../log.js';
import { metrics } from '../metrics.js';
import { CloseCode } from '../protocol/close-codes.js';
import { MalformedMessage, encodeAwareness, encodeSyncStep1, parseClientMessage } from '../protocol/messages.js';
import type { ClientMessage } from '../protocol/messages.js';
import { encodeNotice, toBase64 } from '../protocol/notices.js';
import type { RelayNotice } from '../protocol/notices.js';
import type { RelayDocHost } from '../rooms/relay-doc-host.js';
import { ApplyFailed, StoreFailed, UpdateRefused } from '../rooms/room.js';
import type { Room, RoomMember } from '../rooms/room.js';
import { awarenessBudget } from './awareness-budget.js';
import type { AwarenessBudget } from './awareness-budget.js';
import { decodeAwarenessEntries, encodeAwarenessEntries, filterAwareness } from './awareness-filter.js';
import type { AwarenessEntry } from './awareness-filter.js';
import type { ConnectionCensus } from './connection-census.js';
import type { ConnectionLimits } from './limits.js';
import { writeFrame, type SharedFrame } from '../protocol/shared-frame.js';
import { TokenBucket } from './token-bucket.js';

export interface ConnectionContext {
  ws: WebSocket;
  personId: string;
  room: Room;
  mode: 'read-write' | 'read-only';
  /** Set for the person's own outbox: stored updates are reported to the logic. */
  outboxOwner: string | null;
  /** The client asked for relay notices (`?notices=1`); a stock client did not and gets none. */
  notices: boolean;
  host: RelayDocHost;
  limits: ConnectionLimits;
  census: ConnectionCensus;
  logger: Logger;
}

/**
 * Above this much unsent output a socket counts as a slow reader, and the person's total over all
 * their sockets is checked (adding up on every send would cost a loop per message per member).
 */
const SLOW_READER_BYTES = 1024 * 1024;

export class Connection implements RoomMember {
  readonly personId: string;
  alive = true;
  private closed = false;
  private readOnlyNoticeSent = false;
  private chain: Promise<void> = Promise.resolve();
  /** Messages parsed and waiting for `dispatch`; past the limit the socket is no longer read. */
  private queued = 0;
  private paused = false;
  private readonly bucket: TokenBucket;
  private readonly awarenessBucket: TokenBucket;
  private readonly awarenessBudget: AwarenessBudget;

  constructor(private readonly ctx: ConnectionContext) {
    this.personId = ctx.personId;
    this.bucket = new TokenBucket(ctx.limits.rate);
    this.awarenessBucket = new TokenBucket(ctx.limits.awareness.rate);
    this.awarenessBudget = awarenessBudget(ctx.room);
  }

  get roomName(): string {
    return this.ctx.room.name;
  }

  /** Sends the opening sync step 1 and the current awareness, as the stock server does. */
  start(): void {
    const { room } = this.ctx;
    void room.queue.run(() => {
      this.send(encodeSyncStep1(room.doc));
      const clients = [...room.awareness.getStates().keys()];
      if (clients.length > 0) this.send(encodeAwareness(room.awareness, clients));
    });
  }

  onMessage(data: Uint8Array): void {
    if (this.closed) return;
    metrics.bytesIn.inc(data.byteLength);
    if (data.byteLength > this.ctx.limits.maxMessageBytes) return this.fail(CloseCode.tooLarge, 'message too large', { bytes: data.byteLength });
    if (!this.bucket.take()) return this.fail(CloseCode.rateLimited, 'rate limit exceeded');
    let message: ClientMessage;
    try {
      message = parseClientMessage(data);
    } catch (err) {
      return this.fail(CloseCode.malformed, 'malformed message', { err: (err as Error).message });
    }
    this.queued++;
    if (this.queued > this.ctx.host.personLimits.maxQueuedMessages && !this.paused) {
      // Backpressure: the client's further messages stay in its own socket buffers, not in ours.
      this.paused = true;
      this.ctx.ws.pause();
    }
    this.chain = this.chain
      .then(() => this.turn(message))
      .catch((err: unknown) => this.onError(err))
      .finally(() => this.dequeued());
  }

  /**
   * One message's turn. Why wait first: a connection's backlog must not run back-to-back — each
   * message gives way to other sockets (setImmediate) and, when this person has spent their share
   * of thread time or write rate, waits until it is paid back. Only this person waits.
   */
  private async turn(message: ClientMessage): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const writes = (message.kind === 'update' || message.kind === 'sync-step2') && this.ctx.mode === 'read-write';
    await this.ctx.host.budgets.ready(this.personId, writes ? message.update.byteLength : 0);
    return this.dispatch(message);
  }

  private dequeued(): void {
    this.queued--;
    if (this.paused && this.queued <= this.ctx.host.personLimits.maxQueuedMessages / 2) {
      this.paused = false;
      this.ctx.ws.resume();
    }
  }

  send(message: Uint8Array, shared?: SharedFrame): void {
    const { ws } = this.ctx;
    if (this.closed || ws.readyState !== ws.OPEN) return;
    const buffered = ws.bufferedAmount;
    if (buffered > this.ctx.limits.maxBufferedBytes) return this.fail(1013, 'too slow', { buffered });
    if (buffered > SLOW_READER_BYTES) {
      const total = this.ctx.census.bufferedBytesOf(this.personId);
      if (total > this.ctx.limits.maxBufferedBytesPerPerson) return this.fail(1013, 'too slow', { buffered, personBuffered: total });
    }
    if (shared === undefined || !writeFrame(ws, shared)) ws.send(message);
    metrics.bytesOut.inc(message.byteLength);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    const { ws } = this.ctx;
    metrics.closes.inc({ code: String(code) });
    if (ws.readyState === ws.OPEN) {
      if (code !== 1000 && code !== 1012 && this.ctx.notices) ws.send(encodeNotice({ type: 'error', code, message: reason }));
      ws.close(code, reason);
    }
  }

  /** Called once when the socket has closed, whoever closed it. */
  onClosed(): void {
    this.closed = true;
    this.ctx.host.detach(this.ctx.room, this);
  }

  private async dispatch(message: ClientMessage): Promise<void> {
    if (this.closed) return;
    const { room } = this.ctx;
    switch (message.kind) {
      case 'sync-step1':
        this.send(await room.syncStep2For(message.stateVector));
        return;
      case 'sync-step2':
      case 'update':
        if (this.ctx.mode === 'read-only') return this.dropReadOnly(message.update);
        return this.applyOwnUpdate(message.update);
      case 'awareness':
        return this.applyAwareness(message.update);
      case 'query-awareness':
        this.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]));
        return;
    }
  }

  private async applyOwnUpdate(update: Uint8Array): Promise<void> {
    const { room, host, outboxOwner } = this.ctx;
    const { changed, stateVector, cpuMs } = await room.clientUpdate(update, this);
    host.budgets.chargeCpu(this.personId, cpuMs);
    if (changed) host.budgets.chargeBytes(this.personId, update.byteLength);
    metrics.updatesIn.inc({ outcome: changed ? 'stored' : 'known' });
    this.notice({ type: 'stored', room: room.name, stateVector: toBase64(stateVector) });
    if (changed && outboxOwner !== null) host.outboxStored(outboxOwner, room.doc);
  }

  private dropReadOnly(update: Uint8Array): void {
    // An honest client answers our sync step 1 with the (usually empty) difference; only an update
    // carrying structs the room lacks is worth telling the client about.
    const theirs = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
    const ours = Y.decodeStateVector(Y.encodeStateVector(this.ctx.room.doc));
    let novel = false;
    for (const [client, clock] of theirs) if (clock > (ours.get(client) ?? 0)) novel = true;
    if (!novel) return;
    metrics.updatesIn.inc({ outcome: 'dropped-read-only' });
    if (this.readOnlyNoticeSent) return;
    this.readOnlyNoticeSent = true;
    this.ctx.logger.info({ room: this.roomName, person: this.personId }, 'dropped updates on a read-only room');
    this.notice({ type: 'read-only', room: this.roomName });
  }

  private notice(notice: RelayNotice): void {
    if (this.ctx.notices) this.send(encodeNotice(notice));
  }

  /**
   * Awareness is relayed to the whole room, so it is bounded at each step: the message rate (over
   * it, messages are dropped: the client renews its state every 15 s), each state's size and
   * fields (awareness-filter.ts), client ids per connection and per person, and the room's total
   * (awareness-budget.ts). What is dropped is dropped silently and counted.
   */
  private applyAwareness(update: Uint8Array): void {
    const { room, limits } = this.ctx;
    if (!this.awarenessBucket.take()) return void metrics.awarenessDropped.inc({ reason: 'rate' });
    const dropped = (reason: string) => metrics.awarenessDropped.inc({ reason });
    const mine = room.members.get(this) ?? new Set<number>();
    let entries: AwarenessEntry[];
    try {
      entries = filterAwareness(decodeAwarenessEntries(update), this.personId, mine, limits.awareness.maxStateBytes, dropped);
    } catch (err) {
      throw new MalformedMessage(`awareness: ${(err as Error).message}`);
    }
    entries = entries.filter((e) => {
      const owner = room.awarenessOwners.get(e.clientId);
      if (owner === undefined || owner === this) return true;
      dropped('person');
      return false;
    });
    const allowed = this.awarenessBudget.fit(entries, this.personId, mine, limits.awareness, dropped);
    if (allowed.length > 0) applyAwarenessUpdate(room.awareness, encodeAwarenessEntries(allowed), this);
  }

  private onError(err: unknown): void {
    const { host, room } = this.ctx;
    if (err instanceof MalformedMessage) return this.fail(CloseCode.malformed, 'malformed message', { err: err.message });
    if (err instanceof UpdateRefused) {
      // A limit refused it before it was applied: the room is untouched; only the sender is closed.
      host.budgets.chargeCpu(this.personId, err.cpuMs);
      metrics.updatesIn.inc({ outcome: 'refused' });
      return this.fail(err.code, err.message);
    }
    if (err instanceof ApplyFailed) {
      // The sender first (4400: do not retry), then everyone else in the room (1011: reconnect to
      // the room as stored; the half-applied document is dropped).
      this.fail(CloseCode.malformed, 'update does not apply', { err: err.message });
      host.evictIfBroken(room);
      return;
    }
    if (err instanceof StoreFailed) {
      // Logged once per room by the host; this connection only learns to come back later. The room
      // was rolled back to its stored state; evicted only if even that failed.
      host.evictIfBroken(room);
      return this.close(CloseCode.tryAgainLater, err.status === 'full' ? 'storage full, try again later' : 'storage unavailable, try again later');
    }
    this.fail(CloseCode.internalError, 'internal error', { err: err instanceof Error ? err.message : String(err) });
  }

  /** Logs once (the connection closes right after, so it cannot log again) and closes. */
  private fail(code: number, reason: string, details: Record<string, unknown> = {}): void {
    if (this.closed) return;
    this.ctx.logger.warn({ ...details, code, reason, room: this.roomName, person: this.personId }, 'closing connection');
    this.close(code, reason);
  }
}
