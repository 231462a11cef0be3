// Every room the person can read, open at once: a Y.Doc, its local persistence and one stock
// y-websocket provider each. Local data is loaded before the provider starts, so the app shows
// what it has immediately and a read-only room never re-sends its stored state to the relay.
//
// Close codes (see the relay): 4401 token expired or invalid → refresh, then reconnect (or sign
// in again); 4403 not allowed, 4404 no such room, 4413 update too large → shown, not retried;
// 4429 rate limited → retried with backoff like any transient failure.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { observable, type Observable } from '../data/observable.js';
import type { HearthDb } from '../storage/db.js';
import { RoomPersistence } from '../storage/room-persistence.js';
import { NOTICES_PARAM, installNoticeHandler, type RelayNotice } from './relay-notices.js';

export type RoomConnection = 'offline' | 'connecting' | 'online' | 'denied' | 'not-found' | 'too-large' | 'unauthorized';

export interface RoomStatus {
  connection: RoomConnection;
  /** The relay has answered sync step 1 at least once since the room opened. */
  synced: boolean;
  readOnlyNotice: boolean;
  error: string | null;
}

export interface Room {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly persistence: RoomPersistence;
  readonly status: Observable<RoomStatus>;
  /** Bumped (at most once per frame) whenever the document changes: hooks recompute their view. */
  readonly version: Observable<number>;
  /** The locally stored state has been applied (or could not be read). */
  readonly loaded: Observable<boolean>;
  provider: WebsocketProvider | null;
}

export interface RoomHubOptions {
  relayUrl: string;
  token: string;
  online: boolean;
  onNotice?: (room: string, notice: RelayNotice) => void;
  onUnauthorized?: () => void;
  /** Tests in Node (no global WebSocket) pass a stand-in. */
  WebSocketImpl?: typeof WebSocket;
}

const TERMINAL: Record<number, RoomConnection> = { 4401: 'unauthorized', 4403: 'denied', 4404: 'not-found', 4413: 'too-large' };

export class RoomHub {
  private readonly rooms = new Map<string, Room>();
  private token: string;
  private online: boolean;
  /** Changes whenever any room's status changes; the aggregate connection state reads it. */
  readonly statusTick = observable(0);

  constructor(
    private readonly db: HearthDb,
    private readonly options: RoomHubOptions,
  ) {
    this.token = options.token;
    this.online = options.online;
  }

  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  list(): Room[] {
    return [...this.rooms.values()];
  }

  open(name: string): Room {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const doc = new Y.Doc();
    const persistence = new RoomPersistence(this.db, name, doc);
    const status = observable<RoomStatus>({ connection: this.online ? 'connecting' : 'offline', synced: false, readOnlyNotice: false, error: null });
    const version = observable(0);
    const loaded = observable(false);
    const room: Room = { name, doc, persistence, status, version, loaded, provider: null };
    let scheduled = false;
    doc.on('update', () => {
      if (scheduled) return;
      scheduled = true;
      // Why batch: a sync can deliver thousands of updates; views recompute once per frame.
      const run = () => {
        scheduled = false;
        version.update((v) => v + 1);
      };
      if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) requestAnimationFrame(run);
      else setTimeout(run, 16);
    });
    this.rooms.set(name, room);
    void persistence.whenLoaded.then(() => {
      loaded.set(true);
      if (this.rooms.get(name) === room) this.attachProvider(room);
    });
    return room;
  }

  private attachProvider(room: Room): void {
    // A runtime with no WebSocket (a test environment being torn down) keeps the room local-only
    // rather than throwing from inside a promise callback.
    if (this.options.WebSocketImpl === undefined && typeof WebSocket === 'undefined') return;
    const provider = new WebsocketProvider(this.options.relayUrl, room.name, room.doc, {
      connect: this.online,
      // Relay notices (what is stored, read-only rooms, refusals) are sent only when asked for.
      params: { token: this.token, [NOTICES_PARAM]: '1' },
      maxBackoffTime: 15_000,
      disableBc: true,
      shouldReconnect: (event) => !(event.code in TERMINAL),
      ...(this.options.WebSocketImpl ? { WebSocketPolyfill: this.options.WebSocketImpl } : {}),
    });
    installNoticeHandler(provider, (notice) => {
      if (notice.type === 'read-only') this.setStatus(room, { readOnlyNotice: true });
      if (notice.type === 'error') this.setStatus(room, { error: notice.message });
      this.options.onNotice?.(room.name, notice);
    });
    provider.on('status', ({ status }) => {
      const connection: RoomConnection = status === 'connected' ? 'online' : this.online ? 'connecting' : 'offline';
      const current = room.status.get().connection;
      // A terminal close is followed by a 'disconnected' status: keep the terminal reason.
      if (status === 'disconnected' && (current === 'denied' || current === 'not-found' || current === 'too-large' || current === 'unauthorized')) return;
      this.setStatus(room, { connection });
    });
    provider.on('sync', (synced) => {
      if (synced) this.setStatus(room, { synced: true });
    });
    provider.on('closed', ({ code }) => {
      const terminal = TERMINAL[code];
      if (!terminal) return;
      this.setStatus(room, { connection: terminal });
      if (terminal === 'unauthorized') this.options.onUnauthorized?.();
    });
    room.provider = provider;
  }

  private setStatus(room: Room, patch: Partial<RoomStatus>): void {
    room.status.update((s) => ({ ...s, ...patch }));
    this.statusTick.update((n) => n + 1);
  }

  /** A new token: used by every later connection; rooms closed for 4401 reconnect now. */
  setToken(token: string): void {
    this.token = token;
    for (const room of this.rooms.values()) {
      if (!room.provider) continue;
      room.provider.params = { ...room.provider.params, token };
      if (room.status.get().connection === 'unauthorized' && this.online) {
        this.setStatus(room, { connection: 'connecting' });
        room.provider.connect();
      }
    }
  }

  /**
   * Try a room refused with 4403 again: the person was let in since (a join request approved). Why
   * not on every refusal: 4403 is final until membership changes, and the app learns that change
   * from the inbox, so it calls this then.
   */
  readmit(name: string): void {
    const room = this.rooms.get(name);
    if (!room?.provider || room.status.get().connection !== 'denied' || !this.online) return;
    this.setStatus(room, { connection: 'connecting' });
    room.provider.connect();
  }

  /** The browser went offline or online (navigator events; Electron's net state through the same). */
  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    for (const room of this.rooms.values()) {
      const terminal = ['denied', 'not-found', 'too-large'].includes(room.status.get().connection);
      if (terminal) continue;
      if (online) {
        this.setStatus(room, { connection: 'connecting' });
        room.provider?.connect();
      } else {
        room.provider?.disconnect();
        this.setStatus(room, { connection: 'offline' });
      }
    }
  }

  close(name: string): void {
    const room = this.rooms.get(name);
    if (!room) return;
    this.rooms.delete(name);
    room.provider?.destroy();
    room.persistence.destroy();
    room.doc.destroy();
  }

  destroy(): void {
    for (const name of [...this.rooms.keys()]) this.close(name);
  }
}
