// The inbox (the UI engineer's InboxView): what the relay told this person, what still needs them
// first with the policy's reasons. "Edit and resubmit" opens the entry in a composer; saving edits
// the outbox entry, and the relay judges the new version again. Dismissals are kept on this device
// (hooks/use-dismissals.ts): the inbox document is the relay's to write.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Notice, OutboxEntry } from '@hearth/core';
import { InboxView } from '../components/InboxView.js';
import { useActions } from '../hooks/use-actions.js';
import { useCatalogue, useInbox, useNameOf, useOutbox } from '../hooks/use-data.js';
import { useDismissals } from '../hooks/use-dismissals.js';
import { useReadState } from '../hooks/use-read-state.js';
import { navigate } from '../hooks/use-route.js';
import { DraftedComposer } from './DraftedComposer.js';
import { JoinRequestSection } from './JoinRequestSection.js';
import { text } from './strings.js';
import { NotificationPromptSlot } from './NotificationPromptSlot.js';
import { noticeRoute } from '../notify/notice-route.js';

type Editable = Extract<OutboxEntry, { type: 'post' | 'comment' | 'message' }>;

export function InboxScreen() {
  const inbox = useInbox();
  const outbox = useOutbox();
  const catalogue = useCatalogue();
  const nameOf = useNameOf();
  const actions = useActions();
  const [editing, setEditing] = useState<string | null>(null);
  const [resubmitted, setResubmitted] = useState<string | null>(null);
  const byId = useMemo(() => new Map(outbox.map((e) => [e.id, e])), [outbox]);
  const spaceName = useMemo(() => {
    const names = new Map(catalogue.map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? id;
  }, [catalogue]);
  const { isRead, markRead } = useReadState();
  const { isDismissed, dismiss } = useDismissals();
  const entryOf = useCallback(
    (id: string) => {
      const e = byId.get(id);
      return e && { editable: e.type === 'post' || e.type === 'comment' || e.type === 'message', retracted: e.retracted };
    },
    [byId],
  );
  // Unread marks show on this visit; leaving and coming back shows them as read.
  const [unreadOnArrival] = useState(() => new Set(inbox.notices.filter((n) => !isRead(n.id)).map((n) => n.id)));
  useEffect(() => markRead(inbox.notices.map((n) => n.id)), [inbox, markRead]);
  const entry = editing ? byId.get(editing) : undefined;
  const editable: Editable | null = entry && (entry.type === 'post' || entry.type === 'comment' || entry.type === 'message') ? entry : null;

  const open = (notice: Notice) => {
    const route = noticeRoute(notice, (id) => byId.get(id));
    if (route !== null) navigate(route);
  };

  return (
    <section className="screen screen-inbox" aria-label={text.inbox.title}>
      <NotificationPromptSlot />
      {resubmitted && <p role="status">{text.inbox.resubmitted}</p>}
      {editable && (
        <section className="card resubmit" aria-label={text.inbox.editResubmit}>
          <DraftedComposer
            draftKey={`resubmit:${editable.id}`}
            mode={editable.type}
            space={editable.type === 'message' ? null : editable.space}
            initial={editable.type === 'post' ? { kind: editable.kind, title: editable.title, body: editable.body } : { body: editable.body }}
            // An edit keeps the post's kind (the outbox edit changes title and body only).
            {...(editable.type === 'post' ? { kinds: [editable.kind] } : {})}
            submitLabel={text.inbox.editResubmit}
            autoFocus
            onCancel={() => setEditing(null)}
            onSend={async (v) => {
              await actions.edit(editable.id, editable.type === 'post' ? { title: v.title, body: v.body } : { body: v.body });
              setEditing(null);
              setResubmitted(editable.id);
            }}
          />
        </section>
      )}
      <InboxView
        inbox={inbox}
        nameOf={nameOf}
        spaceNameOf={spaceName}
        isUnread={(id) => unreadOnArrival.has(id)}
        entryOf={entryOf}
        isDismissed={isDismissed}
        onDismiss={dismiss}
        onEditAndResubmit={(id) => setEditing(id)}
        onOpen={open}
        onReadPolicy={() => navigate({ name: 'policy' })}
      />
      <JoinRequestSection />
    </section>
  );
}
