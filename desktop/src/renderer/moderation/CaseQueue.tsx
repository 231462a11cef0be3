// The queue: a listbox of cases. One tab stop; the selection moves with j/k or the arrow keys (the
// pane's key handler), aria-activedescendant tells assistive technology which case is selected,
// and Enter opens it. Each option's text is its accessible name: source, state, what, who, where, when.
import type { Ref } from 'react';
import { TimeText } from '../components/TimeText.js';
import { useStrings } from '../i18n/index.js';
import type { QueueItem } from './case-queue.js';

export interface CaseQueueProps {
  items: readonly QueueItem[];
  selectedId: string | null;
  onSelect: (documentId: string) => void;
  onOpen: (documentId: string) => void;
  nameOf: (id: string) => string;
  spaceNameOf: (id: string) => string;
  now?: number;
  listRef?: Ref<HTMLUListElement>;
}

export const optionId = (documentId: string) => `case-option-${documentId}`;

export function CaseQueue({ items, selectedId, onSelect, onOpen, nameOf, spaceNameOf, now, listRef }: CaseQueueProps) {
  const s = useStrings();
  if (items.length === 0) return <p className="review-empty">{s.t('review.empty')}</p>;
  return (
    <ul
      ref={listRef}
      className="review-queue"
      role="listbox"
      tabIndex={0}
      aria-label={s.t('review.queue')}
      aria-activedescendant={selectedId === null ? undefined : optionId(selectedId)}
    >
      {items.map(({ documentId, doc, state }) => {
        const excerpt = (doc.item.title ?? '') !== '' ? (doc.item.title ?? '') : doc.item.body.slice(0, 120);
        return (
          <li
            key={documentId}
            id={optionId(documentId)}
            role="option"
            aria-selected={documentId === selectedId}
            className={`review-option state-${state}`}
            onClick={() => onSelect(documentId)}
            onDoubleClick={() => onOpen(documentId)}
          >
            <span className="review-badges">
              <span className={`review-badge source-${doc.source}`}>{s.t(`review.source.${doc.source}`)}</span>{' '}
              <span className={`review-badge state-${state}`}>{s.t(`review.state.${state}`)}</span>
            </span>{' '}
            <span className="review-option-text">{excerpt}</span>{' '}
            <span className="review-option-meta">
              {s.t('review.caseBy', { type: s.t(`review.item.${doc.item.type}`), author: nameOf(doc.item.authorId) })}{' '}
              {doc.space === null ? s.t('review.inSpace', { space: s.t('review.directMessage') }) : s.t('review.inSpace', { space: spaceNameOf(doc.space) })}
              {', '}
              <TimeText at={doc.openedAt} {...(now === undefined ? {} : { now })} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
