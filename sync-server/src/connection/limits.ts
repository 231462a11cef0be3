// Limits applied to every connection; configurable through startRelay / `serve` options.
import type { RateLimit } from './token-bucket.js';

export interface ConnectionLimits {
  /** Largest accepted message, in bytes (close 4413 above). */
  maxMessageBytes: number;
  /** Per-connection message rate (close 4429 when exceeded). */
  rate: RateLimit;
  /** Close a connection (1013, retry later) whose unsent output exceeds this many bytes. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxMessageBytes: 1024 * 1024,
  rate: { perSecond: 100, burst: 500 },
  maxBufferedBytes: 64 * 1024 * 1024,
};

export function resolveLimits(partial: Partial<ConnectionLimits> | undefined): ConnectionLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}
