// The unanswered questions of one space (above its feed), or of every space one reads (the
// Unanswered screen): oldest first, with how long each has waited. Derived on this device.
import { useId } from 'react';
import { UnansweredList } from '../components/UnansweredList.js';
import { useCatalogue, useNameOf } from '../hooks/use-data.js';
import { useMinuteClock, useUnanswered } from '../hooks/use-engagement.js';
import { navigate } from '../hooks/use-route.js';
import { useStrings } from '../i18n/index.js';

export function UnansweredSection({ spaceId }: { spaceId: string }) {
  const s = useStrings();
  const id = useId();
  const items = useUnanswered([spaceId]);
  const nameOf = useNameOf();
  const now = useMinuteClock();
  if (items.length === 0) return null;
  // Folded by default: the feed below keeps its room; the summary says how many wait.
  return (
    <details className="unanswered">
      <summary id={id}>
        {s.t('engage.unanswered.inSpace')} ({items.length})
      </summary>
      <UnansweredList headingId={id} items={items} nameOf={nameOf} now={now} onOpen={(i) => navigate({ name: 'post', space: i.space, post: i.post.id })} />
    </details>
  );
}

export function UnansweredScreen() {
  const s = useStrings();
  const items = useUnanswered();
  const nameOf = useNameOf();
  const now = useMinuteClock();
  const catalogue = useCatalogue();
  const names = new Map(catalogue.map((c) => [c.id, c.name]));
  return (
    <section className="screen screen-unanswered" aria-labelledby="unanswered-title">
      <header className="screen-header">
        <h1 id="unanswered-title">{s.t('engage.unanswered.title')}</h1>
      </header>
      <UnansweredList
        headingId="unanswered-title"
        items={items}
        nameOf={nameOf}
        now={now}
        spaceNameOf={(id) => names.get(id) ?? id}
        onOpen={(i) => navigate({ name: 'post', space: i.space, post: i.post.id })}
      />
    </section>
  );
}
