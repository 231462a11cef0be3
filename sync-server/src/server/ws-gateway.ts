// The WebSocket side of the relay. Why accept first and decide after: a browser only sees a close
// code on a socket that was opened; refusing the HTTP upgrade shows it a bare network error, and the
// stock provider would retry forever. So every socket is accepted, then authenticated (token) and
// authorised (room) before any document message is handled, and closed with a 44xx code on refusal.
// Messages that arrive meanwhile are buffered in order.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { accessCheck, authorize } from '../auth/authorize.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { Connection } from '../connection/connection.js';
import { censusSocket } from '../connection/connection-census.js';
import type { ConnectionCensus, CensusSocket } from '../connection/connection-census.js';
import type { ConnectionLimits } from '../connection/limits.js';
import type { Logger } from '../log.js';
import { metrics } from '../metrics.js';
import { CloseCode } from '../protocol/close-codes.js';
import { NOTICES_PARAM, encodeNotice } from '../protocol/notices.js';
import type { RelayDocHost } from '../rooms/relay-doc-host.js';
import type { Room } from '../rooms/room.js';

export interface GatewayOptions {
  host: RelayDocHost;
  verifier: TokenVerifier;
  limits: ConnectionLimits;
  census: ConnectionCensus;
  logger: Logger;
  heartbeatMs?: number;
}

/** Messages a client may send before its connection is admitted. */
const MAX_EARLY_MESSAGES = 64;

export class WsGateway {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Map<WebSocket, { alive: boolean; connection: Connection | null }>();
  private readonly heartbeat: NodeJS.Timeout;
  private accepting = true;

  constructor(private readonly options: GatewayOptions) {
    // ws aborts frames beyond maxPayload with 1009 before buffering them; up to that hard cap the
    // relay reads the message and answers the configured limit with 4413.
    const hardCap = Math.max(options.limits.maxMessageBytes * 4, options.limits.maxMessageBytes + 65536);
    // permessage-deflate stays off: broadcasts write one shared frame to each socket (protocol/shared-frame.ts).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: hardCap, perMessageDeflate: false });
    this.heartbeat = setInterval(() => this.ping(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
    options.host.onRelayWrite((room) => this.recheck(room));
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!this.accepting) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://relay.invalid');
    const roomName = url.pathname.slice(1);
    const token = url.searchParams.get('token');
    const notices = url.searchParams.get(NOTICES_PARAM) === '1';
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.admit(ws, roomName, token, notices).catch((err: unknown) => {
        this.options.logger.error({ err, room: roomName }, 'admission failed');
        this.refuse(ws, notices, CloseCode.internalError, 'internal error');
      });
    });
  }

  /** Stops accepting sockets and closes every open one with `code`. */
  closeAll(code: number, reason: string): void {
    this.accepting = false;
    for (const [ws, state] of this.sockets) {
      if (state.connection !== null) state.connection.close(code, reason);
      else ws.close(code, reason);
    }
  }

  /** Resolves when every socket has closed, or after `ms` (then the rest are terminated). */
  async waitClosed(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const ws of this.sockets.keys()) ws.terminate();
    clearInterval(this.heartbeat);
    this.wss.close();
  }

  private async admit(ws: WebSocket, roomName: string, token: string | null, notices: boolean): Promise<void> {
    const { host, verifier, limits, census, logger } = this.options;
    const state = { alive: true, connection: null as Connection | null };
    this.sockets.set(ws, state);
    metrics.connections.inc();
    const early: Uint8Array[] = [];
    let counted: { person: string; socket: CensusSocket } | null = null;
    ws.on('pong', () => (state.alive = true));
    ws.on('error', (err) => logger.debug({ err, room: roomName }, 'socket error'));
    ws.on('close', () => {
      this.sockets.delete(ws);
      metrics.connections.dec();
      if (counted !== null) census.release(counted.person, counted.socket);
      state.connection?.onClosed();
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = isBinary ? toBytes(data) : null;
      if (state.connection !== null) {
        if (bytes === null) state.connection.close(CloseCode.malformed, 'text message');
        else state.connection.onMessage(bytes);
      } else if (bytes === null) this.refuse(ws, notices, CloseCode.malformed, 'text message');
      else if (early.length >= MAX_EARLY_MESSAGES) this.refuse(ws, notices, CloseCode.rateLimited, 'rate limit exceeded');
      else early.push(bytes);
    });

    const checked = await verifier.verify(token);
    if (!checked.ok) return this.refuse(ws, notices, checked.code, checked.reason);
    const personId = checked.token.personId;
    const socket = censusSocket(ws, (code, reason) => (state.connection !== null ? state.connection.close(code, reason) : this.refuse(ws, notices, code, reason)));
    if (ws.readyState !== ws.OPEN) return;
    if (!census.admit(personId, socket)) {
      metrics.refusedConnections.inc({ reason: 'person' });
      return this.refuse(ws, notices, CloseCode.rateLimited, 'too many connections', personId, roomName);
    }
    counted = { person: personId, socket };
    const access = await authorize(host, personId, roomName);
    if (!access.ok) return this.refuse(ws, notices, access.code, access.reason, personId, roomName);
    const room = await host.room(roomName);
    if (ws.readyState !== ws.OPEN) return;
    const connection = new Connection({
      ws,
      personId,
      room,
      mode: access.mode,
      outboxOwner: access.room.kind === 'outbox' ? access.room.person : null,
      notices,
      host,
      limits,
      census,
      logger,
    });
    state.connection = connection;
    host.attach(room, connection);
    this.closeAtExpiry(ws, connection, checked.token.expiresAt);
    connection.start();
    for (const bytes of early.splice(0)) connection.onMessage(bytes);
  }

  /** A connection lives as long as its token: at `exp` it is closed with 4401 (sign in again). */
  private closeAtExpiry(ws: WebSocket, connection: Connection, expiresAt: number): void {
    const ms = Math.min(expiresAt * 1000 - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => connection.close(CloseCode.unauthenticated, 'token expired'), Math.max(0, ms));
    timer.unref();
    ws.once('close', () => clearTimeout(timer));
  }

  /**
   * Access is decided at the connection, and decided again when the relay changes what it depends
   * on: a person who leaves the directory or a private space loses their open connections (4403).
   */
  private recheck(room: Room): void {
    const check = accessCheck(room.name, room.doc);
    if (check === null) return;
    // A space's readers are also its buckets' readers (space/<s>/<yyyy-mm>): one check covers both.
    const buckets = room.name.startsWith('space/') ? `${room.name}/` : null;
    const everyone = () => [...this.sockets.values()].map((s) => s.connection);
    const affected =
      room.name === 'directory' ? everyone()
      : buckets !== null ? [...room.members.keys(), ...everyone().filter((c) => c?.roomName.startsWith(buckets) === true)]
      : [...room.members.keys()];
    for (const member of affected) {
      const reason = member === null ? null : check(member.personId);
      if (reason !== null) member?.close(CloseCode.forbidden, reason);
    }
  }

  private refuse(ws: WebSocket, notices: boolean, code: number, reason: string, person?: string, room?: string): void {
    this.options.logger.info({ code, reason, person, room }, 'connection refused');
    metrics.closes.inc({ code: String(code) });
    if (ws.readyState === ws.OPEN) {
      if (notices) ws.send(encodeNotice({ type: 'error', code, message: reason }));
      ws.close(code, reason);
    }
  }

  private ping(): void {
    for (const [ws, state] of this.sockets) {
      if (!state.alive) {
        ws.terminate();
        continue;
      }
      state.alive = false;
      ws.ping();
    }
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
