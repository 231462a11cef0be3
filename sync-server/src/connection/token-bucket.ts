// Per-connection rate limit. Why a token bucket: an honest client bursts (reconnect: sync step 1,
// step 2, awareness; fast typing) but its average rate is low; a flood exceeds the average for long
// enough to drain the burst allowance.
export interface RateLimit {
  /** Sustained messages per second. */
  perSecond: number;
  /** Messages allowed in a burst above the sustained rate. */
  burst: number;
}

export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly limit: RateLimit) {
    this.tokens = limit.burst;
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Parses '200/s' or '200/s:1000' (rate per second, optional burst) as given to --rate. */
export function parseRate(text: string): RateLimit {
  const m = /^(\d+(?:\.\d+)?)\/s(?::(\d+))?$/.exec(text.trim());
  if (m === null) throw new Error(`invalid rate "${text}" (use e.g. 200/s or 200/s:1000)`);
  const perSecond = Number(m[1]);
  return { perSecond, burst: m[2] !== undefined ? Number(m[2]) : Math.max(1, Math.ceil(perSecond * 5)) };
}
