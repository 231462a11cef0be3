// Direct conversations: the list, and starting a new one with one or several colleagues.
import { useMemo, useState } from 'react';
import { conversationView, overlayDm } from '../data/model.js';
import { useActions } from '../hooks/use-actions.js';
import { useDirectory, useInbox, useNameOf, useOutbox } from '../hooks/use-data.js';
import { useConversationIds } from '../hooks/use-room-plan.js';
import { href, navigate } from '../hooks/use-route.js';
import { useServices } from '../hooks/services-context.js';
import { DraftedComposer } from './DraftedComposer.js';
import { text } from './strings.js';

export function MessagesScreen({ startWith = [] }: { startWith?: string[] }) {
  const { me, hub } = useServices();
  const ids = useConversationIds();
  const outbox = useOutbox();
  const inbox = useInbox();
  const nameOf = useNameOf();
  const directory = useDirectory();
  const actions = useActions();
  const [to, setTo] = useState<string[]>(startWith);
  const [composing, setComposing] = useState(startWith.length > 0);
  const conversations = useMemo(
    () =>
      ids
        .map((id) => overlayDm(conversationView(hub.open(`dm/${id}`).doc), outbox, inbox, me, id))
        .sort((a, b) => (b.messages.at(-1)?.createdAt ?? 0) - (a.messages.at(-1)?.createdAt ?? 0)),
    [ids, hub, outbox, inbox, me],
  );
  const people = [...directory.values()].filter((p) => p.id !== me && p.status === 'active');
  return (
    <section className="screen screen-messages" aria-labelledby="messages-title">
      <header className="screen-header">
        <h1 id="messages-title">{text.messages.title}</h1>
        <button type="button" className="button-primary" aria-expanded={composing} onClick={() => setComposing((c) => !c)}>
          {text.messages.newConversation}
        </button>
      </header>
      {composing && (
        <div className="new-conversation">
          <fieldset>
            <legend>{text.messages.pickPeople}</legend>
            <ul className="people-picker">
              {people.map((p) => (
                <li key={p.id}>
                  <label>
                    <input type="checkbox" checked={to.includes(p.id)} onChange={(e) => setTo((t) => (e.currentTarget.checked ? [...t, p.id] : t.filter((x) => x !== p.id)))} />
                    {nameOf(p.id)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {to.length > 0 && (
            <DraftedComposer
              draftKey={`dm-new:${[...to].sort().join(',')}`}
              mode="message"
              space={null}
              submitLabel={text.messages.start}
              onSend={async (v) => {
                const { conversation } = await actions.message({ to, body: v.body });
                navigate({ name: 'conversation', conversation });
              }}
            />
          )}
        </div>
      )}
      {conversations.length === 0 ? (
        <p>{text.messages.none}</p>
      ) : (
        <ul className="conversation-list">
          {conversations.map((c) => (
            <li key={c.id}>
              <a href={href({ name: 'conversation', conversation: c.id })}>{text.messages.with(c.participants.filter((p) => p !== me).map(nameOf).join(', '))}</a>
              <p>{c.messages.at(-1)?.body.slice(0, 120)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
