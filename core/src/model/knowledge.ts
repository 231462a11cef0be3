// Knowledge: "best of" collections (relay writes into the space document), topics (#hashtags, read
// from published text) and bookmarks (read from the person's own outbox; never published).
import type * as Y from 'yjs';
import { META, SPACE_BEST_OF } from './doc-layout.js';
import type { BestOfEntry, BestOfItem, BookmarkEntry } from './engagement-types.js';
import type { PublishResult } from './relay-publish.js';
import type { EntryId, OutboxEntry, PersonId, Timestamp } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A facilitator's pick published into the space's `bestOf` map (keyed by the post, so a post is in
 * the collection once whoever picked it). Withdrawing deletes it. Highest version wins per entry.
 */
export function publishBestOf(doc: Y.Doc, p: { author: PersonId; entry: BestOfEntry; version: number; publishedAt?: Timestamp }): PublishResult {
  const docId = doc.getMap<unknown>(META).get('id');
  if (typeof docId === 'string' && docId !== p.entry.space) return { ok: false, error: 'wrong-document' };
  const items = doc.getMap<unknown>(SPACE_BEST_OF);
  const existing = items.get(p.entry.post);
  const mine = isRecord(existing) && existing.id === p.entry.id;
  if (mine && typeof existing.version === 'number' && existing.version >= p.version) return { ok: true, outcome: existing.version === p.version ? 'unchanged' : 'stale' };
  if (p.entry.retracted) {
    if (!mine) return { ok: true, outcome: 'unchanged' }; // another facilitator's pick of the same post stays
    doc.transact(() => items.delete(p.entry.post));
    return { ok: true, outcome: 'applied' };
  }
  if (isRecord(existing) && !mine) return { ok: true, outcome: 'unchanged' }; // already in the collection
  const item: BestOfItem = { id: p.entry.id, post: p.entry.post, addedBy: p.author, addedAt: p.publishedAt ?? p.entry.createdAt, version: p.version };
  doc.transact(() => items.set(p.entry.post, item));
  return { ok: true, outcome: 'applied' };
}

/** The space's best-of collection, most recently added first. */
export function readBestOf(doc: Y.Doc): BestOfItem[] {
  const out: BestOfItem[] = [];
  for (const v of doc.getMap<unknown>(SPACE_BEST_OF).values()) {
    if (isRecord(v) && typeof v.id === 'string' && typeof v.post === 'string' && typeof v.addedBy === 'string' && typeof v.addedAt === 'number') {
      out.push({ id: v.id, post: v.post, addedBy: v.addedBy, addedAt: v.addedAt, version: typeof v.version === 'number' ? v.version : 0 });
    }
  }
  return out.sort((a, b) => b.addedAt - a.addedAt);
}

/** The person's live bookmarks (newest first): one per post, withdrawn ones left out. */
export function readBookmarks(outbox: readonly OutboxEntry[]): BookmarkEntry[] {
  const byPost = new Map<EntryId, BookmarkEntry>();
  for (const e of outbox) if (e.type === 'bookmark' && !e.retracted) byPost.set(e.post, e);
  return [...byPost.values()].sort((a, b) => (a.id < b.id ? 1 : -1));
}

/** Every live bookmark entry on `post` (a person may have bookmarked it on two devices offline). */
export function bookmarksOf(outbox: readonly OutboxEntry[], post: EntryId): BookmarkEntry[] {
  return outbox.filter((e): e is BookmarkEntry => e.type === 'bookmark' && !e.retracted && e.post === post);
}

/**
 * Hashtags of a text, lower-cased, each once, in order: `#` after a start, space or punctuation,
 * then a letter and up to 49 letters, digits, `_` or `-`. Not inside a word (`C#`, `a#b`), not a
 * heading (`# Title`), not a number (`#1`), not a URL fragment.
 */
const HASHTAG = /(?:^|[^\p{L}\p{N}_&/#])#(\p{L}[\p{L}\p{N}_-]{0,49})/gu;
export function hashtags(text: string): string[] {
  const tags = new Set<string>();
  for (const m of text.matchAll(HASHTAG)) tags.add(m[1]!.toLowerCase().replace(/[-_]+$/, ''));
  return [...tags];
}

/** Whether an item's text carries `tag` (lower case). */
export function hasHashtag(text: string, tag: string): boolean {
  return hashtags(text).includes(tag.toLowerCase());
}

