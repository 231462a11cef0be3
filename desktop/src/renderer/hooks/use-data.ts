// The shared documents as the screens see them, each through core's read-only views. Small hooks,
// one per document kind; the overlay of the person's own outbox is applied here, once.
import { useMemo } from 'react';
import type { BucketSummary, ConversationView, DirectoryRecord, InboxView, OutboxEntry, SpaceMeta, SpaceView } from '@hearth/core';
import {
  EMPTY_INBOX,
  catalogueView,
  conversationView,
  directoryView,
  inboxConversationIds,
  inboxView,
  nameOf as nameFromRecord,
  outboxView,
  overlayDm,
  bucketIndexView,
} from '../data/model.js';
import { useSpaceViews } from './use-spaces.js';
import { policyView, type Policy } from '../data/policy.js';
import type { RoomStatus } from '../sync/room-hub.js';
import { useServices } from './services-context.js';
import { useRoomView } from './use-room.js';

export function useOutbox(): OutboxEntry[] {
  const { me } = useServices();
  return useRoomView(`outbox/${me}`, outboxView).view;
}

export function useInbox(): InboxView {
  const { me } = useServices();
  return useRoomView(`inbox/${me}`, inboxView).view ?? EMPTY_INBOX;
}

export function useInboxConversationIds(): string[] {
  const { me } = useServices();
  return useRoomView(`inbox/${me}`, inboxConversationIds).view;
}

export function useDirectory(): Map<string, DirectoryRecord> {
  return useRoomView('directory', directoryView).view;
}

/** The display name of a person, from the directory (never typed by anyone). */
export function useNameOf(): (id: string) => string {
  const directory = useDirectory();
  return useMemo(() => (id: string) => nameFromRecord(directory.get(id), id), [directory]);
}

export function useCatalogue(): SpaceMeta[] {
  return useRoomView('spaces', catalogueView).view;
}

export function usePolicy(): Policy | null {
  return useRoomView('policy', policyView).view;
}

/** One space across the time buckets kept on this device (use-spaces.ts), with its document's connection status. */
export function useSpace(spaceId: string): { view: SpaceView; status: RoomStatus } {
  const { status } = useRoomView(`space/${spaceId}`, bucketIndexView);
  const views = useSpaceViews(useMemo(() => [spaceId], [spaceId]));
  return { view: views.get(spaceId)!, status };
}

/** The space's index of time buckets (what "Older posts" offers). */
export function useBucketIndex(spaceId: string): BucketSummary[] {
  return useRoomView(`space/${spaceId}`, bucketIndexView).view;
}

export function useConversation(conversationId: string): { view: ConversationView; status: RoomStatus } {
  const { me } = useServices();
  const { view, status } = useRoomView(`dm/${conversationId}`, conversationView);
  const outbox = useOutbox();
  const inbox = useInbox();
  const overlaid = useMemo(() => overlayDm(view, outbox, inbox, me, conversationId), [view, outbox, inbox, me, conversationId]);
  return { view: overlaid, status };
}
