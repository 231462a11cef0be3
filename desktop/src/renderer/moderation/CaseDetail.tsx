// One case, opened: what it is about, the item with its findings, the thread around it, the
// conflict (when moderators disagree), the actions and their form, reports and history.
import type { ReactNode, Ref } from 'react';
import type { CaseDecision } from '@hearth/core';
import { useStrings } from '../i18n/index.js';
import { CaseActions, type ActionCommand } from './CaseActions.js';
import { CaseHistory } from './CaseHistory.js';
import { CaseItemView } from './CaseItemView.js';
import type { QueueItem } from './case-queue.js';
import { ConflictPanel } from './ConflictPanel.js';
import { DecisionForm, type FormKind } from './DecisionForm.js';

export interface CaseDetailProps {
  item: QueueItem;
  nameOf: (id: string) => string;
  spaceNameOf: (id: string) => string;
  context?: ReactNode;
  form: FormKind | null;
  onCommand: (command: ActionCommand) => void;
  onSubmitForm: (kind: FormKind, text: string, role: string | null) => void;
  onCancelForm: () => void;
  onResolve: (decision: CaseDecision) => void;
  headingRef?: Ref<HTMLHeadingElement>;
  now?: number;
}

export function CaseDetail({ item, nameOf, spaceNameOf, context, form, onCommand, onSubmitForm, onCancelForm, onResolve, headingRef, now }: CaseDetailProps) {
  const s = useStrings();
  const { doc, derived, state } = item;
  const where = doc.space === null ? s.t('review.directMessage') : spaceNameOf(doc.space);
  return (
    <article className={`review-detail state-${state}`} aria-labelledby="review-detail-heading">
      <h2 id="review-detail-heading" ref={headingRef} tabIndex={-1}>
        {s.t('review.caseBy', { type: s.t(`review.item.${doc.item.type}`), author: nameOf(doc.item.authorId) })} {s.t('review.inSpace', { space: where })}
      </h2>
      <p className="review-badges">
        <span className={`review-badge source-${doc.source}`}>{s.t(`review.source.${doc.source}`)}</span>{' '}
        <span className={`review-badge state-${state}`}>{s.t(`review.state.${state}`)}</span>
      </p>
      {derived.status === 'conflict' && <ConflictPanel conflicting={derived.conflicting} nameOf={nameOf} onResolve={onResolve} {...(now === undefined ? {} : { now })} />}
      <CaseActions onCommand={onCommand} active={form} />
      {form !== null && <DecisionForm key={`${item.documentId}-${form}`} kind={form} onSubmit={(text, role) => onSubmitForm(form, text, role)} onCancel={onCancelForm} />}
      <CaseItemView item={doc.item} findings={doc.findings} />
      <section className="review-context" aria-labelledby="review-context-heading">
        <h3 id="review-context-heading">{s.t('review.context')}</h3>
        {context ?? <p>{s.t('review.context.dm')}</p>}
      </section>
      <CaseHistory doc={doc} nameOf={nameOf} {...(now === undefined ? {} : { now })} />
    </article>
  );
}
