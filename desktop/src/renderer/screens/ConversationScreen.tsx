// One direct conversation (the UI engineer's ConversationView). Its composer slot takes ours:
// the draft is kept per conversation and the policy gate applies.
import { useMemo } from 'react';
import { ConversationView } from '../components/ConversationView.js';
import { useActions } from '../hooks/use-actions.js';
import { useComposerData } from '../hooks/use-composer-data.js';
import { useConversation, useDirectory, useNameOf } from '../hooks/use-data.js';
import { navigate } from '../hooks/use-route.js';
import { useServices } from '../hooks/services-context.js';
import { DraftedComposer } from './DraftedComposer.js';
import { text } from './strings.js';

export function ConversationScreen({ conversationId }: { conversationId: string }) {
  const { me } = useServices();
  const { view, status } = useConversation(conversationId);
  const nameOf = useNameOf();
  const directory = useDirectory();
  const { evaluateDraft } = useComposerData();
  const actions = useActions();
  const people = useMemo(() => [...directory.values()].filter((p) => p.status === 'active'), [directory]);
  if (status.connection === 'denied' && view.messages.length === 0) return <p role="alert">{text.notAllowed}</p>;
  return (
    <section className="screen screen-conversation" aria-label={text.messages.title}>
      <ConversationView
        conversation={view}
        me={me}
        nameOf={nameOf}
        people={people}
        evaluateDraft={evaluateDraft}
        onSend={(body) => void actions.message({ conversation: conversationId, body })}
        onReport={(target, reason) => void actions.report({ space: null, target, reason })}
        onOpenPerson={(person) => navigate({ name: 'person', person })}
        writeBlocker={
          <DraftedComposer
            draftKey={`dm:${conversationId}`}
            mode="message"
            space={null}
            onSend={(v) => actions.message({ conversation: conversationId, body: v.body }).then(() => undefined)}
          />
        }
      />
    </section>
  );
}
