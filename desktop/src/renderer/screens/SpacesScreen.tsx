// The catalogue (the UI engineer's SpaceCatalogue): join a public space, ask to join a private
// one. Both are a join request in the outbox (`writeJoinRequest`); the relay decides and answers
// through the inbox (memberships, notices).
import { useMemo } from 'react';
import { SpaceCatalogue } from '../components/SpaceCatalogue.js';
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useInbox, useOutbox } from '../hooks/use-data.js';
import { navigate } from '../hooks/use-route.js';
import { text } from './strings.js';

export function SpacesScreen() {
  const catalogue = useCatalogue();
  const inbox = useInbox();
  const outbox = useOutbox();
  const actions = useActions();
  const { memberOf, requested } = useMemo(() => {
    const joined = new Set(outbox.flatMap((e) => (e.type === 'join' && !e.retracted ? [e.space] : [])));
    const members = new Set(inbox.memberships);
    const publicIds = new Set(catalogue.filter((s) => s.visibility === 'public').map((s) => s.id));
    // A public space one asked to join counts as joined; a private one waits for a facilitator.
    for (const id of joined) if (publicIds.has(id)) members.add(id);
    const waiting = new Set([...joined].filter((id) => !members.has(id)));
    return { memberOf: members, requested: waiting };
  }, [catalogue, inbox, outbox]);
  return (
    <section className="screen screen-spaces" aria-label={text.spaces.title}>
      <SpaceCatalogue
        spaces={catalogue}
        memberOf={memberOf}
        requested={requested}
        onOpen={(space) => navigate({ name: 'space', space })}
        onJoin={(space) => void actions.join(space)}
        onRequestJoin={(space) => void actions.join(space)}
      />
    </section>
  );
}
