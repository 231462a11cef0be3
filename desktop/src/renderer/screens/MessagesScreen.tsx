// Direct conversations (the UI engineer's ConversationList and NewConversation): the list, and
// starting a conversation with one or several colleagues; the first message creates it (a new
// conversation id is made on the client by core's writeMessage).
import { useMemo, useState } from 'react';
import { ConversationList } from '../components/ConversationList.js';
import { NewConversation } from '../components/NewConversation.js';
import { useActions } from '../hooks/use-actions.js';
import { useConversations } from '../hooks/use-conversations.js';
import { useDirectory, useNameOf } from '../hooks/use-data.js';
import { navigate } from '../hooks/use-route.js';
import { useServices } from '../hooks/services-context.js';
import { DraftedComposer } from './DraftedComposer.js';
import { text } from './strings.js';
import { NotificationPromptSlot } from './NotificationPromptSlot.js';
import { useUnreadCounts } from '../hooks/use-unread.js';

export function MessagesScreen({ startWith = [] }: { startWith?: string[] }) {
  const { me, files } = useServices();
  const conversations = useConversations();
  const unread = useUnreadCounts();
  const nameOf = useNameOf();
  const directory = useDirectory();
  const actions = useActions();
  const [picking, setPicking] = useState(startWith.length > 0);
  const [to, setTo] = useState<string[]>(startWith);
  const people = useMemo(() => [...directory.values()].filter((p) => p.status === 'active'), [directory]);
  return (
    <section className="screen screen-messages" aria-label={text.messages.title}>
      <NotificationPromptSlot />
      {picking && (
        <NewConversation
          people={people}
          me={me}
          nameOf={nameOf}
          initial={to}
          onStart={(ids) => {
            setTo(ids);
            setPicking(false);
          }}
          onCancel={() => setPicking(false)}
        />
      )}
      {!picking && to.length > 0 && (
        <section className="card" aria-label={text.messages.with(to.map(nameOf).join(', '))}>
          <h2>{text.messages.with(to.map(nameOf).join(', '))}</h2>
          <DraftedComposer
            draftKey={`dm-new:${[...to].sort().join(',')}`}
            mode="message"
            space={null}
            autoFocus
            submitLabel={text.messages.start}
            attachments
            onCancel={() => setTo([])}
            onSend={async (v) => {
              // The conversation's id is made with its first message: the files learn their room after.
              const attachments = v.files === undefined ? [] : await files.keep(v.files, null);
              const { conversation } = await actions.message({ to, body: v.body, ...(attachments.length > 0 ? { attachments } : {}) });
              if (attachments.length > 0) await files.assign(attachments, `dm/${conversation}`);
              navigate({ name: 'conversation', conversation });
            }}
          />
        </section>
      )}
      <ConversationList
        conversations={conversations}
        me={me}
        nameOf={nameOf}
        unreadCount={(id) => unread.byConversation.get(id) ?? 0}
        onSelect={(conversation) => navigate({ name: 'conversation', conversation })}
        onNew={() => {
          setTo([]);
          setPicking(true);
        }}
      />
    </section>
  );
}
