// Search everything on this device as you type, offline too (the UI engineer's SearchView; the
// index lives in a Web Worker, see search/). Online, the relay is asked too (search/relay-search.ts)
// for what is not on this device — older months of a space — and its results are marked as such;
// opening one keeps its month on the device (sync/bucket-shelf.ts).
import { useEffect, useRef, useState } from 'react';
import { SearchView } from '../components/SearchView.js';
import type { SearchResult } from '../components/types.js';
import { useServices } from '../hooks/services-context.js';
import { useCatalogue } from '../hooks/use-data.js';
import { useObservable } from '../hooks/use-observable.js';
import { href } from '../hooks/use-route.js';
import { observable } from '../data/observable.js';
import type { SearchHit } from '../search/search-protocol.js';
import { searchRelay, type RelaySearchResult } from '../search/relay-search.js';
import { sessionState } from '../sync/session.js';
import { text } from './strings.js';

const noSize = observable(0);
/** Wait this long after the last keystroke before asking the relay (local results answer at once). */
const RELAY_DEBOUNCE_MS = 300;

function toResult(h: SearchHit): SearchResult {
  return { key: h.id, kind: h.kind, title: h.title || h.text.slice(0, 80), ...(h.text ? { excerpt: h.text } : {}), ...(h.context ? { context: h.context } : {}) };
}

export function SearchScreen({ initialQuery }: { initialQuery: string }) {
  const { search, session, buckets } = useServices();
  const size = useObservable(search?.size ?? noSize);
  const catalogue = useCatalogue();
  const [q, setQ] = useState(initialQuery);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [remote, setRemote] = useState<RelaySearchResult[]>([]);
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
  useEffect(() => {
    setRemote([]);
    if (q.trim() === '' || (typeof navigator !== 'undefined' && !navigator.onLine)) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      const state = sessionState.get();
      const token = state.status === 'signed-in' ? state.session.token : session.token;
      searchRelay(session.relayUrl, token, q, abort.signal).then(setRemote, () => setRemote([]));
    }, RELAY_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [q, session]);
  const routes = new Map(hits.map((h) => [h.id, h.route]));
  const local = new Set(hits.map((h) => h.id));
  const spaceName = (id: string) => catalogue.find((c) => c.id === id)?.name ?? id;
  const fromRelay = remote.filter((r) => !local.has(`${r.kind}:${r.id}`));
  const relayResults: SearchResult[] = fromRelay.map((r) => ({
    key: `relay:${r.id}`,
    kind: r.kind,
    title: r.title || r.body.slice(0, 80),
    excerpt: r.body,
    context: text.search.fromRelay(spaceName(r.space)),
  }));
  return (
    <section className="screen screen-search" aria-label={text.search.title}>
      <SearchView
        query={q}
        onQueryChange={setQ}
        results={[...hits.map(toResult), ...relayResults]}
        busy={busy}
        onOpen={(r) => {
          const found = fromRelay.find((x) => `relay:${x.id}` === r.key);
          if (found) {
            // Its month stays on this device from now on, so the post opens (and works offline later).
            if (found.bucket !== null) buckets.open(found.space, found.bucket);
            location.hash = href({ name: 'post', space: found.space, post: found.post });
            return;
          }
          const route = routes.get(r.key);
          if (route) location.hash = route;
        }}
      />
      <p className="field-help">{text.search.indexed(size)}</p>
    </section>
  );
}
