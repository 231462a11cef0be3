// What has happened to a case, oldest first: opened, reports, every decision (with what the relay
// did with it, or that it is still waiting) and every note.
import type { CaseDecision, ModerationCase } from '@hearth/core';
import { TimeText } from '../components/TimeText.js';
import { useStrings } from '../i18n/index.js';

interface Props {
  doc: ModerationCase;
  nameOf: (id: string) => string;
  now?: number;
}

type Event = { at: number; key: string; kind: 'decision'; decision: CaseDecision } | { at: number; key: string; kind: 'note'; by: string; text: string };

export function CaseHistory({ doc, nameOf, now }: Props) {
  const s = useStrings();
  const when = (at: number) => <TimeText at={at} {...(now === undefined ? {} : { now })} />;
  const events: Event[] = [
    ...Object.values(doc.decisions).map((decision): Event => ({ at: decision.at, key: `d-${decision.id}`, kind: 'decision', decision })),
    ...Object.entries(doc.notes).map(([id, n]): Event => ({ at: n.at, key: `n-${id}`, kind: 'note', by: n.by, text: n.text })),
  ].sort((a, b) => a.at - b.at);
  const reports = Object.entries(doc.reports).sort(([, a], [, b]) => a.at - b.at);
  return (
    <>
      {reports.length > 0 && (
        <section className="review-reports" aria-labelledby="review-reports-heading">
          <h3 id="review-reports-heading">{s.t('review.reports')}</h3>
          <ul>
            {reports.map(([id, r]) => (
              <li key={id}>
                {s.t('review.reportBy', { reporter: nameOf(r.reporter), reason: r.reason })} {when(r.at)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="review-history" aria-labelledby="review-history-heading">
        <h3 id="review-history-heading">{s.t('review.history')}</h3>
        <ol>
          <li>
            {s.t('review.history.opened', { source: s.t(`review.source.${doc.source}`) })} {when(doc.openedAt)}
          </li>
          {events.map((e) =>
            e.kind === 'note' ? (
              <li key={e.key} className="review-history-note">
                {s.t('review.history.note', { who: nameOf(e.by) })} {when(e.at)}: <q>{e.text}</q>
              </li>
            ) : (
              <li key={e.key} className="review-history-decision">
                {s.t('review.history.decision', { who: nameOf(e.decision.by), action: s.t(`review.verb.${e.decision.action}`) })}
                {e.decision.action === 'escalate' && e.decision.role ? ` ${s.t('review.history.escalatedTo', { role: e.decision.role })}` : ''} {when(e.decision.at)}
                {e.decision.note !== '' && (
                  <>
                    : <q>{e.decision.note}</q>
                  </>
                )}{' '}
                <span className="review-execution">({s.t(`review.execution.${doc.executions[e.decision.id]?.outcome ?? 'waiting'}`)})</span>
              </li>
            ),
          )}
        </ol>
      </section>
    </>
  );
}
