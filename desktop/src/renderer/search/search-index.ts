// The full-text index over everything stored locally, as a plain class so it is tested in Node and
// run in a Web Worker (search-worker.ts). Sources are replaced whole; only changed documents are
// re-indexed, so a new comment in a 10,000-post space costs one document, not ten thousand.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { SearchDoc, SearchHit } from './search-protocol.js';
import { plainText } from '../components/plain-text.js';

export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDoc>({
    fields: ['title', 'text', 'context'],
    storeFields: ['kind', 'title', 'text', 'context', 'route', 'tags'],
    // Why no vacuuming: MiniSearch vacuums discarded documents asynchronously, and adding documents
    // while it runs corrupts its iteration (seen as a TypeError in the worker). Discarded documents
    // never appear in results; they only cost memory until the worker restarts (next session).
    autoVacuum: false,
    // Prefix search as you type; fuzzy matching only for longer words, where typos happen and the
    // candidate set stays small (fuzzy on short words scans most of the vocabulary).
    searchOptions: { boost: { title: 2 }, prefix: (term) => term.length >= 2, fuzzy: (term) => (term.length >= 5 ? 0.15 : false), combineWith: 'AND' },
  });
  /** source → (doc id → signature of its indexed text). */
  private readonly sources = new Map<string, Map<string, string>>();

  get size(): number {
    return this.mini.documentCount;
  }

  replaceSource(source: string, docs: readonly SearchDoc[]): void {
    const previous = this.sources.get(source) ?? new Map<string, string>();
    const next = new Map<string, string>();
    const toAdd: SearchDoc[] = [];
    for (const doc of docs) {
      if (next.has(doc.id)) continue;
      const sig = `${doc.title}\u0000${doc.text}\u0000${doc.context}\u0000${doc.route}\u0000${doc.tags?.join(' ') ?? ''}`;
      next.set(doc.id, sig);
      const old = previous.get(doc.id);
      if (old === sig) continue;
      if (old !== undefined || this.mini.has(doc.id)) this.mini.discard(doc.id);
      toAdd.push(doc);
    }
    for (const id of previous.keys()) if (!next.has(id) && this.mini.has(id)) this.mini.discard(id);
    this.mini.addAll(toAdd);
    this.sources.set(source, next);
  }

  dropSource(source: string): void {
    this.replaceSource(source, []);
    this.sources.delete(source);
  }

  query(q: string, limit = 50): { hits: SearchHit[]; total: number } {
    const text = q.trim();
    if (text.length === 0) return { hits: [], total: 0 };
    return this.hits(this.mini.search(text), limit);
  }

  /**
   * Documents tagged `tag` that look like `q`: any of its words may match (a question is asked in
   * other words), the little words that every question shares are left out, best match first.
   */
  similar(q: string, tag: string, limit = 5): { hits: SearchHit[]; total: number } {
    const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP_WORDS.has(w));
    if (words.length === 0) return { hits: [], total: 0 };
    const results = this.mini.search(words.join(' '), {
      combineWith: 'OR',
      filter: (r) => Array.isArray(r.tags) && (r.tags as unknown[]).includes(tag),
    });
    return this.hits(results, limit);
  }

  private hits(results: SearchResult[], limit: number): { hits: SearchHit[]; total: number } {
    const hits = results.slice(0, limit).map((r) => ({
      id: String(r.id),
      kind: r.kind as SearchHit['kind'],
      title: String(r.title ?? ''),
      // Snippets are read as plain text (no **, links as their words): only for the hits shown.
      text: excerpt(plainText(String(r.text ?? '')), r.terms),
      context: String(r.context ?? ''),
      route: String(r.route ?? ''),
      score: r.score,
    }));
    return { hits, total: results.length };
  }
}

/** Words too common in questions to say two questions are alike. */
const STOP_WORDS = new Set(
  'a an and any are as at be can could do does for from has have how i if in is it its me my of on or our should so that the there this to we what when where which who why will with you your'.split(' '),
);

/** About 160 characters around the first matched term. */
export function excerpt(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = lower.indexOf(t.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at - 60);
  const slice = text.slice(start, start + 160).replace(/\s+/g, ' ').trim();
  return (start > 0 ? '…' : '') + slice + (start + 160 < text.length ? '…' : '');
}
