// Every conversation known on this device, overlaid with the person's own messages, newest first.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ConversationView } from '@hearth/core';
import { conversationView, overlayDm } from '../data/model.js';
import { useServices } from './services-context.js';
import { useInbox, useOutbox } from './use-data.js';
import { useConversationIds } from './use-room-plan.js';

export function useConversations(): ConversationView[] {
  const { hub, me } = useServices();
  const ids = useConversationIds();
  const outbox = useOutbox();
  const inbox = useInbox();
  const rooms = useMemo(() => ids.map((id) => hub.open(`dm/${id}`)), [hub, ids]);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = rooms.map((r) => r.version.subscribe(listener));
      return () => offs.forEach((off) => off());
    },
    [rooms],
  );
  const snapshot = useCallback(() => rooms.map((r) => r.version.get()).join(','), [rooms]);
  const versions = useSyncExternalStore(subscribe, snapshot, snapshot);
  return useMemo(() => {
    void versions;
    return rooms
      .map((room) => overlayDm(conversationView(room.doc), outbox, inbox, me, room.name.slice('dm/'.length)))
      .sort((a, b) => (b.messages.at(-1)?.createdAt ?? b.createdAt ?? 0) - (a.messages.at(-1)?.createdAt ?? a.createdAt ?? 0));
  }, [rooms, versions, outbox, inbox, me]);
}
