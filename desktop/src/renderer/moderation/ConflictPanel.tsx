// A case in conflict: each moderator's decision side by side, and a way to resolve it by taking
// one of them. Any decision made now lists every current decision as superseded (core's
// currentDecisionIds), so it resolves the conflict; nothing is carried out before that.
import type { CaseDecision } from '@hearth/core';
import { TimeText } from '../components/TimeText.js';
import { useStrings } from '../i18n/index.js';

interface Props {
  conflicting: readonly CaseDecision[];
  nameOf: (id: string) => string;
  onResolve: (decision: CaseDecision) => void;
  now?: number;
}

export function ConflictPanel({ conflicting, nameOf, onResolve, now }: Props) {
  const s = useStrings();
  return (
    <section className="review-conflict" role="alert" aria-labelledby="review-conflict-heading">
      <h3 id="review-conflict-heading">{s.t('review.conflict.title')}</h3>
      <p>{s.t('review.conflict.explain')}</p>
      <ul>
        {conflicting.map((d) => {
          const action = s.t(`review.verb.${d.action}`);
          return (
            <li key={d.id} className="review-conflict-decision">
              <span>
                {s.t('review.history.decision', { who: nameOf(d.by), action })}
                {d.action === 'escalate' && d.role ? ` ${s.t('review.history.escalatedTo', { role: d.role })}` : ''}{' '}
                <TimeText at={d.at} {...(now === undefined ? {} : { now })} />
                {d.note !== '' && (
                  <>
                    : <q>{d.note}</q>
                  </>
                )}
              </span>{' '}
              <button type="button" className="button-quiet" onClick={() => onResolve(d)}>
                {s.t('review.conflict.resolveAs', { action })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
