// Search everything on this device, as you type, offline too. The index lives in a worker.
import { useEffect, useRef, useState } from 'react';
import type { SearchAnswer } from '../search/search-client.js';
import { useServices } from '../hooks/services-context.js';
import { useObservable } from '../hooks/use-observable.js';
import { observable } from '../data/observable.js';
import { text } from './strings.js';

const noSize = observable(0);

export function SearchScreen({ initialQuery }: { initialQuery: string }) {
  const { search } = useServices();
  const size = useObservable(search?.size ?? noSize);
  const [q, setQ] = useState(initialQuery);
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    if (!search) return;
    const ticket = ++latest.current;
    void search.query(q).then((a) => {
      // An older query answered after a newer one was sent: ignore it.
      if (ticket === latest.current) setAnswer(a);
    });
  }, [q, search]);
  return (
    <section className="screen screen-search" aria-labelledby="search-title">
      <h1 id="search-title">{text.search.title}</h1>
      <label htmlFor="search-input">{text.search.label}</label>
      <input id="search-input" type="search" autoFocus value={q} placeholder={text.search.placeholder} onChange={(e) => setQ(e.currentTarget.value)} />
      <p className="hint">{text.search.indexed(size)}</p>
      <div aria-live="polite">
        {answer && q.trim() && <p className="search-summary">{answer.total === 0 ? text.search.none : text.search.results(answer.total, answer.ms.toFixed(1))}</p>}
      </div>
      {answer && q.trim() !== '' && (
        <ul className="search-results">
          {answer.hits.map((h) => (
            <li key={h.id} className={`search-hit search-${h.kind}`}>
              <a href={h.route}>{h.title || h.text.slice(0, 80)}</a>
              <span className="search-kind"> · {h.kind}</span>
              {h.text && <p>{h.text}</p>}
              <p className="search-context">{h.context}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
