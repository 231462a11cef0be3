// The review pane: filters, the queue and the open case, worked from the keyboard. Presentational:
// cases in, decisions and notes out (the container writes them into the case files).
//
// Keys (review-keys.ts): j/k or ↓/↑ move through the queue, Enter opens the selected case (focus
// moves to it), a/h/r/w/e/n act on it, Escape closes a form or returns to the queue, ? shows the
// legend. When a decision takes a case out of the current filter, the next case is selected, so a
// moderator can work down a queue with a few keys.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { CaseAction, CaseDecision } from '@hearth/core';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';
import type { DecisionInput } from './case-client.js';
import { DEFAULT_FILTER, countByState, filterQueue, spacesOf, type QueueFilter, type QueueItem } from './case-queue.js';
import type { ActionCommand } from './CaseActions.js';
import { CaseDetail } from './CaseDetail.js';
import { CaseQueue } from './CaseQueue.js';
import type { FormKind } from './DecisionForm.js';
import { QueueFilters } from './QueueFilters.js';
import { commandOf } from './review-keys.js';
import { ShortcutLegend } from './ShortcutLegend.js';

export interface ReviewPaneProps {
  items: readonly QueueItem[];
  nameOf: (id: string) => string;
  spaceNameOf: (id: string) => string;
  onDecide: (documentId: string, input: DecisionInput) => void;
  onNote: (documentId: string, text: string) => void;
  /** The thread around a case's item (the container reads the space). */
  contextOf?: (item: QueueItem) => ReactNode;
  /** A line about the connection to the relay. */
  status?: ReactNode;
  initialFilter?: QueueFilter;
  now?: number;
}

const DONE: Record<CaseAction | 'note', MessageKey> = {
  approve: 'review.done.approve',
  hide: 'review.done.hide',
  restore: 'review.done.restore',
  warn: 'review.done.warn',
  escalate: 'review.done.escalate',
  note: 'review.done.note',
};

export function ReviewPane({ items, nameOf, spaceNameOf, onDecide, onNote, contextOf, status, initialFilter = DEFAULT_FILTER, now }: ReviewPaneProps) {
  const s = useStrings();
  const legendId = useId();
  const [filter, setFilter] = useState<QueueFilter>(initialFilter);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<FormKind | null>(null);
  const [legend, setLegend] = useState(false);
  const [message, setMessage] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastIndex = useRef(0);
  const clock = now ?? Date.now();
  const visible = useMemo(() => filterQueue(items, filter, clock), [items, filter, clock]);
  const index = visible.findIndex((i) => i.documentId === selectedId);
  const selected = index >= 0 ? visible[index] : undefined;
  if (index >= 0) lastIndex.current = index;

  // The selected case left the queue (decided, filtered out): select the one that took its place.
  useEffect(() => {
    if (selected !== undefined || visible.length === 0) return;
    setSelectedId(visible[Math.min(lastIndex.current, visible.length - 1)]?.documentId ?? null);
  }, [selected, visible]);
  useEffect(() => setForm(null), [selectedId]);

  const select = (next: number) => {
    const item = visible[Math.max(0, Math.min(visible.length - 1, next))];
    if (item !== undefined) setSelectedId(item.documentId);
  };

  const record = (what: CaseAction | 'note', write: () => void) => {
    try {
      write();
      setMessage(s.t(DONE[what]));
    } catch (error) {
      setMessage(s.t('review.failedToWrite', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const command = (c: ActionCommand) => {
    if (selected === undefined) return;
    if (c === 'approve' || c === 'restore') {
      record(c, () => onDecide(selected.documentId, { action: c, note: '' }));
      headingRef.current?.focus();
    } else setForm(c);
  };

  const submitForm = (kind: FormKind, text: string, role: string | null) => {
    if (selected === undefined) return;
    const id = selected.documentId;
    if (kind === 'note') record('note', () => onNote(id, text));
    else record(kind, () => onDecide(id, { action: kind, note: text, role }));
    setForm(null);
    headingRef.current?.focus();
  };

  const resolve = (d: CaseDecision) => {
    if (selected === undefined) return;
    record(d.action, () => onDecide(selected.documentId, { action: d.action, note: d.note, role: d.role ?? null }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const c = commandOf(event);
    if (c === null) return;
    const inQueue = event.target === listRef.current;
    // Arrow keys move the queue only when it has focus: elsewhere they scroll, as people expect.
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !inQueue) return;
    if (c === 'open' && !inQueue) return;
    event.preventDefault();
    switch (c) {
      case 'next':
        return select(index < 0 ? 0 : index + 1);
      case 'previous':
        return select(index < 0 ? 0 : index - 1);
      case 'open':
        if (selected === undefined) select(0);
        headingRef.current?.focus();
        return;
      case 'back':
        if (form !== null) {
          setForm(null);
          headingRef.current?.focus();
        } else listRef.current?.focus();
        return;
      case 'legend':
        return setLegend((v) => !v);
      default:
        return command(c);
    }
  };

  return (
    <div className="review-pane" onKeyDown={onKeyDown}>
      <div className="review-toolbar">
        {status}
        <button type="button" className="button-quiet" aria-expanded={legend} aria-controls={legendId} aria-keyshortcuts="?" onClick={() => setLegend((v) => !v)}>
          {s.t('review.shortcuts.toggle')}
        </button>
      </div>
      {legend && <ShortcutLegend id={legendId} />}
      <QueueFilters filter={filter} onChange={setFilter} spaces={spacesOf(items)} spaceNameOf={spaceNameOf} counts={countByState(items)} />
      <p className="visually-hidden" role="status">
        {message}
      </p>
      <div className="review-layout">
        <section className="review-queue-pane" aria-labelledby="review-queue-heading">
          <h2 id="review-queue-heading">
            {s.t('review.queue')} <span className="review-count">({s.t('review.queueCount', { count: visible.length })})</span>
          </h2>
          <CaseQueue
            items={visible}
            selectedId={selected?.documentId ?? null}
            onSelect={setSelectedId}
            onOpen={(id) => {
              setSelectedId(id);
              headingRef.current?.focus();
            }}
            nameOf={nameOf}
            spaceNameOf={spaceNameOf}
            listRef={listRef}
            now={clock}
          />
        </section>
        {selected === undefined ? (
          <p className="review-detail-empty">{s.t('review.noCase')}</p>
        ) : (
          <CaseDetail
            item={selected}
            nameOf={nameOf}
            spaceNameOf={spaceNameOf}
            context={contextOf?.(selected)}
            form={form}
            onCommand={command}
            onSubmitForm={submitForm}
            onCancelForm={() => {
              setForm(null);
              headingRef.current?.focus();
            }}
            onResolve={resolve}
            headingRef={headingRef}
            now={clock}
          />
        )}
      </div>
    </div>
  );
}
