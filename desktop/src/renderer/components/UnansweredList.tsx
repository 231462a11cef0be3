// Questions still waiting for an accepted answer, oldest first, each with how long it has waited.
import type { UnansweredQuestion } from '@hearth/core';
import type { NameOf } from './types.js';
import { useStrings } from '../i18n/index.js';

export interface UnansweredListProps {
  items: readonly UnansweredQuestion[];
  nameOf: NameOf;
  now: number;
  /** Shows each question's space (across the app). */
  spaceNameOf?: (spaceId: string) => string;
  onOpen: (item: UnansweredQuestion) => void;
  headingId: string;
}

export function UnansweredList({ items, nameOf, now, spaceNameOf, onOpen, headingId }: UnansweredListProps) {
  const s = useStrings();
  if (items.length === 0) return <p className="empty">{s.t('engage.unanswered.none')}</p>;
  return (
    <ol className="unanswered-list" aria-labelledby={headingId}>
      {items.map((item) => (
        <li key={item.post.id} className="unanswered-item">
          <button type="button" className="link-button" onClick={() => onOpen(item)}>
            {item.post.title || item.post.body.slice(0, 80)}
          </button>
          <span className="post-card-sub">
            {' · '}
            {nameOf(item.post.authorId)}
            {spaceNameOf && ` · ${s.t('post.inSpace', { space: spaceNameOf(item.space) })}`}
            {' · '}
            <time dateTime={new Date(item.post.createdAt).toISOString()} title={s.formatDateTime(item.post.createdAt)}>
              {s.t('engage.unanswered.waiting', { age: s.formatRelative(item.post.createdAt, now) })}
            </time>
          </span>
        </li>
      ))}
    </ol>
  );
}
