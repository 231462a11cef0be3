// Where people write posts, comments and messages, coached by the behaviour policy as they type.
// Every change runs evaluateDraft; findings are underlined in the text and explained below it (each
// explanation linked to its field with aria-describedby). hold/reject: sending is disabled with the
// reason; warn: sending asks to confirm; flag: it sends, and the author is told it will be reviewed.
// Mentions show as "@Name" in the field and leave as `<@id>` tokens (mention-text.ts).
import { useId, useMemo, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { DirectoryRecord, Finding, PostKind, SpaceId, Verdict } from '@hearth/core';
import type { ComposerValue, EvaluateDraft, NameOf } from './types.js';
import { LIMITS, POST_KINDS } from './constants.js';
import { HighlightedField } from './HighlightedField.js';
import { MentionList, matchPeople, mentionOptionId } from './MentionList.js';
import { FindingList } from './FindingList.js';
import { mentionLabel, toDisplay, toStored } from './mention-text.js';
import { useStrings } from '../i18n/index.js';
import { AttachmentPicker } from '../files/AttachmentPicker.js';

export interface ComposerProps {
  mode: 'post' | 'comment' | 'message';
  /** The space it goes to (scoped confidential terms); null for a direct message. */
  space: SpaceId | null;
  evaluateDraft: EvaluateDraft;
  /** People who can be mentioned with "@". */
  people: readonly DirectoryRecord[];
  nameOf: NameOf;
  onSubmit: (value: ComposerValue, verdict: Verdict) => void;
  onCancel?: () => void;
  /** Called with the whole value on every edit (not on the reset after sending), e.g. to keep a draft. */
  onChange?: (value: ComposerValue) => void;
  /** Start from an existing text (edit, or "edit and resubmit" a held item). */
  initial?: Partial<ComposerValue>;
  /** Accessible name of the body field, e.g. "Reply to Anna Berg". */
  label?: string;
  submitLabel?: string;
  autoFocus?: boolean;
  /** The kinds this person may post here (e.g. announcements only for comms); default all. */
  kinds?: readonly PostKind[];
  /** Clear the fields after sending (default true; false when the container closes the composer). */
  resetOnSubmit?: boolean;
  /** Offer attaching files (the value's `files`); judged by the policy's attachment rules as chosen. */
  attachments?: boolean;
}

type Mention = { start: number; query: string; active: number } | null;

const MENTION_BEFORE_CARET = /(^|\s)@([\p{L}\p{N}._-]{0,40})$/u;
const BLOCKING = new Set<Finding['severity']>(['hold', 'reject']);

export function Composer({
  mode,
  space,
  evaluateDraft,
  people,
  nameOf,
  onSubmit,
  onCancel,
  onChange,
  initial,
  label,
  submitLabel,
  autoFocus = false,
  resetOnSubmit = true,
  kinds = POST_KINDS,
  attachments = false,
}: ComposerProps) {
  const s = useStrings();
  const id = useId();
  const [kind, setKind] = useState<PostKind>(initial?.kind ?? kinds[0] ?? 'discussion');
  const [title, setTitle] = useState(initial?.title ?? '');
  // The field shows names; `labels` turns them back into tokens for everything handed out.
  const [start] = useState(() => toDisplay(initial?.body ?? '', nameOf));
  const labels = useRef(start.labels);
  const [body, setBody] = useState(start.text);
  const stored = useMemo(() => toStored(body, labels.current), [body]);
  const [confirming, setConfirming] = useState(false);
  const [sentForReview, setSentForReview] = useState(false);
  const [mention, setMention] = useState<Mention>(null);
  const [files, setFiles] = useState<File[]>([]);
  const bodyRef = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const withTitle = mode === 'post';
  const verdict = useMemo(() => {
    // The files as chosen (name, type and size as the browser sees them); the relay judges the real ones.
    const attached = files.length === 0 ? {} : { attachments: files.map((f) => ({ name: f.name, mimeType: f.type || 'application/octet-stream', bytes: f.size })) };
    return evaluateDraft(withTitle ? { title, body: stored.text, space, ...attached } : { body: stored.text, space, ...attached });
  }, [evaluateDraft, withTitle, title, stored, space, files]);
  // Spans in the body are offsets into the stored text: shown where they are on screen.
  const findings = verdict.findings
    .filter((f) => f.severity !== 'allow')
    .map((f) => {
      if (f.field !== 'body' || f.start === undefined || f.end === undefined) return f;
      const [from, to] = stored.toShown(f.start, f.end);
      return { ...f, start: from, end: to };
    });
  const blocking = findings.filter((f) => BLOCKING.has(f.severity));
  const warnings = findings.filter((f) => f.severity === 'warn');
  const flagged = findings.some((f) => f.severity === 'flag');
  const titleTooLong = title.length > LIMITS.titleChars;
  const bodyTooLong = stored.text.length > LIMITS.bodyChars;
  const empty = body.trim() === '' || (withTitle && title.trim() === '');
  const blocked = blocking.length > 0 || verdict.action === 'hold' || verdict.action === 'reject';
  const canSend = !blocked && !empty && !titleTooLong && !bodyTooLong;

  const suggestions = mention ? matchPeople(people, nameOf, mention.query) : [];
  const listId = `${id}-mentions`;
  const findingId = (index: number) => `${id}-finding-${index}`;
  const idsFor = (field: Finding['field']) =>
    findings.flatMap((f, i) => (f.field === field ? [findingId(i)] : [])).join(' ');
  const reasonId = `${id}-reason`;

  const edited = (next: Partial<ComposerValue>) => {
    setConfirming(false);
    setSentForReview(false);
    const value = { kind, title, body, ...next };
    onChange?.({ ...value, body: toStored(value.body, labels.current).text });
  };
  const trackMention = (text: string, caret: number) => {
    const match = MENTION_BEFORE_CARET.exec(text.slice(0, caret));
    if (!match) return setMention(null);
    const query = match[2] ?? '';
    const start = caret - query.length - 1;
    // Selection events also fire on arrow keys: keep the highlighted person if nothing changed.
    setMention((was) => (was && was.start === start && was.query === query ? was : { start, query, active: 0 }));
  };
  const insertMention = (person: DirectoryRecord) => {
    if (!mention) return;
    const before = body.slice(0, mention.start);
    const after = body.slice(mention.start + 1 + mention.query.length);
    const label = mentionLabel(person.id, nameOf);
    labels.current.set(label, person.id);
    const token = `${label} `;
    const next = before + token + after;
    setBody(next);
    setMention(null);
    edited({ body: next });
    const caret = before.length + token.length;
    requestAnimationFrame(() => bodyRef.current?.setSelectionRange(caret, caret));
  };

  const send = () => {
    if (!canSend) return;
    if (warnings.length > 0 && !confirming) {
      setConfirming(true);
      requestAnimationFrame(() => confirmRef.current?.focus());
      return;
    }
    onSubmit({ kind, title: withTitle ? title : '', body: stored.text, ...(files.length > 0 ? { files } : {}) }, verdict);
    setConfirming(false);
    setSentForReview(flagged);
    if (resetOnSubmit) {
      setTitle('');
      setBody('');
      setFiles([]);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const onBodyKeyDown = (event: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    if (mention && suggestions.length > 0) {
      const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (move !== undefined) {
        event.preventDefault();
        setMention({ ...mention, active: (mention.active + move + suggestions.length) % suggestions.length });
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const person = suggestions[mention.active];
        if (person) {
          event.preventDefault();
          insertMention(person);
          return;
        }
      }
    }
    if (mention && event.key === 'Escape') {
      event.preventDefault();
      setMention(null);
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };

  const bodyLabel = label ?? s.t(mode === 'post' ? 'composer.body' : mode === 'comment' ? 'composer.comment' : 'composer.message');
  const reason = blocked
    ? blocking.length > 0
      ? s.t('composer.blocked', { reasons: s.formatList([...new Set(blocking.map((f) => f.message.replace(/[.!]\s*$/u, '')))]) })
      : s.t('composer.blockedNoReason')
    : titleTooLong || bodyTooLong
      ? s.t('composer.tooLong')
      : null;

  return (
    <form
      className={`composer composer-${mode}`}
      onSubmit={submit}
      {...(attachments
        ? {
            onDragOver: (e: DragEvent) => {
              if (e.dataTransfer.types.includes('Files')) e.preventDefault();
            },
            onDrop: (e: DragEvent) => {
              if (e.dataTransfer.files.length === 0) return;
              e.preventDefault();
              setFiles((was) => [...was, ...e.dataTransfer.files]);
            },
          }
        : {})}
    >
      {withTitle && (
        <div className="composer-row">
          <div className="field field-kind">
            <label htmlFor={`${id}-kind`}>{s.t('composer.kind')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => {
                const next = e.currentTarget.value as PostKind;
                setKind(next);
                edited({ kind: next });
              }}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {s.t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-title">
            <label htmlFor={`${id}-title`}>{s.t('composer.title')}</label>
            <HighlightedField
              id={`${id}-title`}
              multiline={false}
              value={title}
              onChange={(v) => {
                setTitle(v);
                edited({ title: v });
              }}
              spans={findings.filter((f) => f.field === 'title')}
              fieldProps={{
                'aria-describedby': `${idsFor('title')} ${id}-title-count`.trim(),
                'aria-invalid': titleTooLong || findings.some((f) => f.field === 'title' && BLOCKING.has(f.severity)),
                autoFocus,
              }}
            />
            <Counter id={`${id}-title-count`} used={title.length} limit={LIMITS.titleChars} />
          </div>
        </div>
      )}
      <div className="field field-body">
        <label htmlFor={`${id}-body`}>{bodyLabel}</label>
        <HighlightedField
          id={`${id}-body`}
          multiline
          rows={mode === 'post' ? 8 : 3}
          value={body}
          onChange={(v, caret) => {
            setBody(v);
            edited({ body: v });
            trackMention(v, caret);
          }}
          onCaretMove={(value, caret) => (mention ? trackMention(value, caret) : undefined)}
          onKeyDown={onBodyKeyDown}
          fieldRef={(el) => {
            bodyRef.current = el;
          }}
          spans={findings.filter((f) => f.field === 'body')}
          fieldProps={{
            'aria-describedby': `${idsFor('body')} ${id}-body-count ${id}-hint`.trim(),
            'aria-invalid': bodyTooLong || findings.some((f) => f.field === 'body' && BLOCKING.has(f.severity)),
            'aria-autocomplete': 'list',
            'aria-controls': mention ? listId : undefined,
            'aria-activedescendant': mention && suggestions.length > 0 ? mentionOptionId(listId, mention.active) : undefined,
            autoFocus: autoFocus && !withTitle,
          }}
        />
        {mention && (
          <MentionList id={listId} people={suggestions} nameOf={nameOf} activeIndex={mention.active} onPick={insertMention} />
        )}
        <div className="composer-meta">
          <span id={`${id}-hint`} className="composer-hint">
            {s.t('composer.hint')}
          </span>
          <Counter id={`${id}-body-count`} used={stored.text.length} limit={LIMITS.bodyChars} />
        </div>
      </div>

      {attachments && <AttachmentPicker files={files} onChange={setFiles} />}

      <FindingList findings={findings} texts={{ title, body }} idOf={findingId} />

      {flagged && !blocked && <p className="composer-note">{s.t('composer.flagNote')}</p>}
      {sentForReview && (
        <p role="status" className="composer-note">
          {s.t('composer.sentForReview')}
        </p>
      )}

      {confirming && (
        <div className="composer-confirm" role="group" aria-labelledby={`${id}-confirm-title`}>
          <p id={`${id}-confirm-title`} className="composer-confirm-title">
            {s.t('composer.confirmTitle')}
          </p>
          <ul>
            {warnings.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
          <div className="composer-actions">
            <button type="button" className="button-quiet" ref={confirmRef} onClick={() => setConfirming(false)}>
              {s.t('composer.keepEditing')}
            </button>
            <button type="button" className="button-primary" onClick={send}>
              {s.t('composer.sendAnyway')}
            </button>
          </div>
        </div>
      )}

      <div className="composer-actions">
        {reason !== null && (
          <p id={reasonId} className="composer-reason" role="status">
            {reason}
          </p>
        )}
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel}>
            {s.t('composer.cancel')}
          </button>
        )}
        <button type="submit" className="button-primary" disabled={!canSend || confirming} aria-describedby={reason !== null ? reasonId : undefined}>
          {submitLabel ?? s.t(mode === 'post' ? 'composer.publish' : 'composer.send')}
        </button>
      </div>
    </form>
  );
}

function Counter({ id, used, limit }: { id: string; used: number; limit: number }) {
  const s = useStrings();
  const over = used > limit;
  const near = used > limit * 0.9;
  return (
    <span id={id} className={`counter${over ? ' is-over' : near ? ' is-near' : ''}`}>
      {over
        ? s.t('composer.over', { count: used - limit, limit })
        : s.t('composer.counter', { used, limit })}
    </span>
  );
}
