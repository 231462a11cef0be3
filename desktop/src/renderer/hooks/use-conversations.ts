// Every conversation known on this device, overlaid with the person's own messages, newest first.
import { useMemo } from 'react';
import type { ConversationView } from '@hearth/core';
import { conversationView, overlayDm } from '../data/model.js';
import { useServices } from './services-context.js';
import { useInbox, useOutbox } from './use-data.js';
import { useConversationIds } from './use-room-plan.js';
import { useRoomVersions, useRooms } from './use-rooms.js';

export function useConversations(): ConversationView[] {
  const { me } = useServices();
  const ids = useConversationIds();
  const outbox = useOutbox();
  const inbox = useInbox();
  const rooms = useRooms(ids.map((id) => `dm/${id}`));
  const versions = useRoomVersions(rooms);
  return useMemo(() => {
    void versions;
    return rooms
      .map((room) => overlayDm(conversationView(room.doc), outbox, inbox, me, room.name.slice('dm/'.length)))
      .sort((a, b) => (b.messages.at(-1)?.createdAt ?? b.createdAt ?? 0) - (a.messages.at(-1)?.createdAt ?? a.createdAt ?? 0));
  }, [rooms, versions, outbox, inbox, me]);
}
