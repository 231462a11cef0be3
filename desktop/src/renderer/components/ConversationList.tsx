// The person's direct conversations, most recent first: who is in each, the last message and when,
// and whether it has unread messages. Selecting one opens it; "New message" starts another.
import { useId, useMemo } from 'react';
import type { ConversationId, ConversationView as Conversation, PersonId } from '@hearth/core';
import type { NameOf } from './types.js';
import { TimeText } from './TimeText.js';
import { StatusMark } from './StatusMark.js';
import { mentionsAsNames, plainText } from './plain-text.js';
import { useStrings } from '../i18n/index.js';

export interface ConversationListProps {
  conversations: readonly Conversation[];
  me: PersonId;
  nameOf: NameOf;
  selectedId?: ConversationId | null;
  isUnread?: (conversationId: ConversationId) => boolean;
  /** Unread messages in a conversation (shown as a count); implies isUnread when above 0. */
  unreadCount?: (conversationId: ConversationId) => number;
  onSelect: (conversationId: ConversationId) => void;
  onNew: () => void;
  now?: number;
}

/** A one-line plain preview of a Markdown body: mentions as names, markup characters dropped. */
export function preview(body: string, nameOf: NameOf, max = 90): string {
  const plain = mentionsAsNames(plainText(body), nameOf);
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

export function ConversationList({ conversations, me, nameOf, selectedId, isUnread, unreadCount, onSelect, onNew, now }: ConversationListProps) {
  const s = useStrings();
  const id = useId();
  const sorted = useMemo(
    () =>
      [...conversations].sort((a, b) => {
        const at = (c: Conversation) => c.messages[c.messages.length - 1]?.createdAt ?? c.createdAt ?? 0;
        return at(b) - at(a);
      }),
    [conversations],
  );
  return (
    <section className="conversation-list" aria-labelledby={id}>
      <div className="section-head">
        <h1 id={id}>{s.t('messages.title')}</h1>
        <button type="button" className="button-primary" onClick={onNew}>
          {s.t('messages.new')}
        </button>
      </div>
      {sorted.length === 0 ? (
        <p className="empty">{s.t('messages.none')}</p>
      ) : (
        <ul>
          {sorted.map((c) => {
            const others = c.participants.filter((p) => p !== me);
            const names = s.formatList((others.length > 0 ? others : [me]).map(nameOf));
            const last = c.messages[c.messages.length - 1];
            const count = unreadCount?.(c.id) ?? 0;
            const unread = count > 0 || (isUnread?.(c.id) ?? false);
            return (
              <li key={c.id}>
                <button
                  type="button"
                  className={`conversation-item${unread ? ' is-unread' : ''}`}
                  aria-current={c.id === selectedId ? 'true' : undefined}
                  onClick={() => onSelect(c.id)}
                >
                  <span className="conversation-names">
                    {names}
                    {unread && <StatusMark mark="unread" />}
                    {count > 0 && (
                      <span className="nav-count conversation-unread" aria-label={s.t('messages.unreadCount', { count })}>
                        {count > 99 ? '99+' : s.formatNumber(count)}
                      </span>
                    )}
                  </span>
                  {last && (
                    <span className="conversation-last">
                      <span>
                        {/* Who wrote the last message: "You:" or the colleague's name (a group has several). */}
                        {last.authorId === me ? s.t('messages.youSaid') : s.t('messages.lastBy', { name: nameOf(last.authorId) })}
                        {preview(last.body, nameOf)}
                      </span>
                      <TimeText at={last.createdAt} now={now} />
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
