// What this person may post in a space: core's postingRights, the very rule validateEntry applies on
// the relay, asked with what this device knows (the person's directory record, the catalogue entry,
// the space's members and the person's memberships from their inbox). The screen offers a composer
// and the kinds only when the relay would accept them, and says why not otherwise.
import { useMemo } from 'react';
import { postingRights, type PersonId, type PostingRights, type SpaceMeta } from '@hearth/core';
import { useServices } from './services-context.js';
import { useDirectory, useInbox } from './use-data.js';

/** null while the person's record or the space is not on this device yet: offer nothing, say nothing. */
export function usePostingRights(meta: SpaceMeta | undefined, members: readonly PersonId[]): PostingRights | null {
  const { me } = useServices();
  const author = useDirectory().get(me) ?? null;
  const memberships = useInbox().memberships;
  return useMemo(() => {
    if (author === null || meta === undefined) return null;
    // The space document lists members once synced; the inbox says so sooner (just approved, say).
    const known = memberships.includes(meta.id) && !members.includes(me) ? [...members, me] : members;
    return postingRights(author, { id: meta.id, meta, members: known });
  }, [author, meta, members, memberships, me]);
}
