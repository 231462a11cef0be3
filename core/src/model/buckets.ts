// Time buckets: a space's posts live in one document per calendar month (UTC) of their first
// publication, `space/<spaceId>/<yyyy-mm>`, each with the comments, reactions and moderation marks
// on those posts; the space document itself keeps meta, members and a small index of its buckets.
// Why: one document per space grew for ever (27.6 MB for 10,000 posts and 50,000 comments) and a new
// device had to download all of it before it could show the first post. With buckets it opens the
// index and the last few months, and fetches an older month only when a person goes there.
// Only the relay writes buckets and the index (initBucket, noteBucketItem); clients read them with
// readBucketIndex and space-view.ts's readSpaceAcross.
import type * as Y from 'yjs';
import { META, SPACE_BUCKETS, SPACE_POSTS } from './doc-layout.js';
import { isBucketKey, roomName } from './room-names.js';
import type { BucketKey, BucketSummary, SpaceId, Timestamp } from './types.js';

/** How many months (the current one included) every client keeps of every space it belongs to. */
export const RECENT_BUCKETS = 3;

/** The bucket of a moment: its calendar month in UTC, 'yyyy-mm'. */
export function bucketKeyOf(t: Timestamp): BucketKey {
  const d = new Date(t);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first millisecond of a bucket's month. */
export function bucketStart(key: BucketKey): Timestamp {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1, 1);
}

/** The month before `key`. */
export function previousBucketKey(key: BucketKey): BucketKey {
  return bucketKeyOf(bucketStart(key) - 1);
}

/** The `count` months up to and including the one of `now`, newest first. */
export function recentBucketKeys(now: Timestamp, count = RECENT_BUCKETS): BucketKey[] {
  const keys = [bucketKeyOf(now)];
  while (keys.length < count) keys.push(previousBucketKey(keys[keys.length - 1]!));
  return keys;
}

export function bucketRoomName(space: SpaceId, bucket: BucketKey): string {
  return roomName({ kind: 'bucket', space, bucket });
}

/**
 * Relay write: a bucket document's meta (`id`: the space, `bucket`: its key). publishEntry compares
 * `meta.id` with the entry's space exactly as for a space document, so nothing addressed to another
 * space can land in this bucket.
 */
export function initBucket(doc: Y.Doc, space: SpaceId, bucket: BucketKey): void {
  const meta = doc.getMap<unknown>(META);
  if (meta.get('id') === space && meta.get('bucket') === bucket) return;
  doc.transact(() => {
    meta.set('id', space);
    meta.set('bucket', bucket);
  });
}

/**
 * Relay write: records in the space's index that `bucket` holds `posts` posts and one dated
 * `createdAt`. Why min/max and a count read from the bucket (not +1): replays, restarts and the
 * migration may note the same post again, in any order, and the index must come out the same.
 */
export function noteBucketItem(spaceDoc: Y.Doc, bucket: BucketKey, p: { posts: number; createdAt: Timestamp }): boolean {
  const index = spaceDoc.getMap<unknown>(SPACE_BUCKETS);
  const old = summaryOf(bucket, index.get(bucket));
  const next: BucketSummary = {
    key: bucket,
    posts: Math.max(p.posts, old?.posts ?? 0),
    first: Math.min(p.createdAt, old?.first ?? p.createdAt),
    last: Math.max(p.createdAt, old?.last ?? p.createdAt),
  };
  if (old !== null && old.posts === next.posts && old.first === next.first && old.last === next.last) return false;
  spaceDoc.transact(() => index.set(bucket, next));
  return true;
}

/**
 * The number of posts a bucket document holds (what noteBucketItem is given). Why not Y.Map's
 * `size`: it builds an array of every entry, so counting after each publication made a month's
 * publications quadratic in its posts (a sixth of the relay's CPU at 2,000 posts). Counted over the
 * map's own entries without allocating; still exact when an entry is deleted.
 */
export function bucketPostCount(bucketDoc: Y.Doc): number {
  let n = 0;
  for (const item of bucketDoc.getMap<unknown>(SPACE_POSTS)._map.values()) if (!item.deleted) n++;
  return n;
}

/** The bucket index of a space document, newest bucket first. Malformed lines are skipped. */
export function readBucketIndex(spaceDoc: Y.Doc): BucketSummary[] {
  const out: BucketSummary[] = [];
  for (const [key, value] of spaceDoc.getMap<unknown>(SPACE_BUCKETS).entries()) {
    const summary = summaryOf(key, value);
    if (summary !== null) out.push(summary);
  }
  return out.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}

/**
 * The buckets a client keeps of a space: the recent months, plus every month it has opened, in the
 * index or not (the current month may have no post yet but will).
 */
export function bucketsToKeep(now: Timestamp, opened: Iterable<BucketKey> = []): BucketKey[] {
  return [...new Set([...recentBucketKeys(now), ...[...opened].filter(isBucketKey)])].sort().reverse();
}

/**
 * The next bucket to open when a person scrolls back ("Older posts"): the newest bucket of the
 * index that is not open yet, or null when everything listed is open.
 */
export function nextOlderBucket(index: readonly BucketSummary[], open: ReadonlySet<BucketKey>): BucketKey | null {
  return index.find((b) => !open.has(b.key))?.key ?? null;
}

function summaryOf(key: string, v: unknown): BucketSummary | null {
  if (!isBucketKey(key) || typeof v !== 'object' || v === null) return null;
  const { posts, first, last } = v as Record<string, unknown>;
  if (!isCount(posts) || typeof first !== 'number' || typeof last !== 'number' || !Number.isFinite(first) || !Number.isFinite(last)) return null;
  return { key, posts, first, last };
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The months a post with this id was most likely published in, for a link to a post that is not on
 * the device: the month of the ULID's time and the one after (a post written offline is published
 * later). Empty for an id that is not a ULID (readable ids of seeded content): search finds those.
 */
export function likelyBucketsOfId(id: string): BucketKey[] {
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/i.test(id)) return [];
  let time = 0;
  for (const ch of id.slice(0, 10).toUpperCase()) time = time * 32 + CROCKFORD.indexOf(ch);
  if (!Number.isSafeInteger(time) || time > 253_402_300_799_999) return [];
  const month = bucketKeyOf(time);
  return [month, bucketKeyOf(bucketStart(month) + 32 * 86_400_000)];
}
