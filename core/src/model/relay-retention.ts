// Retention: the relay removing the content of published items that outlived their space's
// retention period, as its own write. Why a blanked tombstone in the retracted shape instead of
// deleting the key: readers already know that shape (it is what a retraction leaves), it keeps the
// item's place for comments that reply to it, and it overwrites the Y.Map value, so once the room's
// update log is compacted the old text no longer exists anywhere in the stored document.
import type * as Y from 'yjs';
import { ITEM_MAPS } from './doc-layout.js';
import type { EntryId, PersonId, Timestamp } from './types.js';

/** A published item retention may remove: its id, map, author and the time that ages it. */
export interface ExpiringItem {
  id: EntryId;
  map: (typeof ITEM_MAPS)[number];
  authorId: PersonId;
  /** createdAt for posts, comments and messages; publishedAt for reactions (they carry no createdAt). */
  datedAt: Timestamp;
}

/**
 * The items of a space or dm document dated before `cutoff` that still hold content (not already
 * purged or retracted), oldest first. Items without any date are left alone.
 */
export function expiringItems(doc: Y.Doc, cutoff: Timestamp): ExpiringItem[] {
  const out: ExpiringItem[] = [];
  for (const map of ITEM_MAPS) {
    for (const [id, value] of doc.getMap<unknown>(map).entries()) {
      if (!isRecord(value) || value.state === 'retracted' || typeof value.authorId !== 'string') continue;
      const datedAt = typeof value.createdAt === 'number' ? value.createdAt : typeof value.publishedAt === 'number' ? value.publishedAt : null;
      if (datedAt !== null && datedAt < cutoff) out.push({ id, map, authorId: value.authorId, datedAt });
    }
  }
  return out.sort((a, b) => a.datedAt - b.datedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type PurgeResult = { ok: true; found: boolean };

/**
 * Blanks an item's content and marks it retracted: title and body become empty, the fields that
 * place it (ids, author, dates, version) stay. A newer version its author publishes later replaces
 * the tombstone like any edit; the next retention sweep removes it again.
 */
export function purgeItem(doc: Y.Doc, id: EntryId): PurgeResult {
  let found = false;
  doc.transact(() => {
    for (const map of ITEM_MAPS) {
      const items = doc.getMap<unknown>(map);
      const item = items.get(id);
      if (!isRecord(item)) continue;
      found = true;
      const blank: Record<string, unknown> = { ...item, state: 'retracted' };
      if ('title' in blank) blank.title = '';
      if ('body' in blank) blank.body = '';
      delete blank.attachments; // the files go with the text; the relay then deletes unreferenced blobs
      items.set(id, blank);
    }
  });
  return { ok: true, found };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
