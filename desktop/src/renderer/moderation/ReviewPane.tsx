// The review pane: filters, the queue and the open case, worked from the keyboard. Presentational:
// cases in, decisions and notes out (the container writes them into the case files).
//
// Keys (review-keys.ts): j/k or ↓/↑ move through the queue, Enter opens the selected case (focus
// moves to it), a/h/r/w/e/n act on it, Escape closes a form or returns to the queue, ? shows the
// legend. When a decision takes a case out of the current filter, the next case is selected, so a
// moderator can work down a queue with a few keys. The status line names the case last decided and
// says what truly became of the decision (decision-outcome.ts, from the relay's executions), so it
// stays right after that case has left the queue.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { CaseAction, CaseDecision } from '@hearth/core';
import { useStrings } from '../i18n/index.js';
import type { DecisionInput } from './case-client.js';
import { DEFAULT_FILTER, countByState, filterQueue, spacesOf, type QueueFilter, type QueueItem } from './case-queue.js';
import type { ActionCommand } from './CaseActions.js';
import { CaseDetail } from './CaseDetail.js';
import { CaseQueue } from './CaseQueue.js';
import { ESCALATION_ROLES, type FormKind } from './DecisionForm.js';
import { QueueFilters } from './QueueFilters.js';
import { decisionOutcome } from './decision-outcome.js';
import { commandOf } from './review-keys.js';
import { ShortcutLegend } from './ShortcutLegend.js';

export interface ReviewPaneProps {
  items: readonly QueueItem[];
  nameOf: (id: string) => string;
  spaceNameOf: (id: string) => string;
  /** Records a decision; returns its id so the pane can follow what the relay does with it. */
  onDecide: (documentId: string, input: DecisionInput) => string | void;
  onNote: (documentId: string, text: string) => void;
  /** The thread around a case's item (the container reads the space). */
  contextOf?: (item: QueueItem) => ReactNode;
  /** A line about the connection to the relay. */
  status?: ReactNode;
  initialFilter?: QueueFilter;
  now?: number;
}

/** The last thing this moderator recorded: a decision (followed to its outcome), a note, or a failure to write. */
type Recorded = { documentId: string; subject: string; decisionId: string | null; action: CaseAction | 'note' } | { error: string };

export function ReviewPane({ items, nameOf, spaceNameOf, onDecide, onNote, contextOf, status, initialFilter = DEFAULT_FILTER, now }: ReviewPaneProps) {
  const s = useStrings();
  const legendId = useId();
  const [filter, setFilter] = useState<QueueFilter>(initialFilter);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<FormKind | null>(null);
  const [legend, setLegend] = useState(false);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const lastMessage = useRef('');
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

  const record = (what: CaseAction | 'note', write: () => string | void) => {
    if (selected === undefined) return;
    const subject = s.t('review.caseBy', { type: s.t(`review.item.${selected.doc.item.type}`), author: nameOf(selected.doc.item.authorId) });
    try {
      const id = write();
      setRecorded({ documentId: selected.documentId, subject, decisionId: what === 'note' ? null : (id ?? null), action: what });
    } catch (error) {
      setRecorded({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  const roleName = (role: string) => ((ESCALATION_ROLES as readonly string[]).includes(role) ? s.t(`review.role.${role as (typeof ESCALATION_ROLES)[number]}`) : role);
  const message = (() => {
    if (recorded === null) return '';
    if ('error' in recorded) return s.t('review.failedToWrite', { reason: recorded.error });
    const { action, subject, decisionId } = recorded;
    if (action === 'note') return s.t('review.done.note', { subject });
    const item = items.find((i) => i.documentId === recorded.documentId);
    // The case file left this device (no longer shared with this moderator): keep what was last known.
    if (item === undefined && lastMessage.current !== '') return lastMessage.current;
    // Not in the case file yet (the write is on its way): recorded, waiting for the relay.
    const outcome = (item !== undefined && decisionId !== null ? decisionOutcome(item.doc, decisionId) : null) ?? { key: 'review.outcome.waiting' as const, params: {} };
    const params: Record<string, string> = { ...outcome.params, action: s.t(`review.verb.${action}`) };
    if (params.role) params.role = roleName(params.role);
    return s.t('review.outcome', { subject, outcome: s.t(outcome.key, params) });
  })();
  lastMessage.current = message;

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
      <p className="review-outcome" role="status">
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
