// The review screen (route #/review): the session's case client (use-case-client.ts) wired to the
// review pane. Decisions and notes are written into the case files; the relay carries them out.
import { useMemo } from 'react';
import { useCatalogue, useNameOf } from '../hooks/use-data.js';
import { useObservable } from '../hooks/use-observable.js';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';
import type { CaseClient } from './case-client.js';
import type { CaseConnection } from './case-network.js';
import { toQueueItem } from './case-queue.js';
import { CaseContext } from './CaseContext.js';
import { ReviewPane } from './ReviewPane.js';
import { caseClientState } from './use-case-client.js';
import './review.css';

const CONNECTION: Record<CaseConnection, MessageKey> = {
  online: 'review.connection.online',
  connecting: 'review.connection.connecting',
  offline: 'review.connection.offline',
  denied: 'review.connection.denied',
  unauthorized: 'review.connection.unauthorized',
};

export function ReviewScreen({ allowed }: { allowed: boolean }) {
  const s = useStrings();
  const state = useObservable(caseClientState);
  let body;
  if (!allowed) body = <p>{s.t('review.notAllowed')}</p>;
  else if (state.status === 'ready') body = <ReviewWithClient client={state.client} />;
  else if (state.status === 'failed') body = <p role="alert">{s.t('review.failed', { reason: state.reason })}</p>;
  else body = <p role="status">{s.t('review.loading')}</p>;
  return (
    <section className="screen-review" aria-labelledby="review-title">
      <header className="screen-header">
        <h1 id="review-title">{s.t('review.title')}</h1>
        <p className="screen-subtitle">{s.t('review.subtitle')}</p>
      </header>
      {body}
    </section>
  );
}

function ReviewWithClient({ client }: { client: CaseClient }) {
  const s = useStrings();
  const files = useObservable(client.cases);
  const connection = useObservable(client.network.connection);
  const nameOf = useNameOf();
  const catalogue = useCatalogue();
  const spaceNameOf = useMemo(() => {
    const names = new Map(catalogue.map((sp) => [sp.id, sp.name]));
    return (id: string) => names.get(id) ?? id;
  }, [catalogue]);
  const items = useMemo(() => files.map(toQueueItem), [files]);
  return (
    <ReviewPane
      items={items}
      nameOf={nameOf}
      spaceNameOf={spaceNameOf}
      onDecide={(id, input) => client.decide(id, input)}
      onNote={(id, text) => void client.note(id, text)}
      contextOf={(item) => (item.doc.space === null ? undefined : <CaseContext key={item.documentId} item={item} spaceId={item.doc.space} nameOf={nameOf} now={Date.now()} />)}
      status={
        <p className={`review-connection connection-${connection}`} role="status">
          {s.t(CONNECTION[connection])}
        </p>
      }
    />
  );
}
