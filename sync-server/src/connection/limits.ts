// Limits applied to every connection and to every person; configurable through startRelay /
// `serve` options, and listed in docs/operations.md ("Per-person limits"). Why per person as well
// as per connection: a person may open many sockets, so a per-connection bound alone multiplies by
// however many they open.
import type { RateLimit } from './token-bucket.js';

export interface ConnectionLimits {
  /** Largest accepted message, in bytes (close 4413 above). */
  maxMessageBytes: number;
  /** Per-connection message rate (close 4429 when exceeded). */
  rate: RateLimit;
  /** Close a connection (1013, retry later) whose unsent output exceeds this many bytes. */
  maxBufferedBytes: number;
  /**
   * Close a person's slowest connection (1013) when the unsent output of all their connections
   * together exceeds this many bytes: slow readers cost memory, and one person may open many.
   */
  maxBufferedBytesPerPerson: number;
  /** Open WebSockets (rooms and /automerge) per person; the next one is closed with 4429. 0: no cap. */
  maxConnectionsPerPerson: number;
  /** Open WebSockets per remote address; the next upgrade is answered HTTP 429. 0: no cap. */
  maxConnectionsPerAddress: number;
  /** `/automerge` message rate per socket and per person (close 4429 when exceeded). */
  automergeRate: RateLimit;
  automergeRatePerPerson: RateLimit;
  /** Awareness: see AwarenessLimits. */
  awareness: AwarenessLimits;
}

/**
 * Awareness is relayed to everyone in a room, so whatever one connection sends is multiplied by the
 * room's size; these bound it at each step (what one state may hold, how many states one connection
 * and one person may announce, how often, and what a newcomer receives at once).
 */
export interface AwarenessLimits {
  /** A state whose JSON is longer is dropped unread. */
  maxStateBytes: number;
  /** Client ids one connection may announce (the stock provider uses one per document). */
  maxClientsPerConnection: number;
  /** Client ids one person may announce in one room, over all their connections. */
  maxClientsPerPersonPerRoom: number;
  /** All states of one room together, in bytes: bounds the snapshot a newcomer receives. */
  maxRoomBytes: number;
  /** Awareness messages per connection; above it they are dropped (the next renewal catches up). */
  rate: RateLimit;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxMessageBytes: 1024 * 1024,
  rate: { perSecond: 100, burst: 500 },
  maxBufferedBytes: 64 * 1024 * 1024,
  maxBufferedBytesPerPerson: 128 * 1024 * 1024,
  maxConnectionsPerPerson: 200,
  maxConnectionsPerAddress: 2000,
  automergeRate: { perSecond: 100, burst: 1000 },
  automergeRatePerPerson: { perSecond: 200, burst: 2000 },
  awareness: {
    maxStateBytes: 2048,
    maxClientsPerConnection: 4,
    maxClientsPerPersonPerRoom: 16,
    maxRoomBytes: 1024 * 1024,
    rate: { perSecond: 10, burst: 30 },
  },
};

export type LimitOverrides = Partial<Omit<ConnectionLimits, 'awareness'>> & { awareness?: Partial<AwarenessLimits> };

export function resolveLimits(partial: LimitOverrides | undefined): ConnectionLimits {
  return { ...DEFAULT_LIMITS, ...partial, awareness: { ...DEFAULT_LIMITS.awareness, ...partial?.awareness } };
}
