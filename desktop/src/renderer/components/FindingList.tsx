// The policy's findings on a draft, in words: what was found (with the excerpt marked), how serious
// it is, and what the author can do instead. Each item has an id so the text field it concerns can
// point at it with aria-describedby. Also used in the inbox for held and rejected items.
import type { Finding, StatusFinding } from '@hearth/core';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';

export interface FindingListProps {
  findings: readonly (Finding | StatusFinding)[];
  /** The author's texts, to quote the excerpt each finding points at. */
  texts?: { title?: string; body?: string };
  /** The element id of the i-th finding (for aria-describedby). */
  idOf?: (index: number) => string;
  heading?: string;
}

const SEVERITY: Record<Finding['severity'], MessageKey> = {
  allow: 'severity.allow',
  warn: 'severity.warn',
  flag: 'severity.flag',
  hold: 'severity.hold',
  reject: 'severity.reject',
};

const CONTEXT = 24;

function Excerpt({ text, start, end, severity }: { text: string; start: number; end: number; severity: string }) {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return (
    <q className="finding-excerpt">
      {from > 0 && '…'}
      {text.slice(from, start)}
      <mark className={`finding-mark finding-${severity}`}>{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length && '…'}
    </q>
  );
}

export function FindingList({ findings, texts, idOf, heading }: FindingListProps) {
  const s = useStrings();
  if (findings.length === 0) return null;
  return (
    <div className="findings">
      <p className="findings-heading">{heading ?? s.t('findings.heading', { count: findings.length })}</p>
      <ul>
        {findings.map((finding, index) => {
          const field = finding.field;
          const text = field === 'title' ? texts?.title : field === 'body' ? texts?.body : undefined;
          const hasSpan =
            text !== undefined && finding.start !== undefined && finding.end !== undefined && finding.end > finding.start;
          return (
            <li key={`${finding.rule}-${index}`} id={idOf?.(index)} className={`finding finding-row-${finding.severity}`}>
              <span className={`severity severity-${finding.severity}`}>{s.t(SEVERITY[finding.severity])}</span>{' '}
              {field === 'title' && <span className="finding-field">{s.t('findings.inTitle')} </span>}
              {hasSpan && (
                <>
                  <Excerpt text={text} start={finding.start ?? 0} end={finding.end ?? 0} severity={finding.severity} />{' '}
                </>
              )}
              <span className="finding-message">{finding.message}</span>{' '}
              {finding.guidance !== '' && <span className="finding-guidance">{finding.guidance}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
