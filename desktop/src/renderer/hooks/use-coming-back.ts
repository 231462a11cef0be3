// Coming back after days away: when the app opens, how long since the person last had it open on
// this device (notify/last-seen.ts), kept fresh by a heartbeat while it runs; and how far the sync
// of what they missed has got (rooms synced of the rooms open), for the progress indicator.
import { useEffect, useState } from 'react';
import { AWAY_MS } from '../notify/digest.js';
import { readLastSeen, writeLastSeen } from '../notify/last-seen.js';
import { useServices } from './services-context.js';
import { useObservable } from './use-observable.js';

const HEARTBEAT_MS = 60_000;
/** Away at least this long, the sync of what was missed shows its progress. */
export const LONG_GAP_MS = 6 * 60 * 60 * 1000;

export interface ComingBack {
  /** When the person was last here, if it was long enough ago for a digest; null otherwise. */
  awaySince: number | null;
  /** The gap since the last visit was long (the catch-up indicator may show). */
  longGap: boolean;
  dismiss(): void;
}

export function useComingBack(): ComingBack {
  const { me } = useServices();
  const [start] = useState(() => {
    const now = Date.now();
    const previous = readLastSeen(me);
    writeLastSeen(me, now);
    return { gap: previous === null ? 0 : now - previous, previous };
  });
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    const beat = () => writeLastSeen(me, Date.now());
    const timer = setInterval(beat, HEARTBEAT_MS);
    window.addEventListener('pagehide', beat);
    document.addEventListener('visibilitychange', beat);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', beat);
      document.removeEventListener('visibilitychange', beat);
      beat();
    };
  }, [me]);
  return {
    awaySince: !dismissed && start.previous !== null && start.gap >= AWAY_MS ? start.previous : null,
    longGap: start.gap >= LONG_GAP_MS,
    dismiss: () => setDismissed(true),
  };
}

/** Rooms open on this device, and how many of them have synced with the relay since the app opened. */
export function useSyncProgress(): { done: number; total: number } {
  const { hub } = useServices();
  useObservable(hub.statusTick);
  // Rooms refused by the relay never sync; they are not part of what is being caught up.
  const rooms = hub.list().filter((r) => !['denied', 'not-found', 'too-large', 'unauthorized'].includes(r.status.get().connection));
  return { done: rooms.filter((r) => r.status.get().synced).length, total: rooms.length };
}
