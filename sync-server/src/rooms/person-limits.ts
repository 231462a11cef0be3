// Per-person limits on what one person's messages may cost the relay. Why per person and not per
// connection: one person may hold several connections (devices, tabs, a script), and it is the person
// whose work must stay bounded so that everyone else's edits keep arriving. Every limit here is listed
// in docs/operations.md ("Per-person limits") with its default and how to change it.

export interface PersonLimits {
  /** Structs (inserted items) one update may carry; an honest 1 MiB sync step 2 holds about 40,000. */
  maxStructsPerUpdate: number;
  /** Delete-set ranges one update may carry. */
  maxDeleteRangesPerUpdate: number;
  /**
   * Items inserted concurrently at one position (same left neighbour, or the start of one map key),
   * counting those already in the document. Why: Yjs orders concurrent inserts at one position by
   * scanning all of them, so thousands there make every further apply (and every reload) quadratic.
   * Honest conflicts come from a person's own devices editing the same spot offline: a handful.
   */
  maxConcurrentInserts: number;
  /** Bytes an outbox may hold in storage (its update log); a write past it is refused whole. */
  maxOutboxBytes: number;
  /** Sustained bytes per second one person may have stored, and the burst above it. */
  writeRate: { bytesPerSecond: number; burstBytes: number };
  /**
   * Thread time one person's updates and publication may use: milliseconds per second sustained and
   * a burst. Past it, that person's next messages and publication passes wait; nobody else's do.
   */
  cpu: { msPerSecond: number; burstMs: number };
  /** Bytes of updates kept waiting for missing dependencies, per outbox (= per person). */
  maxPendingBytes: number;
  /** Updates kept waiting for missing dependencies, per outbox (= per person). */
  maxPendingUpdates: number;
  /** Messages one connection may have waiting for the relay before its socket stops being read. */
  maxQueuedMessages: number;
}

export const DEFAULT_PERSON_LIMITS: PersonLimits = {
  maxStructsPerUpdate: 50_000,
  maxDeleteRangesPerUpdate: 50_000,
  maxConcurrentInserts: 32,
  maxOutboxBytes: 64 * 1024 * 1024,
  writeRate: { bytesPerSecond: 256 * 1024, burstBytes: 8 * 1024 * 1024 },
  cpu: { msPerSecond: 200, burstMs: 1000 },
  maxPendingBytes: 256 * 1024,
  maxPendingUpdates: 50,
  maxQueuedMessages: 64,
};

export function resolvePersonLimits(partial: Partial<PersonLimits> | undefined): PersonLimits {
  return { ...DEFAULT_PERSON_LIMITS, ...partial };
}
