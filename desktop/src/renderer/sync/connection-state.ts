// The one connection state the person sees for the whole app, derived from every room's state:
// offline (no network, or the browser says so), reconnecting (some room lost or has not reached
// the relay yet), online (every reachable room is connected). Rooms the relay refused for good
// (not allowed, not found) do not count: they are shown where they are used.
import type { RoomConnection } from './room-hub.js';

export type AppConnection = 'online' | 'offline' | 'reconnecting';

export function aggregateConnection(browserOnline: boolean, rooms: readonly RoomConnection[]): AppConnection {
  if (!browserOnline) return 'offline';
  const live = rooms.filter((c) => c !== 'denied' && c !== 'not-found' && c !== 'too-large');
  if (live.length === 0) return 'reconnecting';
  if (live.every((c) => c === 'online')) return 'online';
  if (live.every((c) => c === 'offline')) return 'offline';
  return 'reconnecting';
}
