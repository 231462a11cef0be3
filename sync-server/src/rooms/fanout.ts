// The seam between relay processes: what one process stored reaches the rooms other processes
// hold. A room joins when it loads and leaves when it unloads; it publishes every update it stored
// and every awareness change of its own connections, and receives the others'. The database stays
// the only source of truth: a message that never arrives (the bus was unreachable) is made good by
// `resync`, which re-reads the room from storage (fanout/redis-fanout.ts says when).

export interface FanoutReceiver {
  /** A Yjs update another process stored. */
  update(update: Uint8Array): void;
  /** An awareness update from another process's connections. */
  awareness(update: Uint8Array): void;
  /** Messages may have been missed: catch up from storage. */
  resync(): void;
}

export interface Fanout {
  /** Starts receiving the room's messages; resolves once they will arrive (subscribe before loading). */
  join(room: string, receiver: FanoutReceiver): Promise<void>;
  leave(room: string, receiver: FanoutReceiver): void;
  publishUpdate(room: string, update: Uint8Array): void;
  publishAwareness(room: string, update: Uint8Array): void;
  close(): Promise<void>;
}
