// Splitting a space document of the old layout (every post, comment and reaction in `space/<id>`)
// into time buckets (buckets.ts). Pure functions on Y.Docs; the relay runs them on start
// (sync-server/src/publication/bucket-migration.ts). Why in this order — plan, copy into the
// buckets, then remove from the space document — and why the copy keeps the higher version: a relay
// stopped half-way runs the migration again on its next start, and every step must be harmless to
// repeat, so the space document is emptied only once every item is safely in its bucket.
import type * as Y from 'yjs';
import { bucketKeyOf } from './buckets.js';
import { MODERATION, SPACE_COMMENTS, SPACE_POSTS, SPACE_REACTIONS } from './doc-layout.js';
import type { BucketKey } from './types.js';

const MOVED_MAPS = [SPACE_POSTS, SPACE_COMMENTS, SPACE_REACTIONS, MODERATION] as const;
type MovedMap = (typeof MOVED_MAPS)[number];

/** What goes into one bucket: the raw values of each map, by id; posts' dates for the index. */
export interface BucketShare {
  bucket: BucketKey;
  items: Record<MovedMap, Array<[string, unknown]>>;
  /** createdAt of each post moved (what noteBucketItem records). */
  postDates: number[];
}

/**
 * Where each item of an old-layout space document belongs: a post in the month it was published
 * (publishedAt, else createdAt), a comment with its post, a reaction with its target, a moderation
 * mark with its item. Items whose parent is not in the document go by their own date; marks of
 * items not in the document stay where they are. Empty when the document holds no items.
 */
export function planBucketSplit(spaceDoc: Y.Doc): BucketShare[] {
  const home = new Map<string, BucketKey>();
  const shares = new Map<BucketKey, BucketShare>();
  const share = (bucket: BucketKey) => {
    let s = shares.get(bucket);
    if (s === undefined) {
      s = { bucket, items: { posts: [], comments: [], reactions: [], moderation: [] }, postDates: [] };
      shares.set(bucket, s);
    }
    return s;
  };
  const ownDate = (v: Record<string, unknown>) => (typeof v.publishedAt === 'number' ? v.publishedAt : typeof v.createdAt === 'number' ? v.createdAt : 0);
  for (const [id, value] of spaceDoc.getMap<unknown>(SPACE_POSTS).entries()) {
    const v = record(value);
    const bucket = bucketKeyOf(ownDate(v));
    home.set(id, bucket);
    const s = share(bucket);
    s.items.posts.push([id, value]);
    if (typeof v.createdAt === 'number') s.postDates.push(v.createdAt);
  }
  for (const [id, value] of spaceDoc.getMap<unknown>(SPACE_COMMENTS).entries()) {
    const v = record(value);
    const bucket = (typeof v.post === 'string' ? home.get(v.post) : undefined) ?? bucketKeyOf(ownDate(v));
    home.set(id, bucket);
    share(bucket).items.comments.push([id, value]);
  }
  for (const [id, value] of spaceDoc.getMap<unknown>(SPACE_REACTIONS).entries()) {
    const v = record(value);
    const bucket = (typeof v.target === 'string' ? home.get(v.target) : undefined) ?? bucketKeyOf(ownDate(v));
    home.set(id, bucket);
    share(bucket).items.reactions.push([id, value]);
  }
  for (const [id, value] of spaceDoc.getMap<unknown>(MODERATION).entries()) {
    const bucket = home.get(id);
    if (bucket !== undefined) share(bucket).items.moderation.push([id, value]);
  }
  return [...shares.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : 1));
}

/**
 * Copies a share into its bucket document (which initBucket has set up). An item already there
 * with the same or a higher version is left alone (a repeated migration, or a newer publication).
 */
export function copyIntoBucket(bucketDoc: Y.Doc, share: BucketShare): number {
  let writes = 0;
  bucketDoc.transact(() => {
    for (const name of MOVED_MAPS) {
      const map = bucketDoc.getMap<unknown>(name);
      for (const [id, value] of share.items[name]) {
        const held = map.get(id);
        if (held !== undefined && (name === MODERATION || versionOf(held) >= versionOf(value))) continue;
        map.set(id, value);
        writes++;
      }
    }
  });
  return writes;
}

/** Removes the moved items from the space document, once they are in their buckets. */
export function removeMovedItems(spaceDoc: Y.Doc, shares: readonly BucketShare[]): number {
  let removed = 0;
  spaceDoc.transact(() => {
    for (const share of shares) {
      for (const name of MOVED_MAPS) {
        const map = spaceDoc.getMap<unknown>(name);
        for (const [id] of share.items[name]) {
          if (!map.has(id)) continue;
          map.delete(id);
          removed++;
        }
      }
    }
  });
  return removed;
}

/** Every id moved by the shares except moderation marks (the items whose publication records follow them). */
export function movedItemIds(share: BucketShare): string[] {
  return [...share.items.posts, ...share.items.comments, ...share.items.reactions].map(([id]) => id);
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function versionOf(v: unknown): number {
  const version = record(v).version;
  return typeof version === 'number' ? version : 0;
}
