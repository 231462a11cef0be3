// How much the author has written lately, for the posting-rate rule in the composer. Why here: the
// composer can only count its own outbox (what this device wrote), which is a good guess at what
// the relay counts (what it published); the relay counts its own records in SQL instead.
import type { OutboxEntry } from '../model/types.js';
import type { RecentActivity } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Posts, comments and messages in `entries` created in the hour and the day before `now`, not
 * withdrawn, leaving out `exclude` (the entry being edited, if any).
 */
export function recentActivity(entries: readonly OutboxEntry[], now: number, exclude?: string): RecentActivity {
  let lastHour = 0;
  let lastDay = 0;
  for (const e of entries) {
    if (e.type !== 'post' && e.type !== 'comment' && e.type !== 'message') continue;
    if (e.retracted || e.id === exclude) continue;
    const age = now - e.createdAt;
    if (age < 0 || age >= DAY) continue;
    lastDay++;
    if (age < HOUR) lastHour++;
  }
  return { lastHour, lastDay };
}
