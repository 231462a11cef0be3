// The relay's word to this person, sorted by what to do about it: what still needs them (derived
// from where their entries stand now: inbox-attention.ts), join requests to decide for
// facilitators, replies and mentions, and everything else (resolved holds, published after review,
// memberships). "Edit and resubmit" only where an edit can help; every notice can be dismissed
// (the person's own state, kept by the container outside the relay-written inbox).
import { useId, useRef } from 'react';
import type { InboxView as Inbox, Notice, NoticeKind, PersonId, SpaceId } from '@hearth/core';
import type { NameOf } from './types.js';
import type { MessageKey } from '../i18n/index.js';
import { FindingList } from './FindingList.js';
import { TimeText } from './TimeText.js';
import { StatusMark } from './StatusMark.js';
import { mayResubmit, needsAttention, type EntryLookup } from './inbox-attention.js';
import { useStrings } from '../i18n/index.js';

export interface InboxViewProps {
  inbox: Inbox;
  nameOf: NameOf;
  spaceNameOf: (spaceId: SpaceId) => string;
  /** Spaces this person facilitates: their join requests can be decided here. */
  facilitatorOf?: ReadonlySet<SpaceId>;
  isUnread?: (noticeId: string) => boolean;
  /** The person's own entries (their outbox): withdrawn ones need nothing, only editable ones can be resubmitted. */
  entryOf?: EntryLookup;
  /** Notices the person dismissed: not shown. */
  isDismissed?: (noticeId: string) => boolean;
  onDismiss?: (noticeId: string) => void;
  /** Open the held or rejected entry in a composer to change and send it again. */
  onEditAndResubmit: (entryId: string) => void;
  /** Go to what the notice is about (the reply, the post, the space). */
  onOpen: (notice: Notice) => void;
  onApproveJoin?: (space: SpaceId, person: PersonId) => void;
  onDeclineJoin?: (space: SpaceId, person: PersonId) => void;
  onReadPolicy?: () => void;
  now?: number;
}

type Group = 'attention' | 'join' | 'social' | 'other';

const GROUPS: { key: Group; title: MessageKey }[] = [
  { key: 'attention', title: 'inbox.attention' },
  { key: 'join', title: 'inbox.joinRequests' },
  { key: 'social', title: 'inbox.repliesMentions' },
  { key: 'other', title: 'inbox.other' },
];

const SOCIAL = new Set<NoticeKind>(['reply', 'mention', 'reaction', 'message', 'answer-accepted']);
/** Kinds whose headline says everything from the notice's fields (names from the directory and the catalogue): the relay's sentence, which names ids, is not shown. */
const HEADLINE_ONLY = new Set<NoticeKind>(['reply', 'mention', 'reaction', 'message', 'answer-accepted', 'join-request', 'join-approved', 'membership-removed']);

const NO_ENTRIES: EntryLookup = () => undefined;

export function InboxView(props: InboxViewProps) {
  const { inbox, nameOf, spaceNameOf, facilitatorOf, isUnread, now, isDismissed, onDismiss } = props;
  const entryOf = props.entryOf ?? NO_ENTRIES;
  const s = useStrings();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const visible = inbox.notices.filter((n) => !(isDismissed?.(n.id) ?? false) && (n.kind !== 'join-request' || (n.space !== null && facilitatorOf?.has(n.space))));
  const groupOf = (n: Notice): Group =>
    n.kind === 'join-request' ? 'join' : SOCIAL.has(n.kind) ? 'social' : needsAttention(n, inbox, entryOf) ? 'attention' : 'other';
  const dismiss =
    onDismiss &&
    ((noticeId: string) => {
      onDismiss(noticeId);
      // The notice and its button leave: keep the keyboard in the inbox instead of on the page body.
      headingRef.current?.focus();
    });

  return (
    <div className="inbox">
      <h1 ref={headingRef} tabIndex={-1}>
        {s.t('inbox.title')}
      </h1>
      {visible.length === 0 && <p className="empty">{s.t('inbox.empty')}</p>}
      {GROUPS.map((group) => {
        const notices = visible.filter((n) => groupOf(n) === group.key);
        if (notices.length === 0) return null;
        return (
          <section key={group.key} aria-labelledby={`${id}-${group.key}`} className="inbox-group">
            <h2 id={`${id}-${group.key}`}>
              {s.t(group.title)} <span className="inbox-count">({s.formatNumber(notices.length)})</span>
            </h2>
            <ul className="notice-list">
              {notices.map((notice) => (
                <NoticeItem
                  key={notice.id}
                  notice={notice}
                  {...props}
                  onDismiss={dismiss}
                  attention={group.key === 'attention'}
                  resubmit={group.key === 'attention' && mayResubmit(notice, entryOf)}
                  unread={isUnread?.(notice.id) ?? false}
                  nameOf={nameOf}
                  spaceNameOf={spaceNameOf}
                  now={now}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

interface NoticeItemProps extends InboxViewProps {
  notice: Notice;
  unread: boolean;
  /** In "Needs your attention"; otherwise a held or rejected notice says how it was resolved. */
  attention: boolean;
  resubmit: boolean;
}

function NoticeItem(props: NoticeItemProps) {
  const { notice, unread, attention, resubmit, nameOf, spaceNameOf, now, onEditAndResubmit, onOpen, onApproveJoin, onDeclineJoin, onReadPolicy, onDismiss, inbox } = props;
  const s = useStrings();
  const headlineId = useId();
  const about = notice.about !== null ? nameOf(notice.about) : null;
  const space = notice.space !== null ? spaceNameOf(notice.space) : null;
  const others = notice.kind === 'reaction' ? Math.max(0, (notice.people?.length ?? 1) - 1) : 0;
  const headline =
    others > 0
      ? s.t('notice.reaction.many', { name: about ?? '', count: others, space: space ?? '' })
      : (notice.kind === 'reply' || notice.kind === 'mention' || notice.kind === 'reaction' || notice.kind === 'answer-accepted') && space !== null
        ? s.t(`notice.${notice.kind}.inSpace`, { name: about ?? '', space })
        : s.t(`notice.${notice.kind}`, { name: about ?? '', space: space ?? '' });
  const resolved = !attention && (notice.kind === 'held' || notice.kind === 'rejected' || notice.kind === 'waiting-acknowledgement') ? resolution(notice, inbox, props.entryOf) : null;
  return (
    <li className={`notice notice-${notice.kind}${unread ? ' is-unread' : ''}${attention ? '' : ' is-settled'}`}>
      <article aria-labelledby={headlineId}>
        <p className="notice-headline">
          {unread && <StatusMark mark="unread" />} <strong id={headlineId}>{headline}</strong> <TimeText at={notice.createdAt} now={now} />
        </p>
        {resolved !== null && <p className="notice-resolved">{s.t(resolved)}</p>}
        {notice.message !== '' && !HEADLINE_ONLY.has(notice.kind) && <p className="notice-message">{notice.message}</p>}
        {notice.findings.length > 0 && <FindingList findings={notice.findings} heading={s.t('inbox.reasons')} />}
        <div className="notice-actions">
          {resubmit && (
            <button type="button" className="button-primary" onClick={() => onEditAndResubmit(notice.entryId ?? '')}>
              {s.t('inbox.editResubmit')}
            </button>
          )}
          {notice.kind === 'waiting-acknowledgement' && attention && onReadPolicy && (
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
            <button type="button" className="button-quiet" onClick={() => onOpen(notice)} aria-describedby={headlineId}>
              {s.t('inbox.open')}
            </button>
          )}
          {onDismiss && notice.kind !== 'join-request' && (
            <button type="button" className="button-quiet" onClick={() => onDismiss(notice.id)} aria-describedby={headlineId}>
              {s.t('inbox.dismiss')}
            </button>
          )}
        </div>
      </article>
    </li>
  );
}

/** How a held or rejected notice that no longer needs the person was settled. */
function resolution(notice: Notice, inbox: Inbox, entryOf: EntryLookup | undefined): MessageKey {
  const entry = notice.entryId !== null ? entryOf?.(notice.entryId) : undefined;
  if (entry?.retracted) return 'inbox.resolved.withdrawn';
  const state = notice.entryId !== null ? inbox.statuses[notice.entryId]?.state : undefined;
  return state === 'published' ? 'inbox.resolved.published' : 'inbox.resolved.superseded';
}
