// When the person last had the app open on this device (localStorage, per person): a heartbeat
// while the app runs, read once when it opens. Why local: "while you were away" is about this
// device's copy — what it has not shown yet — not about other devices.
const key = (me: string) => `hearth.lastSeen.${me}`;
const horizonKey = (me: string) => `hearth.readSince.${me}`;

export function readLastSeen(me: string): number | null {
  const v = Number(localStorage.getItem(key(me)));
  return Number.isFinite(v) && v > 0 ? v : null;
}

export function writeLastSeen(me: string, at: number): void {
  localStorage.setItem(key(me), String(at));
}

/** How far before the first opening on this device items still count as unread (a message of yesterday does). */
const FIRST_OPEN_LOOKBACK_MS = 3 * 24 * 60 * 60 * 1000;

/** The read horizon: items older than (the first time the person opened the app here − 3 days) count as read. */
export function readHorizon(me: string, now: number): number {
  const v = Number(localStorage.getItem(horizonKey(me)));
  if (Number.isFinite(v) && v > 0) return v;
  const horizon = now - FIRST_OPEN_LOOKBACK_MS;
  localStorage.setItem(horizonKey(me), String(horizon));
  return horizon;
}
