// One direct conversation: its participants, the messages oldest first (own unsent ones marked
// pending or held), and a coached composer to answer. New messages are announced politely (role
// "log") and the view keeps the newest message in sight.
import { AttachmentList } from '../files/AttachmentList.js';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ConversationView as Conversation, DirectoryRecord, PersonId, Verdict } from '@hearth/core';
import type { EvaluateDraft, NameOf } from './types.js';
import { Markdown } from './Markdown.js';
import { TimeText } from './TimeText.js';
import { StatusMark } from './StatusMark.js';
import { Composer } from './Composer.js';
import { ReportForm } from './ReportForm.js';
import { useStrings } from '../i18n/index.js';

export interface ConversationViewProps {
  conversation: Conversation;
  me: PersonId;
  nameOf: NameOf;
  people: readonly DirectoryRecord[];
  evaluateDraft: EvaluateDraft;
  onSend: (body: string, verdict: Verdict) => void;
  onReport?: (messageId: string, reason: string) => void;
  onOpenPerson?: (personId: PersonId) => void;
  /** Change one of the person's own messages (the relay judges the new text again). */
  onEdit?: (messageId: string, body: string) => void;
  /** Withdraw one of the person's own messages (it reads as withdrawn for everyone). */
  onWithdraw?: (messageId: string) => void;
  /** Whether this conversation is muted, and the switch; absent: no switch. */
  muted?: boolean;
  onToggleMute?: () => void;
  /** Shown instead of the composer when the person may not write (e.g. an AcknowledgeGate). */
  writeBlocker?: ReactNode;
  now?: number;
}

export function ConversationView({ conversation, me, nameOf, people, evaluateDraft, onSend, onReport, onOpenPerson, onEdit, onWithdraw, muted, onToggleMute, writeBlocker, now }: ConversationViewProps) {
  const s = useStrings();
  const id = useId();
  const log = useRef<HTMLDivElement>(null);
  const [reporting, setReporting] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const others = conversation.participants.filter((p) => p !== me);
  const count = conversation.messages.length;

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);

  return (
    <section className="conversation" aria-labelledby={`${id}-title`}>
      <header className="conversation-header">
        <h1 id={`${id}-title`}>{s.formatList(others.map(nameOf))}</h1>
        {onToggleMute && (
          <p className="conversation-mute">
            {muted && <span role="status">{s.t('messages.muted')} </span>}
            <button type="button" className="button-quiet" aria-pressed={muted ?? false} onClick={onToggleMute}>
              {s.t(muted ? 'messages.unmute' : 'messages.mute')}
            </button>
          </p>
        )}
        {onOpenPerson && others.length > 0 && (
          <p className="conversation-people">
            {others.map((p) => (
              <button key={p} type="button" className="button-quiet" onClick={() => onOpenPerson(p)}>
                {s.t('messages.profileOf', { name: nameOf(p) })}
              </button>
            ))}
          </p>
        )}
      </header>
      <div ref={log} className="message-log" role="log" aria-label={s.t('messages.log')} tabIndex={0}>
        <ol className="message-items">
        {conversation.messages.map((m) => {
          const mine = m.authorId === me;
          return (
            <li key={m.id} data-item={m.id} className={`message${mine ? ' is-mine' : ''}${m.pending ? ` is-${m.pending}` : ''}`}>
              <p className="message-meta">
                <span className="message-author">{mine ? s.t('messages.you') : nameOf(m.authorId)}</span>{' '}
                <TimeText at={m.createdAt} now={now} />
                {m.editedAt !== null && <span> · {s.t('post.edited')}</span>}
                {m.pending !== undefined && <> <StatusMark mark={m.pending} /></>}
              </p>
              {editing?.id === m.id ? (
                <form
                  className="message-edit"
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (editing.body.trim() !== '' && editing.body !== m.body) onEdit?.(m.id, editing.body);
                    setEditing(null);
                  }}
                >
                  <textarea aria-label={s.t('messages.editLabel')} value={editing.body} onChange={(e) => setEditing({ id: m.id, body: e.target.value })} autoFocus />
                  <button type="submit" className="button-primary">{s.t('messages.save')}</button>{' '}
                  <button type="button" className="button-quiet" onClick={() => setEditing(null)}>{s.t('messages.cancel')}</button>
                </form>
              ) : m.state === 'published' ? (
                <>
                  <Markdown source={m.body} nameOf={nameOf} />
                  <AttachmentList items={m.attachments} />
                </>
              ) : (
                <p className="comment-removed">{s.t(m.state === 'retracted' ? 'messages.withdrawn' : 'messages.removed')}</p>
              )}
              {mine && m.state === 'published' && editing?.id !== m.id && (onEdit || onWithdraw) && (
                <p className="message-own-actions">
                  {onEdit && (
                    <button type="button" className="button-quiet" onClick={() => setEditing({ id: m.id, body: m.body })}>
                      {s.t('messages.edit')}
                    </button>
                  )}{' '}
                  {onWithdraw && (
                    <button type="button" className="button-quiet" onClick={() => onWithdraw(m.id)}>
                      {s.t('messages.withdraw')}
                    </button>
                  )}
                </p>
              )}
              {!mine && onReport && m.state === 'published' && reporting !== m.id && (
                <button type="button" className="button-quiet message-report" onClick={() => setReporting(m.id)}>
                  {s.t('messages.report')}
                </button>
              )}
              {reporting === m.id && onReport && (
                <ReportForm
                  label={s.t('messages.reportLabel', { name: nameOf(m.authorId) })}
                  onCancel={() => setReporting(null)}
                  onSubmit={(reason) => {
                    onReport(m.id, reason);
                    setReporting(null);
                  }}
                />
              )}
            </li>
          );
        })}
        </ol>
      </div>
      {writeBlocker ?? (
        <Composer
          mode="message"
          space={null}
          evaluateDraft={evaluateDraft}
          people={people}
          nameOf={nameOf}
          label={s.t('messages.writeTo', { names: s.formatList(others.map(nameOf)) })}
          onSubmit={(value, verdict) => onSend(value.body, verdict)}
        />
      )}
    </section>
  );
}
