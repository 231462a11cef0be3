// The inbox's join requests for facilitators (JoinRequestList): the waiting requests the relay lists
// in this person's inbox, answered with a join-decision entry in their outbox.
import { useMemo } from 'react';
import { JoinRequestList } from '../components/JoinRequestList.js';
import { useServices } from '../hooks/services-context.js';
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useInbox, useNameOf, useOutbox } from '../hooks/use-data.js';

export function JoinRequestSection() {
  const { me } = useServices();
  const inbox = useInbox();
  const outbox = useOutbox();
  const catalogue = useCatalogue();
  const nameOf = useNameOf();
  const actions = useActions();
  const requests = useMemo(
    () => Object.values(inbox.joinRequests).filter((r) => r.person !== me && r.state === 'pending').sort((a, b) => a.requestedAt - b.requestedAt),
    [inbox, me],
  );
  // Answered here, not yet carried out: shown as sending, so a second click does not send a second answer.
  const answered = useMemo(
    () => new Set(outbox.flatMap((e) => (e.type === 'join-decision' && inbox.statuses[e.id]?.state !== 'rejected' ? [e.request] : []))),
    [outbox, inbox],
  );
  const spaceNameOf = useMemo(() => {
    const names = new Map(catalogue.map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? id;
  }, [catalogue]);
  return (
    <JoinRequestList
      requests={requests}
      nameOf={nameOf}
      spaceNameOf={spaceNameOf}
      answered={answered}
      onDecide={(r, decision) => void actions.decideJoin({ space: r.space, request: r.id, decision })}
    />
  );
}
