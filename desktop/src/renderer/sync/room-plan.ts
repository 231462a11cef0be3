// Which rooms the app keeps open: everything the person can read, so it is all on this device
// when the network goes. Pure, so the rules are tested without a relay.
//   always: own outbox and inbox, directory, policy, spaces (catalogue), recognition (its settings say
//           whether the app shows recognition at all)
//   spaces: every public space in the catalogue, plus private / secret memberships from the inbox,
//           each with its recent time buckets and the older ones the person opened
//   dms:    conversations named in own outbox messages, plus the conversations the relay lists in
//           the person's inbox (how a colleague's new conversation reaches them)
import type { InboxView, OutboxEntry, PersonId, SpaceMeta } from '@hearth/core';

export interface RoomPlanInput {
  me: PersonId;
  catalogue: readonly SpaceMeta[];
  inbox: InboxView;
  outbox: readonly OutboxEntry[];
  /** Conversations the relay lists in the person's inbox. */
  inboxConversations?: readonly string[];
  /** Conversations opened in this session (e.g. a link), kept open too. */
  extraConversations?: readonly string[];
  /** The time-bucket rooms kept of a space (sync/bucket-shelf.ts): the recent months and those opened. */
  bucketRooms?: (space: string) => readonly string[];
}

export function planRooms({ me, catalogue, inbox, outbox, inboxConversations = [], extraConversations = [], bucketRooms = () => [] }: RoomPlanInput): string[] {
  const rooms = new Set<string>([`outbox/${me}`, `inbox/${me}`, 'directory', 'policy', 'spaces', 'recognition']);
  // A space is its document (meta, members, the bucket index) and its time buckets kept on this device.
  for (const space of readableSpaces(catalogue, inbox)) {
    rooms.add(`space/${space}`);
    for (const bucket of bucketRooms(space)) rooms.add(bucket);
  }
  for (const entry of outbox) if (entry.type === 'message') rooms.add(`dm/${entry.conversation}`);
  for (const c of inboxConversations) rooms.add(`dm/${c}`);
  for (const c of extraConversations) rooms.add(`dm/${c}`);
  return [...rooms];
}

/**
 * Spaces on the person's Home feed: company news (every employee follows it) and the spaces they are
 * a member of — joined public ones and private ones. Other public spaces are read on their own page
 * and found by search, but do not fill Home: joining is what puts a space there.
 */
export function followedSpaces(catalogue: readonly SpaceMeta[], inbox: InboxView): string[] {
  const ids = new Set<string>();
  for (const s of catalogue) if (s.visibility === 'public' && s.kind === 'news') ids.add(s.id);
  for (const s of inbox.memberships) ids.add(s);
  return [...ids];
}

/** Spaces the person reads (for search and a person's page). */
export function readableSpaces(catalogue: readonly SpaceMeta[], inbox: InboxView): string[] {
  const ids = new Set<string>();
  for (const s of catalogue) if (s.visibility === 'public') ids.add(s.id);
  for (const s of inbox.memberships) ids.add(s);
  return [...ids];
}
