// Several spaces at once (home feed, search sources, a person's page). Hooks cannot be called in
// a loop, so this subscribes to every room's version at once and recomputes a space's view only
// when that space changed.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { PostView, SpaceView } from '@hearth/core';
import { overlaySpace, spaceView } from '../data/model.js';
import { cachedView } from '../data/view-cache.js';
import { useServices } from './services-context.js';
import { useInbox, useOutbox } from './use-data.js';

export function useSpaceViews(spaceIds: readonly string[]): Map<string, SpaceView> {
  const { hub, me } = useServices();
  const key = spaceIds.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids' contents
  const rooms = useMemo(() => spaceIds.map((id) => hub.open(`space/${id}`)), [hub, key]);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = rooms.map((r) => r.version.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
    [rooms],
  );
  const snapshot = useCallback(() => rooms.map((r) => r.version.get()).join(','), [rooms]);
  const versions = useSyncExternalStore(subscribe, snapshot, snapshot);
  const outbox = useOutbox();
  const inbox = useInbox();
  return useMemo(() => {
    const out = new Map<string, SpaceView>();
    const parsed = versions.split(',');
    rooms.forEach((room, i) => {
      const version = Number(parsed[i] ?? 0);
      const id = room.name.slice('space/'.length);
      out.set(id, overlaySpace(cachedView(room.doc, version, spaceView), outbox, inbox, me, id));
    });
    return out;
  }, [versions, rooms, outbox, inbox, me]);
}

/** Posts across spaces, newest first. */
export function mergeFeeds(views: Map<string, SpaceView>): PostView[] {
  const all: PostView[] = [];
  for (const v of views.values()) all.push(...v.posts);
  return all.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

/** Whether every one of these rooms has applied its locally stored state. */
export function useRoomsLoaded(names: readonly string[]): boolean {
  const { hub } = useServices();
  const key = names.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the names' contents
  const rooms = useMemo(() => names.map((n) => hub.open(n)), [hub, key]);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = rooms.map((r) => r.loaded.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
    [rooms],
  );
  const snapshot = useCallback(() => rooms.every((r) => r.loaded.get()), [rooms]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
