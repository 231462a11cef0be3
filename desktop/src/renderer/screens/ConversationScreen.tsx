// One direct conversation (the UI engineer's ConversationView). Its composer slot takes ours:
// the draft is kept per conversation and the policy gate applies.
import { useEffect, useMemo } from 'react';
import { ConversationView } from '../components/ConversationView.js';
import { useActions } from '../hooks/use-actions.js';
import { useComposerData } from '../hooks/use-composer-data.js';
import { useConversation, useDirectory, useNameOf } from '../hooks/use-data.js';
import { navigate } from '../hooks/use-route.js';
import { useServices } from '../hooks/services-context.js';
import { DraftedComposer } from './DraftedComposer.js';
import { text } from './strings.js';
import { useFocusItem } from '../hooks/use-focus-item.js';
import { useNotificationSettings } from '../hooks/use-notification-settings.js';
import { useReadState } from '../hooks/use-read-state.js';

export function ConversationScreen({ conversationId, focus }: { conversationId: string; focus?: string }) {
  const { me, files } = useServices();
  const { view, status } = useConversation(conversationId);
  const nameOf = useNameOf();
  const directory = useDirectory();
  const { evaluateDraft } = useComposerData();
  const actions = useActions();
  const people = useMemo(() => [...directory.values()].filter((p) => p.status === 'active'), [directory]);
  const { settings, setMuted } = useNotificationSettings();
  const muted = settings.muted.includes(conversationId);
  const { markRead } = useReadState();
  // Reading the conversation reads its messages (the unread count in the navigation goes down).
  useEffect(() => markRead(view.messages.map((m) => m.id)), [view.messages, markRead]);
  useFocusItem(focus, view.messages.length);
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
        onEdit={(id, body) => void actions.edit(id, { body })}
        onWithdraw={(id) => void actions.retract(id)}
        muted={muted}
        onToggleMute={() => void setMuted(conversationId, !muted)}
        writeBlocker={
          <DraftedComposer
            draftKey={`dm:${conversationId}`}
            mode="message"
            space={null}
            attachments
            onSend={async (v) => {
              const attachments = v.files === undefined ? [] : await files.keep(v.files, `dm/${conversationId}`);
              await actions.message({ conversation: conversationId, body: v.body, ...(attachments.length > 0 ? { attachments } : {}) });
            }}
          />
        }
      />
    </section>
  );
}
