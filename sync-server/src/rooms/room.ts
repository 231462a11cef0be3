// One room in memory: its Y.Doc, its awareness, the connections that use it. Why it owns storing:
// the rule "every update a room accepts is stored before it is broadcast" is enforced here and only
// here — client updates (own outbox) and relay writes both go through `store` before `announce`.
// Why a client's update is stored before it is applied: the in-memory doc then changes only after
// the store commits, so a refused store (a full disk) leaves nothing behind that a reader — the
// publisher, another process's resync, a sync reply — could see, however long the database takes
// to answer (on PostgreSQL a failed insert and the reload took long enough for readers to see it).
// Whether it adds anything is told without applying (adds-to-doc.ts). A relay write is different: its
// change is a function of the doc, so it is applied first; when its store fails the doc is replaced
// by the stored state (`rollback`), and the write is still announced to nobody.
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { metrics } from '../metrics.js';
import { CloseCode } from '../protocol/close-codes.js';
import { encodeAwareness, encodeSyncStep2, encodeUpdate } from '../protocol/messages.js';
import type { RoomLog, WriteStatus } from '../storage/storage.js';
import { writeStatusOf } from '../storage/write-status.js';
import { RELAY_ORIGIN } from './doc-host.js';
import type { PersonLimits } from './person-limits.js';
import type { Fanout, FanoutReceiver } from './fanout.js';
import { SerialQueue } from './serial-queue.js';
import { addsToDoc } from './adds-to-doc.js';
import { checkUpdate } from './update-guard.js';
import { SharedFrame } from '../protocol/shared-frame.js';

/** Origin of changes another relay process stored (fan-out): applied and sent, never stored again. */
export const REMOTE_ORIGIN = Symbol('hearth-remote');

/** What a room needs from a connection. */
export interface RoomMember {
  readonly personId: string;
  /** `shared`: the same message's frame, built once for every member a broadcast reaches. */
  send(message: Uint8Array, shared?: SharedFrame): void;
  close(code: number, reason: string): void;
}

export class StoreFailed extends Error {
  override name = 'StoreFailed';
  constructor(
    message: string,
    /** 'full': the disk (or quota) is full; 'failing': another write error. Both are transient. */
    readonly status: Exclude<WriteStatus, 'ok'>,
  ) {
    super(message);
  }
}

/** Told of every failed and every successful store (the host logs each incident once). */
export interface StoreEvents {
  failed(room: Room, err: StoreFailed): void;
  stored(room: Room): void;
}

export class ApplyFailed extends Error {
  override name = 'ApplyFailed';
}

/** A client's update refused before it was applied (a limit): nothing of it was applied or stored. */
export class UpdateRefused extends Error {
  override name = 'UpdateRefused';
  constructor(
    /** The close code the sender gets (4400, 4413, 4422, or 1013 to resync later). */
    readonly code: number,
    message: string,
    /** Thread time the refusal cost, charged to the sender. */
    readonly cpuMs: number,
  ) {
    super(message);
  }
}

/** What a client's update costs and did. */
export interface ClientUpdateResult {
  changed: boolean;
  stateVector: Uint8Array;
  /** Thread time spent checking and applying it. */
  cpuMs: number;
}

type UpdateLimits = Pick<PersonLimits, 'maxStructsPerUpdate' | 'maxDeleteRangesPerUpdate' | 'maxConcurrentInserts' | 'maxOutboxBytes' | 'maxPendingBytes' | 'maxPendingUpdates'>;

interface RelayWrite {
  change: (doc: Y.Doc) => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class Room {
  private current: Y.Doc;
  readonly awareness: Awareness;
  /** Connection → awareness client ids it controls. */
  readonly members = new Map<RoomMember, Set<number>>();
  /** Awareness client id → the connection that announced it. */
  readonly awarenessOwners = new Map<number, RoomMember>();
  readonly queue = new SerialQueue();
  lastUsed = Date.now();
  /** Set when the in-memory doc may differ from storage; the host evicts the room. */
  broken = false;
  private captured: Uint8Array[] = [];
  private capturing = false;
  private loading = false;
  /** Bytes of the room's stored log: its size when loaded plus every append since. */
  storedBytes = 0;
  /** Client updates Yjs keeps pending (waiting for missing dependencies) since it last had none. */
  private pendingUpdates = 0;
  /** Called when something changed the doc outside `relayWrite` (see the update handler). */
  onStrayWrite: ((room: Room) => void) | null = null;
  storeEvents: StoreEvents | null = null;
  /** Other relay processes (null: this is the only one). Set before `load`. */
  fanout: Fanout | null = null;
  /** Told when another process stored something in this room (the host tells the logic). */
  onRemoteUpdate: ((room: Room) => void) | null = null;
  /** What the fan-out delivers to this room. */
  readonly receiver: FanoutReceiver = {
    update: (update) => void this.remoteUpdate(update),
    awareness: (update) => applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN),
    resync: () => void this.resync(),
  };
  private readonly onDocUpdate = (update: Uint8Array): void => {
    if (this.capturing) this.captured.push(update);
    else if (!this.loading) this.strayWrite(update);
  };

  constructor(
    readonly name: string,
    private readonly log: RoomLog,
    private readonly limits: UpdateLimits | null = null,
  ) {
    // The room's name as the document's guid. Why: without one Yjs makes a random uuid, 31 calls
    // into webcrypto per document — a few per cent of a start-up catch-up, which opens a room per
    // author. A guid matters only for subdocuments, which the relay's documents do not have.
    this.current = new Y.Doc({ guid: name });
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const owned = this.members.get(origin as RoomMember);
      if (owned !== undefined) {
        for (const id of changes.added) {
          owned.add(id);
          this.awarenessOwners.set(id, origin as RoomMember);
        }
        for (const id of changes.removed) {
          owned.delete(id);
          this.awarenessOwners.delete(id);
        }
      }
      const changed = [...changes.added, ...changes.updated, ...changes.removed];
      this.broadcast(encodeAwareness(this.awareness, changed), null);
      // This process's connections' presence reaches the other processes' readers of the room.
      if (origin !== REMOTE_ORIGIN) this.fanout?.publishAwareness(this.name, encodeAwarenessUpdate(this.awareness, changed));
    });
    this.current.on('update', this.onDocUpdate);
  }

  /** The room's document: exactly what is stored (replaced after a failed store, see `rollback`). */
  get doc(): Y.Doc {
    return this.current;
  }

  async load(): Promise<void> {
    const end = metrics.roomLoadSeconds.startTimer();
    await this.loadInto(this.current);
    end();
  }

  private async loadInto(doc: Y.Doc): Promise<void> {
    const updates = await this.log.load(this.name);
    let bytes = 0;
    for (const u of updates) bytes += u.byteLength;
    this.storedBytes = bytes;
    this.loading = true;
    try {
      Y.transact(doc, () => {
        for (const u of updates) Y.applyUpdate(doc, u);
      }, RELAY_ORIGIN);
    } finally {
      this.loading = false;
    }
  }

  /**
   * Replaces the document by the stored state (runs in the queue, after a failed store). Members
   * stay attached: none of them was sent the unstored change. The awareness is kept and pointed at
   * the new doc; the old doc is not destroyed (that would destroy the awareness with it), only
   * detached. If storage cannot even be read, the room is marked broken and the host evicts it.
   */
  private async rollback(): Promise<void> {
    const fresh = new Y.Doc({ gc: this.current.gc, guid: this.name });
    try {
      await this.loadInto(fresh);
    } catch {
      fresh.destroy();
      this.broken = true;
      return;
    }
    this.current.off('update', this.onDocUpdate);
    this.current = fresh;
    this.awareness.doc = fresh;
    fresh.on('update', this.onDocUpdate);
  }

  /** The reply to a client's sync step 1, from stored state only (runs in the queue). */
  syncStep2For(stateVector: Uint8Array): Promise<Uint8Array> {
    return this.queue.run(() => encodeSyncStep2(this.doc, stateVector));
  }

  /**
   * A relay-authored change: one transaction with RELAY_ORIGIN, stored, then broadcast to all.
   * Relay writes that arrive in the same turn of the event loop, or while the room's queue is busy
   * (a commit in flight), are committed together when their turn comes: each change is still its own transaction, but they share one
   * append (one commit, one fsync) and one broadcast. Why: a space everyone posts to is one room,
   * and its writes are serial — one commit per publication capped a relay at a few hundred
   * publications per second whatever the number of publishers. Each caller still resolves only
   * once its change is stored.
   */
  relayWrite(change: (doc: Y.Doc) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const write = { change, resolve, reject };
      if (this.relayBatch !== null) {
        this.relayBatch.push(write);
        return;
      }
      const batch = [write];
      this.relayBatch = batch;
      // Queued after a turn of the event loop: the writes other publication passes reach in this
      // turn join the batch (on SQLite a commit runs on this thread, so none arrives "during" it).
      setImmediate(() => {
        this.queue
          .run(() => {
            this.relayBatch = null; // later writes form the next batch, behind this one
            return this.commitRelayWrites(batch);
          })
          .catch(() => undefined); // each write's outcome is told to its caller
      });
    });
  }

  private relayBatch: RelayWrite[] | null = null;

  private async commitRelayWrites(batch: readonly RelayWrite[]): Promise<void> {
    const updates: Uint8Array[] = [];
    const applied: RelayWrite[] = [];
    for (let i = 0; i < batch.length; i++) {
      const write = batch[i]!;
      try {
        updates.push(...this.capture(() => this.doc.transact(() => write.change(this.doc), RELAY_ORIGIN)));
        applied.push(write);
      } catch (err) {
        // The room is broken now (capture): this write and the ones not yet applied fail; those
        // applied before it are whole transactions and are stored as usual.
        for (const w of batch.slice(i)) w.reject(err);
        break;
      }
    }
    try {
      await this.commit(updates, null);
    } catch (err) {
      for (const w of applied) w.reject(err);
      return;
    }
    metrics.relayWrites.inc(applied.length);
    for (const w of applied) w.resolve();
  }

  /**
   * A client's update (own outbox only; the caller decides). Checked against the limits (cost,
   * quota, pending), applied, stored, then broadcast to every other connection. Resolves to whether
   * anything new was stored, the state vector of the stored document right after, and the thread
   * time it took; rejects with UpdateRefused when a limit refuses it (nothing applied or stored).
   */
  clientUpdate(update: Uint8Array, from: RoomMember): Promise<ClientUpdateResult> {
    return this.queue.run(async () => {
      const started = performance.now();
      const missing = this.limits !== null ? this.admit(update, started) : false;
      let adds: boolean;
      try {
        adds = addsToDoc(this.doc, update);
      } catch (err) {
        throw new UpdateRefused(CloseCode.malformed, `update does not decode: ${err instanceof Error ? err.message : String(err)}`, performance.now() - started);
      }
      let cpuMs = performance.now() - started;
      if (!adds) return { changed: false, stateVector: Y.encodeStateVector(this.doc), cpuMs };
      // Stored first: a failed store throws here and the doc has not changed (see the header).
      await this.store([update]);
      const applying = performance.now();
      if (missing) this.pendingUpdates++;
      let updates: Uint8Array[];
      try {
        updates = this.capture(() => Y.applyUpdate(this.doc, update, from));
      } catch (err) {
        // Decoded, stored, then Yjs threw half way: out of the log again, so the room reloads
        // without it (`capture` marked the room broken; the host evicts it).
        await this.log.discard(this.name, update).catch(() => undefined);
        throw err;
      }
      const { pendingStructs, pendingDs } = this.doc.store;
      this.pendingUpdates = pendingStructs === null && pendingDs === null ? 0 : this.pendingUpdates;
      cpuMs += performance.now() - applying;
      this.announce(updates, from);
      return { changed: true, stateVector: Y.encodeStateVector(this.doc), cpuMs };
    });
  }

  /** Bytes Yjs holds back waiting for missing dependencies (re-merged on every later update). */
  get pendingBytes(): number {
    const { pendingStructs, pendingDs } = this.doc.store;
    return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
  }

  /**
   * Throws UpdateRefused when `update` would break a limit. Runs in the queue, before storing and
   * applying. Returns whether Yjs will keep (part of) it pending.
   */
  private admit(update: Uint8Array, started: number): boolean {
    const limits = this.limits!;
    const refuse = (code: number, message: string) => new UpdateRefused(code, message, performance.now() - started);
    if (this.storedBytes + update.byteLength > limits.maxOutboxBytes) {
      throw refuse(CloseCode.tooLarge, `outbox storage quota exceeded (${limits.maxOutboxBytes} bytes); nothing of this update was stored`);
    }
    const check = checkUpdate(this.doc, update, limits);
    if (!check.ok) {
      throw check.reason === 'malformed'
        ? refuse(CloseCode.malformed, `update does not decode: ${check.detail}`)
        : refuse(CloseCode.tooComplex, `update refused: ${check.detail}`);
    }
    if (check.missing) {
      // Kept by Yjs until its dependencies arrive, and merged again with every later update: bounded.
      if (this.pendingBytes + update.byteLength > limits.maxPendingBytes || this.pendingUpdates + 1 > limits.maxPendingUpdates) {
        throw refuse(CloseCode.tryAgainLater, 'too many updates waiting for missing dependencies; reconnect to resync');
      }
    }
    return check.missing;
  }

  /**
   * An update another relay process stored: applied and sent to this process's connections, not
   * stored again (it is in the database already). Runs in the queue, like every change.
   */
  remoteUpdate(update: Uint8Array): Promise<void> {
    return this.queue
      .run(() => {
        const updates = this.capture(() => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN));
        this.sendRemote(updates);
      })
      .catch(() => this.resync());
  }

  /**
   * Catches up with storage after fan-out messages may have been lost (the bus was unreachable):
   * everything stored that this document lacks is applied and sent to this process's connections.
   */
  resync(): Promise<void> {
    return this.queue
      .run(async () => {
        const stored = await this.log.load(this.name);
        const updates = this.capture(() => Y.transact(this.doc, () => stored.forEach((u) => Y.applyUpdate(this.doc, u)), REMOTE_ORIGIN));
        this.sendRemote(updates);
      })
      .catch(() => undefined);
  }

  private sendRemote(updates: Uint8Array[]): void {
    if (updates.length === 0) return;
    this.broadcast(encodeUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)), null);
    metrics.updatesOut.inc(this.members.size);
    this.onRemoteUpdate?.(this);
  }

  /** Forgets a departing connection and the awareness states it announced. */
  removeMember(member: RoomMember): void {
    const owned = this.members.get(member);
    this.members.delete(member);
    if (owned === undefined) return;
    for (const id of owned) this.awarenessOwners.delete(id);
    if (owned.size > 0) removeAwarenessStates(this.awareness, [...owned], null);
  }

  broadcast(message: Uint8Array, except: RoomMember | null): void {
    const shared = new SharedFrame(message);
    for (const member of this.members.keys()) if (member !== except) member.send(message, shared);
  }

  closeAll(code: number, reason: string): void {
    for (const member of [...this.members.keys()]) member.close(code, reason);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * A change made on the doc directly (someone wrote to the result of `DocHost.open` instead of
   * going through `write`). It is in memory already, so it is stored and broadcast like a relay
   * write rather than left to diverge from storage — and reported, because until it is stored a
   * client could be told about it through a sync reply.
   */
  private strayWrite(update: Uint8Array): void {
    this.onStrayWrite?.(this);
    // A failed store rolls the doc back itself; what is left to do is not to leave an unhandled rejection.
    this.queue.run(() => this.commit([update], null)).catch(() => undefined);
  }

  private capture(apply: () => void): Uint8Array[] {
    this.captured = [];
    this.capturing = true;
    try {
      apply();
    } catch (err) {
      // The doc may hold part of the change; it no longer matches storage.
      this.broken = true;
      throw new ApplyFailed(err instanceof Error ? err.message : String(err));
    } finally {
      this.capturing = false;
    }
    const updates = this.captured;
    this.captured = [];
    return updates;
  }

  /**
   * A relay-side change already applied to the doc: stored, then announced; rolled back if the store
   * fails. A batch of relay writes (relayWrite) is merged into one update first, stored as one row
   * and announced as that same update. Why: a busy space's batch held one update per publication —
   * 28 rows per INSERT in a catch-up, every one read back on each load and counted towards the
   * compaction threshold — and the broadcast merged them anyway.
   */
  private async commit(updates: Uint8Array[], from: RoomMember | null): Promise<void> {
    if (updates.length === 0) return;
    const merged = updates.length === 1 ? updates : [Y.mergeUpdates(updates)];
    try {
      await this.store(merged);
    } catch (err) {
      await this.rollback();
      throw err;
    }
    this.announce(merged, from);
  }

  /** Appends to the room's log; a failure is counted, told and thrown as StoreFailed. */
  private async store(updates: Uint8Array[]): Promise<void> {
    const end = metrics.storeSeconds.startTimer();
    try {
      await this.log.append(this.name, updates);
      for (const u of updates) this.storedBytes += u.byteLength;
    } catch (err) {
      const failed = new StoreFailed(err instanceof Error ? err.message : String(err), writeStatusOf(err));
      metrics.storeFailures.inc({ status: failed.status });
      this.storeEvents?.failed(this, failed);
      throw failed;
    } finally {
      end();
    }
    this.storeEvents?.stored(this);
  }

  /** Sends what was stored and applied to this process's other connections and to the other processes. */
  private announce(updates: Uint8Array[], from: RoomMember | null): void {
    if (updates.length === 0) return;
    const readers = this.members.size - (from !== null && this.members.has(from) ? 1 : 0);
    // Nobody to tell (the publisher's writes to an inbox or a bucket nobody has open): no merge.
    if (readers === 0 && this.fanout === null) return;
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    // The other processes first: the PUBLISH leaves at once, and they send to their readers while
    // this process sends to its own (after its own loop, they started a whole broadcast late).
    this.fanout?.publishUpdate(this.name, merged);
    this.broadcast(encodeUpdate(merged), from);
    metrics.updatesOut.inc(readers);
  }
}
