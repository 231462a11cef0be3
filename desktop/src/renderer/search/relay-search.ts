// The relay's full-text search (GET /api/search, docs/protocol.md "Search"), for what is not on this
// device: posts and comments in older months of a space (time buckets not kept here). The relay
// answers only what the person may read. Answers are checked field by field: a result that does
// not parse is dropped, never shown.
import { isBucketKey, isValidId } from '@hearth/core';
import { httpBase } from '../sync/relay-url.js';

export interface RelaySearchResult {
  id: string;
  kind: 'post' | 'comment';
  space: string;
  /** The month the item lives in: open `space/<space>/<bucket>` to read it. */
  bucket: string | null;
  post: string;
  title: string;
  body: string;
  authorId: string;
  createdAt: number;
}

export async function searchRelay(relayUrl: string, token: string, q: string, signal?: AbortSignal): Promise<RelaySearchResult[]> {
  const url = `${httpBase(relayUrl)}/api/search?q=${encodeURIComponent(q.slice(0, 200))}&limit=20`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, ...(signal ? { signal } : {}) });
  if (!res.ok) return [];
  const body = (await res.json()) as { results?: unknown };
  return Array.isArray(body.results) ? body.results.flatMap((r) => (isResult(r) ? [r] : [])) : [];
}

function isResult(v: unknown): v is RelaySearchResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    isValidId(r.id) &&
    (r.kind === 'post' || r.kind === 'comment') &&
    isValidId(r.space) &&
    (r.bucket === null || isBucketKey(r.bucket)) &&
    isValidId(r.post) &&
    typeof r.title === 'string' &&
    typeof r.body === 'string' &&
    typeof r.authorId === 'string' &&
    typeof r.createdAt === 'number'
  );
}
