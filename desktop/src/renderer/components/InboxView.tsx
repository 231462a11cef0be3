// The relay's word to this person, sorted by what to do about it: items the policy held or
// rejected (with the reasons and "Edit and resubmit"), join requests to decide for facilitators,
// replies and mentions, and other updates (published after review, memberships).
import { useId } from 'react';
import type { InboxView as Inbox, Notice, NoticeKind, PersonId, SpaceId } from '@hearth/core';
import type { NameOf } from './types.js';
import type { MessageKey } from '../i18n/index.js';
import { FindingList } from './FindingList.js';
import { TimeText } from './TimeText.js';
import { StatusMark } from './StatusMark.js';
import { useStrings } from '../i18n/index.js';

export interface InboxViewProps {
  inbox: Inbox;
  nameOf: NameOf;
  spaceNameOf: (spaceId: SpaceId) => string;
  /** Spaces this person facilitates: their join requests can be decided here. */
  facilitatorOf?: ReadonlySet<SpaceId>;
  isUnread?: (noticeId: string) => boolean;
  /** Open the held or rejected entry in a composer to change and send it again. */
  onEditAndResubmit: (entryId: string) => void;
  /** Go to what the notice is about (the reply, the post, the space). */
  onOpen: (notice: Notice) => void;
  onApproveJoin?: (space: SpaceId, person: PersonId) => void;
  onDeclineJoin?: (space: SpaceId, person: PersonId) => void;
  onReadPolicy?: () => void;
  now?: number;
}

const GROUPS: { key: string; title: MessageKey; kinds: NoticeKind[] }[] = [
  { key: 'attention', title: 'inbox.attention', kinds: ['held', 'rejected', 'waiting-acknowledgement', 'hidden', 'warning', 'escalated'] },
  { key: 'join', title: 'inbox.joinRequests', kinds: ['join-request'] },
  { key: 'social', title: 'inbox.repliesMentions', kinds: ['reply', 'mention'] },
  { key: 'other', title: 'inbox.other', kinds: ['published-after-review', 'join-approved', 'membership-removed'] },
];

export function InboxView(props: InboxViewProps) {
  const { inbox, nameOf, spaceNameOf, facilitatorOf, isUnread, now } = props;
  const s = useStrings();
  const id = useId();
  const visible = inbox.notices.filter((n) => n.kind !== 'join-request' || (n.space !== null && facilitatorOf?.has(n.space)));

  return (
    <div className="inbox">
      <h1>{s.t('inbox.title')}</h1>
      {visible.length === 0 && <p className="empty">{s.t('inbox.empty')}</p>}
      {GROUPS.map((group) => {
        const notices = visible.filter((n) => group.kinds.includes(n.kind));
        if (notices.length === 0) return null;
        return (
          <section key={group.key} aria-labelledby={`${id}-${group.key}`} className="inbox-group">
            <h2 id={`${id}-${group.key}`}>
              {s.t(group.title)} <span className="inbox-count">({s.formatNumber(notices.length)})</span>
            </h2>
            <ul className="notice-list">
              {notices.map((notice) => (
                <NoticeItem key={notice.id} notice={notice} {...props} unread={isUnread?.(notice.id) ?? false} nameOf={nameOf} spaceNameOf={spaceNameOf} now={now} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function NoticeItem({ notice, unread, nameOf, spaceNameOf, now, onEditAndResubmit, onOpen, onApproveJoin, onDeclineJoin, onReadPolicy }: InboxViewProps & { notice: Notice; unread: boolean }) {
  const s = useStrings();
  const about = notice.about !== null ? nameOf(notice.about) : null;
  const space = notice.space !== null ? spaceNameOf(notice.space) : null;
  const canResubmit = (notice.kind === 'held' || notice.kind === 'rejected') && notice.entryId !== null;
  const headline = s.t(`notice.${notice.kind}`, { name: about ?? '', space: space ?? '' });
  return (
    <li className={`notice notice-${notice.kind}${unread ? ' is-unread' : ''}`}>
      <article aria-label={headline}>
        <p className="notice-headline">
          {unread && <StatusMark mark="unread" />} <strong>{headline}</strong> <TimeText at={notice.createdAt} now={now} />
        </p>
        {notice.message !== '' && <p className="notice-message">{notice.message}</p>}
        {notice.findings.length > 0 && <FindingList findings={notice.findings} heading={s.t('inbox.reasons')} />}
        <div className="notice-actions">
          {canResubmit && (
            <button type="button" className="button-primary" onClick={() => onEditAndResubmit(notice.entryId ?? '')}>
              {s.t('inbox.editResubmit')}
            </button>
          )}
          {notice.kind === 'waiting-acknowledgement' && onReadPolicy && (
            <button type="button" className="button-primary" onClick={onReadPolicy}>
              {s.t('gate.read')}
            </button>
          )}
          {notice.kind === 'join-request' && notice.space !== null && notice.about !== null && (
            <>
              {onApproveJoin && (
                <button type="button" className="button-primary" onClick={() => onApproveJoin(notice.space ?? '', notice.about ?? '')}>
                  {s.t('inbox.approve')}
                </button>
              )}
              {onDeclineJoin && (
                <button type="button" className="button-quiet" onClick={() => onDeclineJoin(notice.space ?? '', notice.about ?? '')}>
                  {s.t('inbox.decline')}
                </button>
              )}
            </>
          )}
          {(notice.entryId !== null || notice.space !== null) && notice.kind !== 'join-request' && (
            <button type="button" className="button-quiet" onClick={() => onOpen(notice)}>
              {s.t('inbox.open')}
            </button>
          )}
        </div>
      </article>
    </li>
  );
}
