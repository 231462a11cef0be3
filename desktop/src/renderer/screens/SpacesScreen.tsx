// The catalogue (the UI engineer's SpaceCatalogue): join a public space, ask to join a private one,
// withdraw a waiting request, leave. Each is an outbox entry (core's writers); the relay carries it
// out and answers through the inbox, and data/membership.ts shows the person's own click in place
// until it has.
import { useMemo } from 'react';
import type { SpaceMeta } from '@hearth/core';
import { SpaceCatalogue } from '../components/SpaceCatalogue.js';
import { membershipState } from '../data/membership.js';
import { useServices } from '../hooks/services-context.js';
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useInbox, useOutbox } from '../hooks/use-data.js';
import { navigate } from '../hooks/use-route.js';
import { text } from './strings.js';
import { useUnreadCounts } from '../hooks/use-unread.js';

export function SpacesScreen() {
  const { me } = useServices();
  const catalogue = useCatalogue();
  const unread = useUnreadCounts();
  const inbox = useInbox();
  const outbox = useOutbox();
  const actions = useActions();
  const facilitatorOf = useMemo(() => new Set(catalogue.filter((s) => s.facilitators.includes(me)).map((s) => s.id)), [catalogue, me]);
  const membershipOf = useMemo(() => (space: SpaceMeta) => membershipState(space.id, space.visibility, me, inbox, outbox), [me, inbox, outbox]);
  return (
    <section className="screen screen-spaces" aria-label={text.spaces.title}>
      <SpaceCatalogue
        spaces={catalogue}
        membershipOf={membershipOf}
        facilitatorOf={facilitatorOf}
        onOpen={(space) => navigate({ name: 'space', space })}
        onJoin={(space) => void actions.join(space)}
        onLeave={(space) => void actions.leave(space)}
        onWithdraw={(request) => void actions.retract(request)}
        unreadOf={(space) => unread.bySpace.get(space) ?? 0}
      />
    </section>
  );
}
