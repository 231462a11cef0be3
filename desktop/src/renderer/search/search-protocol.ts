// Messages between the app and the search worker. The app sends each source (a room) as the
// full list of its searchable items; the worker indexes only what changed.
export type SearchKind = 'post' | 'comment' | 'person' | 'space' | 'message';

export interface SearchDoc {
  /** Unique across sources: `<kind>:<id>`. */
  id: string;
  kind: SearchKind;
  title: string;
  text: string;
  /** Second line shown with the hit: the space, the person's title, the conversation. */
  context: string;
  /** Hash route that opens the item. */
  route: string;
  /** Labels a query can be narrowed to (`question` on question posts: the composer's similar questions). */
  tags?: string[];
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  title: string;
  text: string;
  context: string;
  route: string;
  score: number;
}

export type ToWorker =
  | { type: 'source'; source: string; docs: SearchDoc[] }
  | { type: 'drop'; source: string }
  | { type: 'query'; id: number; q: string; limit: number; /** "Looks like": any word may match, only docs with this tag. */ similar?: string };

export type FromWorker =
  | { type: 'results'; id: number; hits: SearchHit[]; ms: number; total: number }
  | { type: 'indexed'; size: number };
