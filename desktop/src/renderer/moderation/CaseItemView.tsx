// The item under review as it was submitted, with the policy's findings marked in the text (the
// same <mark> pieces the composer underlines with, from HighlightedField's `segment`) and listed in
// words (FindingList), so the marks never carry meaning by colour alone.
import { AttachmentList } from '../files/AttachmentList.js';
import type { CaseItem, StatusFinding } from '@hearth/core';
import { FindingList } from '../components/FindingList.js';
import { segment, type Span } from '../components/HighlightedField.js';
import { useStrings } from '../i18n/index.js';

const spansOf = (findings: readonly StatusFinding[], field: 'title' | 'body'): Span[] =>
  findings.flatMap((f) => ((f.field ?? 'body') === field && f.start !== undefined && f.end !== undefined && f.end > f.start ? [{ start: f.start, end: f.end, severity: f.severity }] : []));

function Marked({ text, spans }: { text: string; spans: readonly Span[] }) {
  return (
    <>
      {segment(text, spans).map((piece, index) =>
        piece.severity === null ? (
          <span key={index}>{piece.text}</span>
        ) : (
          <mark key={index} className={`finding-mark finding-${piece.severity}`}>
            {piece.text}
          </mark>
        ),
      )}
    </>
  );
}

export function CaseItemView({ item, findings }: { item: CaseItem; findings: readonly StatusFinding[] }) {
  const s = useStrings();
  const title = item.title ?? '';
  return (
    <section className="review-item" aria-labelledby="review-item-heading">
      <h3 id="review-item-heading">{s.t('review.asSubmitted')}</h3>
      <div className="review-item-text">
        {item.type === 'post' && (
          <p className="review-item-title">{title === '' ? s.t('review.untitled') : <Marked text={title} spans={spansOf(findings, 'title')} />}</p>
        )}
        <p className="review-item-body">
          <Marked text={item.body} spans={spansOf(findings, 'body')} />
        </p>
        <AttachmentList items={item.attachments} />
      </div>
      <FindingList findings={findings} texts={{ title, body: item.body }} />
    </section>
  );
}
