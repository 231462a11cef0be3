// Keeps every readable room open for the session (see sync/room-plan.ts for the rules), so the
// device holds everything the person can read when the network goes.
import { useEffect, useMemo } from 'react';
import { followedSpaces, planRooms, readableSpaces } from '../sync/room-plan.js';
import { useServices } from './services-context.js';
import { useObservable } from './use-observable.js';
import { useCatalogue, useInbox, useInboxConversationIds, useOutbox } from './use-data.js';

export function useRoomPlan(): void {
  const { hub, me, buckets } = useServices();
  const opened = useObservable(buckets.opened);
  const catalogue = useCatalogue();
  const inbox = useInbox();
  const outbox = useOutbox();
  const inboxConversations = useInboxConversationIds();
  const rooms = useMemo(
    () => planRooms({ me, catalogue, inbox, outbox, inboxConversations, bucketRooms: (space) => buckets.rooms(space) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `opened` is what changes buckets.rooms
    [me, catalogue, inbox, outbox, inboxConversations, buckets, opened],
  );
  useEffect(() => {
    for (const room of rooms) hub.open(room);
  }, [hub, rooms]);
  // A space one was refused (not yet a member) opens once the relay lists the membership.
  useEffect(() => {
    for (const space of inbox.memberships) for (const room of [`space/${space}`, ...buckets.rooms(space)]) hub.readmit(room);
  }, [hub, inbox.memberships, buckets]);
}

/** The ids of the spaces the person reads: public ones plus memberships. */
export function useReadableSpaceIds(): string[] {
  const catalogue = useCatalogue();
  const inbox = useInbox();
  const ids = readableSpaces(catalogue, inbox);
  const key = ids.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- stable while the list is the same
  return useMemo(() => ids, [key]);
}

/** Conversation ids known on this device: from own messages and from the inbox. */
export function useConversationIds(): string[] {
  const outbox = useOutbox();
  const fromInbox = useInboxConversationIds();
  const fromOutbox = outbox.flatMap((e) => (e.type === 'message' ? [e.conversation] : []));
  const ids = [...new Set([...fromInbox, ...fromOutbox])];
  const key = ids.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- stable while the list is the same
  return useMemo(() => ids, [key]);
}

/** The ids of the spaces on Home: company news plus memberships (sync/room-plan.ts). */
export function useFollowedSpaceIds(): string[] {
  const catalogue = useCatalogue();
  const inbox = useInbox();
  const ids = followedSpaces(catalogue, inbox);
  const key = ids.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- stable while the list is the same
  return useMemo(() => ids, [key]);
}
