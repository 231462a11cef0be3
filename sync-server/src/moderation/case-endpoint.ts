// The `/automerge` WebSocket path: moderators' and facilitators' automerge-repo clients. Why the
// same admission as the y-websocket rooms (accept, then decide, then close with 44xx): a browser
// only sees a close code on a socket that was opened. The token is the relay's (`?token=`), checked
// with jose; a person who is not an active moderator or facilitator is closed with 4403 before a
// single message reaches the repo. Messages sent meanwhile are buffered (at most 64).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { censusSocket } from '../connection/connection-census.js';
import type { ConnectionCensus } from '../connection/connection-census.js';
import type { ConnectionLimits } from '../connection/limits.js';
import { TokenBucket } from '../connection/token-bucket.js';
import type { Logger } from '../log.js';
import { CloseCode } from '../protocol/close-codes.js';
import type { ModerationService } from './moderation-service.js';

export const AUTOMERGE_PATH = '/automerge';
const MAX_EARLY_MESSAGES = 64;
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export class CaseEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  /** Open sockets, with their person once admitted. */
  private readonly sockets = new Map<WebSocket, string | null>();
  private accepting = true;
  /** One bucket per person with an open socket: the per-person /automerge rate. */
  private readonly personBuckets = new Map<string, { bucket: TokenBucket; sockets: number }>();

  constructor(private readonly o: { verifier: TokenVerifier; service: ModerationService; limits: ConnectionLimits; census: ConnectionCensus; logger: Logger }) {}

  /** Whether an upgrade request is for this endpoint. */
  static matches(req: IncomingMessage): boolean {
    return new URL(req.url ?? '/', 'http://relay.invalid').pathname === AUTOMERGE_PATH;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!this.accepting) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    const token = new URL(req.url ?? '/', 'http://relay.invalid').searchParams.get('token');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.admit(ws, token).catch((err: unknown) => {
        this.o.logger.error({ err }, 'automerge admission failed');
        this.refuse(ws, CloseCode.internalError, 'internal error');
      });
    });
  }

  closeAll(code: number, reason: string): void {
    this.accepting = false;
    for (const ws of this.sockets.keys()) ws.close(code, reason);
    this.wss.close();
  }

  private async admit(ws: WebSocket, token: string | null): Promise<void> {
    this.sockets.set(ws, null);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', (err) => this.o.logger.debug({ err }, 'automerge socket error'));
    const early: Uint8Array[] = [];
    const buffer = (data: RawData, isBinary: boolean) => {
      if (!isBinary) this.refuse(ws, CloseCode.malformed, 'text message');
      else if (early.length >= MAX_EARLY_MESSAGES) this.refuse(ws, CloseCode.rateLimited, 'rate limit exceeded');
      else early.push(toBytes(data));
    };
    ws.on('message', buffer);
    const checked = await this.o.verifier.verify(token);
    if (!checked.ok) return this.refuse(ws, checked.code, checked.reason);
    const person = checked.token.personId;
    if (!(await this.o.service.mayConnect(person))) return this.refuse(ws, CloseCode.forbidden, 'not a moderator');
    if (ws.readyState !== ws.OPEN) return;
    const counted = censusSocket(ws, (code, reason) => this.refuse(ws, code, reason));
    if (!this.o.census.admit(person, counted)) return this.refuse(ws, CloseCode.rateLimited, 'too many connections');
    ws.once('close', () => this.o.census.release(person, counted));
    ws.off('message', buffer);
    this.limitRate(ws, person);
    const ms = Math.min(checked.token.expiresAt * 1000 - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => ws.close(CloseCode.unauthenticated, 'token expired'), Math.max(0, ms));
    timer.unref();
    ws.once('close', () => clearTimeout(timer));
    this.sockets.set(ws, person);
    this.o.service.accept(ws, person, early);
  }

  /**
   * The /automerge message rate, per socket and per person (one person may open several sockets).
   * Registered before the repo's own listener, so a message over the rate closes the socket (4429)
   * before the repo reads it: the network adapter ignores messages on a socket that is closing.
   */
  private limitRate(ws: WebSocket, person: string): void {
    const mine = new TokenBucket(this.o.limits.automergeRate);
    let shared = this.personBuckets.get(person);
    if (shared === undefined) {
      shared = { bucket: new TokenBucket(this.o.limits.automergeRatePerPerson), sockets: 0 };
      this.personBuckets.set(person, shared);
    }
    const theirs = shared;
    theirs.sockets++;
    ws.on('message', () => {
      if (ws.readyState !== ws.OPEN) return;
      if (!mine.take() || !theirs.bucket.take()) this.refuse(ws, CloseCode.rateLimited, 'rate limit exceeded');
    });
    ws.once('close', () => {
      if (--theirs.sockets === 0) this.personBuckets.delete(person);
    });
  }

  /**
   * After the directory changed: people who are no longer active moderators or facilitators lose
   * their connections (4403), and everyone's document access is decided again.
   */
  async recheck(): Promise<void> {
    for (const [ws, person] of this.sockets) {
      if (person !== null && !(await this.o.service.mayConnect(person))) this.refuse(ws, CloseCode.forbidden, 'not a moderator');
    }
    this.o.service.recheckAccess();
  }

  private refuse(ws: WebSocket, code: number, reason: string): void {
    this.o.logger.info({ code, reason }, 'automerge connection refused');
    if (ws.readyState === ws.OPEN) ws.close(code, reason);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
