// The inbox: what the relay told this person. Held and rejected entries come first, each with the
// policy's reasons and an "edit and resubmit" (an edit of the outbox entry: the relay judges it
// again); then replies, mentions and other notices, newest first.
import { useState } from 'react';
import type { EntryStatus, Notice, OutboxEntry } from '@hearth/core';
import { FindingList } from '../components/FindingList.js';
import { StatusMark } from '../components/StatusMark.js';
import { TimeText } from '../components/TimeText.js';
import { useActions } from '../hooks/use-actions.js';
import { useInbox, useNameOf, useOutbox } from '../hooks/use-data.js';
import { href } from '../hooks/use-route.js';
import { DraftedComposer } from './DraftedComposer.js';
import { text } from './strings.js';

export function InboxScreen() {
  const inbox = useInbox();
  const outbox = useOutbox();
  const byId = new Map(outbox.map((e) => [e.id, e]));
  const held = Object.values(inbox.statuses)
    .filter((s) => s.state === 'held' || s.state === 'rejected')
    .sort((a, b) => b.updatedAt - a.updatedAt);
  return (
    <section className="screen screen-inbox" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{text.inbox.title}</h1>
      <h2>{text.inbox.held}</h2>
      {held.length === 0 ? <p>{text.inbox.none}</p> : (
        <ul className="held-list">
          {held.map((s) => (
            <HeldItem key={s.entryId} status={s} entry={byId.get(s.entryId)} />
          ))}
        </ul>
      )}
      <h2>{text.inbox.notices}</h2>
      {inbox.notices.length === 0 ? <p>{text.inbox.none}</p> : (
        <ul className="notice-list">
          {inbox.notices.map((n) => (
            <NoticeItem key={n.id} notice={n} entry={n.entryId ? byId.get(n.entryId) : undefined} />
          ))}
        </ul>
      )}
    </section>
  );
}

function HeldItem({ status, entry }: { status: EntryStatus; entry: OutboxEntry | undefined }) {
  const actions = useActions();
  const [editing, setEditing] = useState(false);
  const [resubmitted, setResubmitted] = useState(false);
  const editable = entry && (entry.type === 'post' || entry.type === 'comment' || entry.type === 'message') ? entry : null;
  const title = editable?.type === 'post' ? editable.title : '';
  const body = editable ? editable.body : '';
  return (
    <li className={`held-item is-${status.state}`} data-entry={status.entryId}>
      <StatusMark mark={status.state === 'held' ? 'held' : 'rejected'} /> <TimeText at={status.updatedAt} />
      {editable?.type === 'post' && <h3>{title}</h3>}
      <p className="held-body">{body}</p>
      <FindingList findings={status.findings} texts={{ title, body }} />
      {resubmitted && <p role="status">{text.inbox.resubmitted}</p>}
      {editable && !editing && (
        <button type="button" onClick={() => setEditing(true)}>
          {text.inbox.editResubmit}
        </button>
      )}
      {editable && editing && (
        <DraftedComposer
          draftKey={`resubmit:${editable.id}`}
          mode={editable.type}
          space={'space' in editable ? editable.space : null}
          initial={editable.type === 'post' ? { kind: editable.kind, title, body } : { body }}
          submitLabel={text.inbox.editResubmit}
          onCancel={() => setEditing(false)}
          onSend={async (v) => {
            await actions.edit(editable.id, editable.type === 'post' ? { title: v.title, body: v.body } : { body: v.body });
            setEditing(false);
            setResubmitted(true);
          }}
        />
      )}
    </li>
  );
}

function NoticeItem({ notice, entry }: { notice: Notice; entry: OutboxEntry | undefined }) {
  const nameOf = useNameOf();
  const link =
    notice.space && entry && (entry.type === 'post' || entry.type === 'comment')
      ? href({ name: 'post', space: notice.space, post: entry.type === 'post' ? entry.id : entry.post })
      : notice.space
        ? href({ name: 'space', space: notice.space })
        : null;
  return (
    <li className={`notice notice-${notice.kind}`}>
      <TimeText at={notice.createdAt} /> {notice.about && <strong>{nameOf(notice.about)}: </strong>}
      {notice.message}
      {notice.findings.length > 0 && <FindingList findings={notice.findings} />}
      {link && <a href={link}>{text.inbox.open}</a>}
    </li>
  );
}
