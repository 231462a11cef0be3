// Search everything on this device as you type, offline too (the UI engineer's SearchView; the
// index lives in a Web Worker, see search/).
import { useEffect, useRef, useState } from 'react';
import { SearchView } from '../components/SearchView.js';
import type { SearchResult } from '../components/types.js';
import { useServices } from '../hooks/services-context.js';
import { useObservable } from '../hooks/use-observable.js';
import { observable } from '../data/observable.js';
import type { SearchHit } from '../search/search-protocol.js';
import { text } from './strings.js';

const noSize = observable(0);

function toResult(h: SearchHit): SearchResult {
  return { key: h.id, kind: h.kind, title: h.title || h.text.slice(0, 80), ...(h.text ? { excerpt: h.text } : {}), ...(h.context ? { context: h.context } : {}) };
}

export function SearchScreen({ initialQuery }: { initialQuery: string }) {
  const { search } = useServices();
  const size = useObservable(search?.size ?? noSize);
  const [q, setQ] = useState(initialQuery);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  useEffect(() => {
    if (!search) return;
    const ticket = ++latest.current;
    setBusy(true);
    void search.query(q).then((a) => {
      // An older query answered after a newer one was sent: ignore it.
      if (ticket !== latest.current) return;
      setHits(a.hits);
      setBusy(false);
    });
  }, [q, search, size]);
  const routes = new Map(hits.map((h) => [h.id, h.route]));
  return (
    <section className="screen screen-search" aria-label={text.search.title}>
      <SearchView
        query={q}
        onQueryChange={setQ}
        results={hits.map(toResult)}
        busy={busy}
        onOpen={(r) => {
          const route = routes.get(r.key);
          if (route) location.hash = route;
        }}
      />
      <p className="field-help">{text.search.indexed(size)}</p>
    </section>
  );
}
