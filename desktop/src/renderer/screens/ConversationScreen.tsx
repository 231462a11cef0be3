// One direct conversation: messages oldest first, own unpublished ones marked, a composer.
import { Markdown } from '../components/Markdown.js';
import { StatusMark } from '../components/StatusMark.js';
import { TimeText } from '../components/TimeText.js';
import { useActions } from '../hooks/use-actions.js';
import { useConversation, useNameOf } from '../hooks/use-data.js';
import { useServices } from '../hooks/services-context.js';
import { DraftedComposer } from './DraftedComposer.js';
import { ReportButton } from './ReportButton.js';
import { text } from './strings.js';

export function ConversationScreen({ conversationId }: { conversationId: string }) {
  const { me } = useServices();
  const { view, status } = useConversation(conversationId);
  const nameOf = useNameOf();
  const actions = useActions();
  const title = text.messages.with(view.participants.filter((p) => p !== me).map(nameOf).join(', ') || '…');
  if (status.connection === 'denied' && view.messages.length === 0) return <p role="alert">{text.notAllowed}</p>;
  return (
    <section className="screen screen-conversation" aria-labelledby="conversation-title">
      <h1 id="conversation-title">{title}</h1>
      <ol className="message-list" aria-live="polite">
        {view.messages.map((m) => (
          <li key={m.id} className={`message${m.authorId === me ? ' is-mine' : ''}${m.pending ? ` is-${m.pending}` : ''}`}>
            <span className="message-author">{nameOf(m.authorId)}</span> <TimeText at={m.createdAt} />
            {m.pending && <StatusMark mark={m.pending} />}
            <Markdown source={m.body} nameOf={nameOf} />
            {m.authorId !== me && <ReportButton space={null} target={m.id} />}
          </li>
        ))}
      </ol>
      <DraftedComposer
        draftKey={`dm:${conversationId}`}
        mode="message"
        space={null}
        onSend={(v) => actions.message({ conversation: conversationId, body: v.body }).then(() => undefined)}
      />
    </section>
  );
}
