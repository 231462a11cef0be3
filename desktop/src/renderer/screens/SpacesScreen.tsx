// The catalogue: public and private spaces; join a public one, ask to join a private one. Both are
// a join request in the outbox (`writeJoinRequest`); the relay decides and answers in the inbox.
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useInbox, useOutbox } from '../hooks/use-data.js';
import { href } from '../hooks/use-route.js';
import { text } from './strings.js';
import type { SpaceMeta } from '@hearth/core';

export function SpacesScreen() {
  const catalogue = useCatalogue();
  const inbox = useInbox();
  const outbox = useOutbox();
  const actions = useActions();
  const requested = new Set(outbox.flatMap((e) => (e.type === 'join' && !e.retracted ? [e.space] : [])));
  const member = new Set(inbox.memberships);
  const row = (s: SpaceMeta) => {
    const isMember = s.visibility === 'public' ? requested.has(s.id) || member.has(s.id) : member.has(s.id);
    const readable = s.visibility === 'public' || member.has(s.id);
    return (
      <li key={s.id} className="space-row" data-space={s.id}>
        <div>
          {readable ? <a href={href({ name: 'space', space: s.id })}>{s.name}</a> : <span>{s.name}</span>}
          <p>{s.description}</p>
        </div>
        {isMember ? (
          <span className="badge">{text.spaces.member}</span>
        ) : requested.has(s.id) ? (
          <span className="badge">{text.spaces.requested}</span>
        ) : (
          <button type="button" onClick={() => void actions.join(s.id)}>
            {s.visibility === 'public' ? text.spaces.join : text.spaces.requestJoin}
          </button>
        )}
      </li>
    );
  };
  const pub = catalogue.filter((s) => s.visibility === 'public');
  const priv = catalogue.filter((s) => s.visibility !== 'public');
  return (
    <section className="screen screen-spaces" aria-labelledby="spaces-title">
      <h1 id="spaces-title">{text.spaces.title}</h1>
      {catalogue.length === 0 && <p>{text.spaces.none}</p>}
      {pub.length > 0 && (
        <>
          <h2>{text.spaces.public}</h2>
          <ul className="space-list">{pub.map(row)}</ul>
        </>
      )}
      {priv.length > 0 && (
        <>
          <h2>{text.spaces.private}</h2>
          <ul className="space-list">{priv.map(row)}</ul>
        </>
      )}
    </section>
  );
}
