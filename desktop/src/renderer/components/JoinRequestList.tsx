// Requests to join the spaces a person facilitates, each with Approve and Decline. Why a list of its
// own beside the inbox's notices: a request is a decision waiting, not news — it stays here until
// someone decides (or the requester withdraws) and then leaves, whoever of the facilitators acted.
import { useId } from 'react';
import type { JoinDecision, JoinRequestView, SpaceId } from '@hearth/core';
import type { NameOf } from './types.js';
import { TimeText } from './TimeText.js';
import { useStrings } from '../i18n/index.js';

export interface JoinRequestListProps {
  /** Waiting requests, oldest first. */
  requests: readonly JoinRequestView[];
  nameOf: NameOf;
  spaceNameOf: (space: SpaceId) => string;
  /** Requests this person answered on this device that the relay has not confirmed yet. */
  answered: ReadonlySet<string>;
  onDecide: (request: JoinRequestView, decision: JoinDecision) => void;
  now?: number;
}

export function JoinRequestList({ requests, nameOf, spaceNameOf, answered, onDecide, now }: JoinRequestListProps) {
  const s = useStrings();
  const id = useId();
  if (requests.length === 0) return null;
  return (
    <section className="inbox-group join-requests" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {s.t('joinRequests.title')} <span className="inbox-count">({s.formatNumber(requests.length)})</span>
      </h2>
      <ul className="notice-list">
        {requests.map((r) => {
          const vars = { name: nameOf(r.person), space: spaceNameOf(r.space) };
          const headline = s.t('joinRequests.asks', vars);
          return (
            <li key={r.id} className="notice notice-join-request">
              <article aria-label={headline}>
                <p className="notice-headline">
                  <strong>{headline}</strong> <TimeText at={r.requestedAt} now={now} />
                </p>
                <div className="notice-actions">
                  {answered.has(r.id) ? (
                    <span role="status">{s.t('joinRequests.sending')}</span>
                  ) : (
                    <>
                      <button type="button" className="button-primary" aria-label={s.t('joinRequests.approveLabel', vars)} onClick={() => onDecide(r, 'approve')}>
                        {s.t('joinRequests.approve')}
                      </button>
                      <button type="button" className="button-quiet" aria-label={s.t('joinRequests.declineLabel', vars)} onClick={() => onDecide(r, 'decline')}>
                        {s.t('joinRequests.decline')}
                      </button>
                    </>
                  )}
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
