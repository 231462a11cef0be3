// Where the person stands with one space, as the space page and the catalogue show it. Why a pure
// function over the outbox and the inbox: the relay's word (inbox memberships and join requests) is
// the truth, but it arrives later than the person's own click — offline, much later — so the
// person's newest join or leave entry is shown in place until the relay has answered it.
import type { EntryId, InboxView, OutboxEntry, PersonId, SpaceId, SpaceVisibility } from '@hearth/core';

export type MembershipState =
  | { kind: 'member' }
  | { kind: 'none' }
  /** A request waits for a facilitator (or for the relay); `request` is its entry id, for withdrawing. */
  | { kind: 'pending'; request: EntryId }
  | { kind: 'declined'; request: EntryId };

export function membershipState(
  space: SpaceId,
  visibility: SpaceVisibility,
  me: PersonId,
  inbox: InboxView,
  outbox: readonly OutboxEntry[],
): MembershipState {
  const member = inbox.memberships.includes(space);
  const own = outbox
    .filter((e) => (e.type === 'join' || e.type === 'leave') && e.space === space)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const last = own.at(-1);
  // A refused entry (daily cap, say) changes nothing: the relay's state stands.
  if (last === undefined || inbox.statuses[last.id]?.state === 'rejected') return member ? { kind: 'member' } : { kind: 'none' };
  if (last.type === 'leave' || last.retracted) return { kind: 'none' };
  if (member) return { kind: 'member' };
  const request = inbox.joinRequests[last.id];
  const answered = inbox.statuses[last.id] !== undefined;
  if (answered && (visibility === 'public' || request === undefined)) return { kind: 'none' }; // carried out, then undone by an admin
  if (request === undefined || request.person !== me) {
    // Not answered yet: a public space is joined at once, a private one waits for a facilitator.
    return visibility === 'public' ? { kind: 'member' } : { kind: 'pending', request: last.id };
  }
  if (request.state === 'pending') return { kind: 'pending', request: request.id };
  if (request.state === 'declined') return { kind: 'declined', request: request.id };
  return { kind: 'none' };
}
