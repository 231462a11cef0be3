// The seam between the relay's transport (websocket rooms, persistence, broadcast) and its logic
// (publication, admin, demo loading). Logic never touches sockets or SQL for documents: it asks the
// host for a room's document and writes through `write`, which persists before it broadcasts.
import type * as Y from 'yjs';

/** Origin used for every relay-authored transaction, so observers can tell them from client updates. */
export const RELAY_ORIGIN = Symbol('hearth-relay');

export interface DocHost {
  /** The room's document, loaded from storage (awaited) and kept in memory while in use. */
  open(room: string): Promise<Y.Doc>;
  /**
   * A relay-authored change to a room: runs `change` in one transaction with RELAY_ORIGIN, stores
   * the resulting update durably, then sends it to every connection in the room. Resolves once
   * stored. Creates the room if it does not exist.
   */
  write(room: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** Whether the room has ever been written (stored state exists). */
  exists(room: string): Promise<boolean>;
  /** Every stored room whose name starts with `prefix` (e.g. 'outbox/'). */
  listRooms(prefix: string): Promise<string[]>;
  /**
   * Called after a client's update to an outbox room has been stored (never before). The listener
   * may be async; the host does not wait for it before acknowledging the client.
   */
  onOutboxStored(listener: (personId: string, doc: Y.Doc) => void): () => void;
  /** Close every connection of `personId` to `room` (e.g. removed from a private space). */
  disconnect(room: string, personId: string, code: number, reason: string): void;
}
