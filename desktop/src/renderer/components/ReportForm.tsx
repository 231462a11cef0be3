// Report a post, comment or message to the moderators, with a reason in the reporter's own words.
// A small inline form: it opens where the item is, focuses the reason, and says what happens next.
import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from './constants.js';
import { useStrings } from '../i18n/index.js';

export interface ReportFormProps {
  /** What is being reported, for the heading: "Report Anna Berg's comment". */
  label: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

export function ReportForm({ label, onSubmit, onCancel }: ReportFormProps) {
  const s = useStrings();
  const id = useId();
  const [reason, setReason] = useState('');
  const tooLong = reason.length > LIMITS.reportReasonChars;
  const canSend = reason.trim() !== '' && !tooLong;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend) onSubmit(reason.trim());
  };
  return (
    <form className="report-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="report-title">
        {label}
      </p>
      <label htmlFor={`${id}-reason`}>{s.t('report.reason')}</label>
      <textarea
        id={`${id}-reason`}
        value={reason}
        rows={3}
        autoFocus
        aria-describedby={`${id}-help ${id}-count`}
        aria-invalid={tooLong}
        onChange={(e) => setReason(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      />
      <p id={`${id}-help`} className="field-help">
        {s.t('report.help')}
      </p>
      <span id={`${id}-count`} className={`counter${tooLong ? ' is-over' : ''}`}>
        {s.t('composer.counter', { used: reason.length, limit: LIMITS.reportReasonChars })}
      </span>
      <div className="form-actions">
        <button type="button" className="button-quiet" onClick={onCancel}>
          {s.t('composer.cancel')}
        </button>
        <button type="submit" className="button-primary" disabled={!canSend}>
          {s.t('report.send')}
        </button>
      </div>
    </form>
  );
}
