// Several spaces at once (home feed, search sources, a person's page): one subscription over every
// room (use-rooms.ts), and a space's view recomputed only when that space changed (view cache).
import { useMemo } from 'react';
import type { PostView, SpaceView } from '@hearth/core';
import { overlaySpace, spaceView } from '../data/model.js';
import { cachedView } from '../data/view-cache.js';
import { useServices } from './services-context.js';
import { useRoomVersions, useRooms } from './use-rooms.js';
import { useInbox, useOutbox } from './use-data.js';

export function useSpaceViews(spaceIds: readonly string[]): Map<string, SpaceView> {
  const { me } = useServices();
  const rooms = useRooms(spaceIds.map((id) => `space/${id}`));
  const versions = useRoomVersions(rooms);
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
