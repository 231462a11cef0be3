// A text field whose policy findings are underlined in place. The classic "highlight backdrop":
// a mirror of the text with <mark>s sits behind a transparent textarea (or input) that has the same
// font, padding and wrapping, and scrolls with it. The mirror is hidden from assistive technology;
// the findings themselves are described in text and linked with aria-describedby by the caller.
import { useRef, type ChangeEvent, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';

export interface Span {
  start: number;
  end: number;
  severity: string;
}

export interface HighlightedFieldProps {
  id: string;
  value: string;
  onChange: (value: string, caret: number) => void;
  spans: readonly Span[];
  multiline: boolean;
  /** Extra attributes for the field (aria-*, placeholder, maxLength is not used: counters explain). */
  fieldProps?: Record<string, string | number | boolean | undefined>;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => void;
  onCaretMove?: (value: string, caret: number) => void;
  fieldRef?: (element: HTMLTextAreaElement | HTMLInputElement | null) => void;
  rows?: number;
}

const RANK: Record<string, number> = { allow: 0, warn: 1, flag: 2, hold: 3, reject: 4 };

/** Cuts the text at every span boundary; each piece carries the strongest severity covering it. */
export function segment(text: string, spans: readonly Span[]): { text: string; severity: string | null }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    cuts.add(Math.max(0, Math.min(text.length, span.start)));
    cuts.add(Math.max(0, Math.min(text.length, span.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { text: string; severity: string | null }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] ?? 0;
    const to = points[i + 1] ?? 0;
    if (to <= from) continue;
    let severity: string | null = null;
    for (const span of spans) {
      if (span.start <= from && span.end >= to && (severity === null || (RANK[span.severity] ?? 0) > (RANK[severity] ?? 0))) {
        severity = span.severity;
      }
    }
    out.push({ text: text.slice(from, to), severity });
  }
  return out;
}

export function HighlightedField({
  id,
  value,
  onChange,
  spans,
  multiline,
  fieldProps,
  onKeyDown,
  onCaretMove,
  fieldRef,
  rows = 5,
}: HighlightedFieldProps) {
  const backdrop = useRef<HTMLDivElement>(null);
  const syncScroll = (event: SyntheticEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    if (!backdrop.current) return;
    backdrop.current.scrollTop = event.currentTarget.scrollTop;
    backdrop.current.scrollLeft = event.currentTarget.scrollLeft;
  };
  const change = (event: ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    onChange(event.currentTarget.value, event.currentTarget.selectionStart ?? event.currentTarget.value.length);
  };
  const caret = (event: SyntheticEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    syncScroll(event);
    onCaretMove?.(event.currentTarget.value, event.currentTarget.selectionStart ?? 0);
  };

  const pieces: ReactNode[] = segment(value, spans).map((piece, index) =>
    piece.severity === null ? (
      piece.text
    ) : (
      <mark key={index} className={`finding-mark finding-${piece.severity}`}>
        {piece.text}
      </mark>
    ),
  );
  const common = {
    id,
    value,
    onChange: change,
    onScroll: syncScroll,
    onSelect: caret,
    onKeyDown,
    className: 'highlight-input',
    spellCheck: true,
    ...fieldProps,
  };

  return (
    <div className={`highlight-field ${multiline ? 'is-multiline' : 'is-single'}`}>
      <div ref={backdrop} className="highlight-backdrop" aria-hidden="true">
        {pieces}
        {/* A trailing newline would collapse in the mirror; keep the heights equal. */}
        {multiline && value.endsWith('\n') ? ' ' : null}
      </div>
      {multiline ? (
        <textarea {...common} ref={fieldRef} rows={rows} />
      ) : (
        <input {...common} ref={fieldRef} type="text" />
      )}
    </div>
  );
}
