// Several rooms at once. Hooks cannot be called in a loop, so these open a list of rooms (keyed by
// the names' contents, not the array's identity) and subscribe to one observable of each at once.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Observable } from '../data/observable.js';
import type { Room } from '../sync/room-hub.js';
import { useServices } from './services-context.js';

export function useRooms(names: readonly string[]): Room[] {
  const { hub } = useServices();
  const key = names.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the names' contents
  return useMemo(() => names.map((n) => hub.open(n)), [hub, key]);
}

/**
 * A snapshot over one observable of every room, recomputed when any of them changes. The snapshot
 * is a primitive so that useSyncExternalStore can compare it with Object.is.
 */
export function useRoomsSnapshot<T, S extends string | number | boolean>(rooms: readonly Room[], pick: (room: Room) => Observable<T>, snapshotOf: (values: T[]) => S): S {
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = rooms.map((r) => pick(r).subscribe(listener));
      return () => offs.forEach((off) => off());
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `pick` and `snapshotOf` are fixed per call site
    [rooms],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const snapshot = useCallback(() => snapshotOf(rooms.map((r) => pick(r).get())), [rooms]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The rooms' document versions joined, so a memo can depend on "any of these changed". */
export function useRoomVersions(rooms: readonly Room[]): string {
  return useRoomsSnapshot(rooms, (r) => r.version, (vs) => vs.join(','));
}

/** Whether every room has applied its locally stored state. */
export function useRoomsLoaded(names: readonly string[]): boolean {
  return useRoomsSnapshot(useRooms(names), (r) => r.loaded, (loaded) => loaded.every(Boolean));
}
