// The words that go with a decision: the reason a hidden item's author reads, the warning, the
// escalation (with the role it goes to), or a note for the other moderators. Ctrl+Enter submits;
// Escape is the pane's (it closes the form and returns to the case).
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_CASE_TEXT } from '@hearth/core';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';

export type FormKind = 'hide' | 'warn' | 'escalate' | 'note';

export const ESCALATION_ROLES = ['hr', 'comms', 'admin'] as const;

const LABEL: Record<FormKind, MessageKey> = {
  hide: 'review.form.hide',
  warn: 'review.form.warn',
  escalate: 'review.form.escalate',
  note: 'review.form.note',
};

// Not the action buttons' names: the button that opens a form and the one that carries it out are
// different controls, and a screen reader's list of buttons must tell them apart.
const SUBMIT: Record<FormKind, MessageKey> = {
  hide: 'review.form.submit.hide',
  warn: 'review.form.submit.warn',
  escalate: 'review.form.submit.escalate',
  note: 'review.form.submit.note',
};

export interface DecisionFormProps {
  kind: FormKind;
  onSubmit: (text: string, role: string | null) => void;
  onCancel: () => void;
}

export function DecisionForm({ kind, onSubmit, onCancel }: DecisionFormProps) {
  const s = useStrings();
  const id = useId();
  const [text, setText] = useState('');
  const [role, setRole] = useState<string>(ESCALATION_ROLES[0]);
  // The author must be told something when warned; a note without text says nothing.
  const required = kind === 'warn' || kind === 'note';
  const ready = !required || text.trim() !== '';
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (ready) onSubmit(text.trim(), kind === 'escalate' ? role : null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };
  return (
    <form className={`review-form review-form-${kind}`} onSubmit={submit}>
      {kind === 'escalate' && (
        <div className="review-form-row">
          <label htmlFor={`${id}-role`}>{s.t('review.form.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)} autoFocus>
            {ESCALATION_ROLES.map((r) => (
              <option key={r} value={r}>
                {s.t(`review.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="review-form-row">
        <label htmlFor={`${id}-text`}>{s.t(LABEL[kind])}</label>
        <textarea
          id={`${id}-text`}
          value={text}
          rows={3}
          // The relay refuses longer words in a case file (core's checkCaseAddition).
          maxLength={MAX_CASE_TEXT}
          required={required}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          autoFocus={kind !== 'escalate'}
        />
        <p id={`${id}-hint`} className="review-hint">
          {s.t('review.form.hint')}
        </p>
      </div>
      <div className="review-form-buttons">
        <button type="submit" className="button-primary" disabled={!ready}>
          {s.t(SUBMIT[kind])}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {s.t('review.form.cancel')}
        </button>
      </div>
    </form>
  );
}
