// A room's document, a view computed from it, and its connection status. The view is recomputed
// when the document changes (at most once per frame, see room-hub.ts).
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { Room, RoomStatus } from '../sync/room-hub.js';
import { cachedView } from '../data/view-cache.js';
import { useServices } from './services-context.js';
import { useObservable } from './use-observable.js';

export function useRoom(name: string): Room {
  const { hub } = useServices();
  // Opening is idempotent; the room plan keeps it open for the session.
  return useMemo(() => hub.open(name), [hub, name]);
}

export function useRoomView<T>(name: string, read: (doc: Y.Doc) => T): { view: T; status: RoomStatus } {
  const room = useRoom(name);
  const version = useObservable(room.version);
  const status = useObservable(room.status);
  // `read` is a module-level function: with the version it keys the shared cache.
  const view = useMemo(() => cachedView(room.doc, version, read), [room, version, read]);
  return { view, status };
}
