// Several spaces at once (home feed, search sources, a person's page, one space's screen): one
// subscription over every room — each space's document and the time buckets this device keeps of it
// (sync/bucket-shelf.ts) — and a space's view recomputed only when one of its rooms changed.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { PostView, SpaceView } from '@hearth/core';
import { overlaySpace, spaceViewAcross } from '../data/model.js';
import { useServices } from './services-context.js';
import { useObservable } from './use-observable.js';
import { useRoomVersions, useRooms } from './use-rooms.js';
import { useInbox, useOutbox } from './use-data.js';

/** The last view of each space document, with the rooms and versions it was read at. */
const across = new WeakMap<Y.Doc, { key: string; view: SpaceView }>();

function cachedAcross(spaceDoc: Y.Doc, buckets: readonly Y.Doc[], key: string): SpaceView {
  const hit = across.get(spaceDoc);
  if (hit?.key === key) return hit.view;
  const view = spaceViewAcross(spaceDoc, buckets);
  across.set(spaceDoc, { key, view });
  return view;
}

/** The room names of each space: its document first, then the buckets kept. */
export function useSpaceRoomNames(spaceIds: readonly string[]): string[][] {
  const { buckets } = useServices();
  const opened = useObservable(buckets.opened);
  const key = spaceIds.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids' contents and the shelf
  return useMemo(() => spaceIds.map((id) => [`space/${id}`, ...buckets.rooms(id)]), [key, opened, buckets]);
}

export function useSpaceViews(spaceIds: readonly string[]): Map<string, SpaceView> {
  const { me } = useServices();
  const groups = useSpaceRoomNames(spaceIds);
  const rooms = useRooms(useMemo(() => groups.flat(), [groups]));
  const versions = useRoomVersions(rooms);
  const outbox = useOutbox();
  const inbox = useInbox();
  return useMemo(() => {
    const out = new Map<string, SpaceView>();
    const parsed = versions.split(',');
    let at = 0;
    groups.forEach((names, i) => {
      const group = rooms.slice(at, at + names.length);
      const key = names.map((n, j) => `${n}@${parsed[at + j] ?? 0}`).join(' ');
      at += names.length;
      const [space, ...buckets] = group;
      if (space === undefined) return;
      const id = spaceIds[i]!;
      out.set(id, overlaySpace(cachedAcross(space.doc, buckets.map((b) => b.doc), key), outbox, inbox, me, id));
    });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- spaceIds is reflected in groups
  }, [versions, rooms, groups, outbox, inbox, me]);
}

/** Posts across spaces, newest first. */
export function mergeFeeds(views: Map<string, SpaceView>): PostView[] {
  const all: PostView[] = [];
  for (const v of views.values()) all.push(...v.posts);
  return all.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}
