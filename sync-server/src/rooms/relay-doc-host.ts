// The relay's DocHost: rooms loaded on demand and unloaded when idle. Why loading is a shared
// promise: the stock server answers a client's sync step 1 before the persisted state is loaded
// (the client then sees an empty document); here a connection is attached, and the logic gets a
// document, only once the room is fully loaded.
import type * as Y from 'yjs';
import type { Logger } from '../log.js';
import { metrics } from '../metrics.js';
import type { RoomLog } from '../storage/storage.js';
import { parseRoomName } from '@hearth/core';
import type { DocHost } from './doc-host.js';
import { PersonBudgets } from './person-budget.js';
import { resolvePersonLimits } from './person-limits.js';
import type { PersonLimits } from './person-limits.js';
import type { Fanout } from './fanout.js';
import { Room } from './room.js';
import type { RoomMember, StoreEvents } from './room.js';

export interface RelayDocHostOptions {
  /** Unload a room this long after its last use when no connection holds it. */
  idleUnloadMs?: number;
  /** What one person's messages may cost (docs/operations.md, "Per-person limits"). */
  personLimits?: Partial<PersonLimits>;
  /**
   * Other relay processes serving the same rooms (Redis). Each loaded room receives what they
   * store; an outbox another process stored into, or that is loaded here, is handed to the logic
   * like a local one (the publisher's lease decides who publishes).
   */
  fanout?: Fanout;
}

type OutboxListener = (personId: string, doc: Y.Doc) => void;
type RelayWriteListener = (room: Room) => void;

export class RelayDocHost implements DocHost {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly outboxListeners = new Set<OutboxListener>();
  private readonly relayWriteListeners = new Set<RelayWriteListener>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly idleUnloadMs: number;
  readonly personLimits: PersonLimits;
  /** Bytes stored and thread time spent, per person (connections and publication share them). */
  readonly budgets: PersonBudgets;
  private readonly fanout: Fanout | null;
  /** Rooms whose last store failed: an incident is logged when it starts and when it ends, once. */
  private readonly failingRooms = new Set<string>();
  private readonly storeEvents: StoreEvents = {
    failed: (room, err) => {
      if (this.failingRooms.has(room.name)) return;
      this.failingRooms.add(room.name);
      this.logger.error({ err, room: room.name, status: err.status }, 'store failed; the room is rolled back to its stored state and writes are refused until storage recovers');
    },
    stored: (room) => {
      if (this.failingRooms.delete(room.name)) this.logger.info({ room: room.name }, 'store recovered');
    },
  };

  constructor(
    private readonly log: RoomLog,
    private readonly logger: Logger,
    options: RelayDocHostOptions = {},
  ) {
    this.idleUnloadMs = options.idleUnloadMs ?? 60_000;
    this.personLimits = resolvePersonLimits(options.personLimits);
    this.budgets = new PersonBudgets(this.personLimits);
    this.fanout = options.fanout ?? null;
    this.sweeper = setInterval(() => this.sweep(), Math.max(1000, this.idleUnloadMs / 2));
    this.sweeper.unref();
  }

  /** The loaded room (awaits loading). Internal to the relay: connections attach to rooms. */
  async room(name: string): Promise<Room> {
    const loaded = this.rooms.get(name);
    if (loaded !== undefined && !loaded.broken) {
      loaded.lastUsed = Date.now();
      return loaded;
    }
    if (loaded !== undefined) this.evictIfBroken(loaded);
    let pending = this.loading.get(name);
    if (pending === undefined) {
      pending = this.load(name);
      this.loading.set(name, pending);
    }
    return pending;
  }

  async open(name: string): Promise<Y.Doc> {
    return (await this.room(name)).doc;
  }

  async write(name: string, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.room(name);
    try {
      await room.relayWrite(change);
    } catch (err) {
      this.evictIfBroken(room);
      throw err;
    }
    for (const listener of this.relayWriteListeners) {
      try {
        listener(room);
      } catch (err) {
        this.logger.error({ err, room: name }, 'relay write listener failed');
      }
    }
  }

  /** Called after every stored relay write (the gateway re-checks access of open connections). */
  onRelayWrite(listener: RelayWriteListener): () => void {
    this.relayWriteListeners.add(listener);
    return () => this.relayWriteListeners.delete(listener);
  }

  async exists(name: string): Promise<boolean> {
    // A loaded room with stored bytes exists (rooms are never deleted): no query on the publication
    // path, which asks this of the target space for every entry.
    const loaded = this.rooms.get(name);
    if (loaded !== undefined && !loaded.broken && loaded.storedBytes > 0) return true;
    return this.log.exists(name);
  }

  async listRooms(prefix: string): Promise<string[]> {
    return this.log.list(prefix);
  }

  onOutboxStored(listener: OutboxListener): () => void {
    this.outboxListeners.add(listener);
    return () => this.outboxListeners.delete(listener);
  }

  /** Also closes the person's connections to the room's time buckets when `name` is a space (`space/<s>/…`). */
  disconnect(name: string, personId: string, code: number, reason: string): void {
    const buckets = name.startsWith('space/') ? `${name}/` : null;
    for (const [roomName, room] of this.rooms) {
      if (roomName !== name && (buckets === null || !roomName.startsWith(buckets))) continue;
      for (const member of [...room.members.keys()]) if (member.personId === personId) member.close(code, reason);
    }
  }

  /** Tells the logic that `personId`'s outbox changed. Never awaited; errors are logged. */
  outboxStored(personId: string, doc: Y.Doc): void {
    for (const listener of this.outboxListeners) {
      queueMicrotask(() => {
        try {
          const result: unknown = listener(personId, doc);
          if (result instanceof Promise) result.catch((err: unknown) => this.logger.error({ err, personId }, 'outbox listener failed'));
        } catch (err) {
          this.logger.error({ err, personId }, 'outbox listener failed');
        }
      });
    }
  }

  /** A room whose document no longer matches storage is dropped and its connections closed. */
  evictIfBroken(room: Room): void {
    if (!room.broken || this.rooms.get(room.name) !== room) return;
    this.logger.error({ room: room.name }, 'room evicted after a failed apply or store; it reloads from storage');
    this.unload(room);
    room.closeAll(1011, 'internal error');
  }

  attach(room: Room, member: RoomMember): void {
    room.members.set(member, new Set());
    room.lastUsed = Date.now();
  }

  detach(room: Room, member: RoomMember): void {
    room.removeMember(member);
    room.lastUsed = Date.now();
  }

  /** Every connection of every room. */
  *allMembers(): Iterable<RoomMember> {
    for (const room of this.rooms.values()) yield* room.members.keys();
  }

  /** Waits until every room's queue is drained (shutdown). */
  async drain(): Promise<void> {
    await Promise.all([...this.loading.values()].map((p) => p.catch(() => undefined)));
    await Promise.all([...this.rooms.values()].map((r) => r.queue.run(() => undefined)));
  }

  stop(): void {
    clearInterval(this.sweeper);
    for (const room of [...this.rooms.values()]) this.unload(room);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  private async load(name: string): Promise<Room> {
    const room = new Room(name, this.log, this.personLimits);
    room.storeEvents = this.storeEvents;
    room.onStrayWrite = (r) => this.logger.error({ room: r.name }, 'document changed outside DocHost.write; use write() so it is stored before it is sent');
    const outboxOf = parseRoomName(name);
    const person = outboxOf?.kind === 'outbox' ? outboxOf.person : null;
    try {
      if (this.fanout !== null) {
        room.fanout = this.fanout;
        if (person !== null) room.onRemoteUpdate = (r) => this.outboxStored(person, r.doc);
        // Subscribed before loading: whatever is stored after the load's read arrives as a message.
        await this.fanout.join(name, room.receiver);
      }
      await room.load();
      this.rooms.set(name, room);
      metrics.roomsLoaded.set(this.rooms.size);
      // Another process may have stored entries and died before publishing them (scale-out only).
      if (this.fanout !== null && person !== null) this.outboxStored(person, room.doc);
      return room;
    } catch (err) {
      this.fanout?.leave(name, room.receiver);
      room.destroy();
      throw err;
    } finally {
      this.loading.delete(name);
    }
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    this.fanout?.leave(room.name, room.receiver);
    room.destroy();
    metrics.roomsLoaded.set(this.rooms.size);
  }

  private sweep(): void {
    this.budgets.sweep();
    const cutoff = Date.now() - this.idleUnloadMs;
    for (const room of [...this.rooms.values()]) {
      if (room.members.size === 0 && room.queue.idle && room.lastUsed < cutoff) this.unload(room);
    }
  }
}
