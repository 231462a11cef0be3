import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { ulid } from 'ulid';
import {
  bucketKeyOf,
  bucketPostCount,
  likelyBucketsOfId,
  bucketsToKeep,
  initBucket,
  nextOlderBucket,
  noteBucketItem,
  previousBucketKey,
  readBucketIndex,
  recentBucketKeys,
} from './buckets.js';
import { parentItemOf, publicationRoom, publishEntry, hideItem } from './relay-publish.js';
import { initSpace } from './relay-space-writes.js';
import { roomName } from './room-names.js';
import { readSpace, readSpaceAcross } from './space-view.js';
import type { CommentEntry, OutboxEntry, PostEntry, ReactionEntry, SpaceMeta } from './types.js';

const NOV = Date.UTC(2026, 10, 25, 12);
const OCT = Date.UTC(2026, 9, 3);
const META: SpaceMeta = {
  id: 'media-wing', name: 'Media wing', description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: 0,
};

function post(id: string, over: Partial<PostEntry> = {}): PostEntry {
  return { id, type: 'post', space: 'media-wing', kind: 'discussion', title: 'T', body: 'B', createdAt: OCT, editedAt: null, retracted: false, ...over };
}
function comment(id: string, postId: string, over: Partial<CommentEntry> = {}): CommentEntry {
  return { id, type: 'comment', space: 'media-wing', post: postId, replyTo: null, body: 'c', createdAt: OCT + 1, editedAt: null, retracted: false, ...over };
}
function reaction(id: string, target: string, over: Partial<ReactionEntry> = {}): ReactionEntry {
  return { id, type: 'reaction', space: 'media-wing', target, emoji: '👍', createdAt: OCT + 2, editedAt: null, retracted: false, ...over };
}

describe('bucket keys', () => {
  it('is the calendar month in UTC, and walks back across years', () => {
    expect(bucketKeyOf(NOV)).toBe('2026-11');
    expect(bucketKeyOf(Date.UTC(2027, 0, 1) - 1)).toBe('2026-12');
    expect(previousBucketKey('2026-01')).toBe('2025-12');
    expect(recentBucketKeys(Date.UTC(2026, 0, 15))).toEqual(['2026-01', '2025-12', '2025-11']);
  });

  it('guesses the months of a post from its ULID, and nothing from a readable id', () => {
    expect(likelyBucketsOfId(ulid(NOV))).toEqual(['2026-11', '2026-12']);
    expect(likelyBucketsOfId(ulid(Date.UTC(2025, 0, 31)))).toEqual(['2025-01', '2025-02']);
    expect(likelyBucketsOfId('welcome-post')).toEqual([]);
  });

  it('keeps the recent months and whatever was opened, newest first', () => {
    expect(bucketsToKeep(NOV, ['2024-02', 'junk', '2026-10'])).toEqual(['2026-11', '2026-10', '2026-09', '2024-02']);
  });
});

describe('publicationRoom with buckets', () => {
  it('puts a new post in the bucket of the month it is published in, not the month its author claims', () => {
    expect(publicationRoom(post('p1', { createdAt: Date.UTC(1999, 0, 1) }), { at: NOV })).toEqual({ kind: 'bucket', space: 'media-wing', bucket: '2026-11' });
  });

  it('keeps an edit where the first version went, and a comment or reaction beside its parent', () => {
    expect(publicationRoom(post('p1'), { at: NOV, own: 'space/media-wing/2026-02' })).toEqual({ kind: 'bucket', space: 'media-wing', bucket: '2026-02' });
    expect(parentItemOf(comment('c1', 'p1'))).toBe('p1');
    expect(parentItemOf(reaction('r1', 'c1'))).toBe('c1');
    expect(publicationRoom(comment('c1', 'p1'), { at: NOV, parent: 'space/media-wing/2025-07' })).toEqual({ kind: 'bucket', space: 'media-wing', bucket: '2025-07' });
    // Data not migrated yet: beside its post in the space document.
    expect(publicationRoom(reaction('r1', 'p1'), { at: NOV, parent: 'space/media-wing' })).toEqual({ kind: 'space', space: 'media-wing' });
  });

  it('never follows a record into another space or another kind of room', () => {
    for (const forged of ['space/other/2026-01', 'dm/c1', 'inbox/ana', 'space/media-wing/2026-13', 'nonsense']) {
      expect(publicationRoom(comment('c1', 'p1'), { at: NOV, parent: forged })).toEqual({ kind: 'bucket', space: 'media-wing', bucket: '2026-11' });
    }
  });

  it('names no room for what is never published, and the conversation for a message', () => {
    expect(publicationRoom({ id: 'a', type: 'ack', policyVersion: 1, createdAt: NOV, editedAt: null, retracted: false }, { at: NOV })).toBeNull();
    expect(publicationRoom({ id: 'm', type: 'message', conversation: 'c1', to: null, body: '', createdAt: NOV, editedAt: null, retracted: false }, { at: NOV })).toEqual({ kind: 'dm', conversation: 'c1' });
  });
});

describe('bucket documents and the index', () => {
  it('refuses an entry of another space in a bucket', () => {
    const bucket = new Y.Doc();
    initBucket(bucket, 'media-wing', '2026-11');
    expect(publishEntry(bucket, { author: 'ana', entry: post('p1', { space: 'other' }), version: 1 })).toEqual({ ok: false, error: 'wrong-document' });
  });

  it('indexes count, first and last the same whatever the order and repeats', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    noteBucketItem(a, '2026-10', { posts: 1, createdAt: OCT });
    noteBucketItem(a, '2026-10', { posts: 2, createdAt: OCT + 5 });
    noteBucketItem(b, '2026-10', { posts: 2, createdAt: OCT + 5 });
    noteBucketItem(b, '2026-10', { posts: 1, createdAt: OCT });
    expect(noteBucketItem(b, '2026-10', { posts: 1, createdAt: OCT })).toBe(false);
    expect(readBucketIndex(a)).toEqual([{ key: '2026-10', posts: 2, first: OCT, last: OCT + 5 }]);
    expect(readBucketIndex(b)).toEqual(readBucketIndex(a));
  });

  it('skips malformed index lines and offers the newest bucket not open as "older"', () => {
    const space = new Y.Doc();
    noteBucketItem(space, '2026-11', { posts: 1, createdAt: NOV });
    noteBucketItem(space, '2025-01', { posts: 1, createdAt: Date.UTC(2025, 0, 2) });
    noteBucketItem(space, '2026-02', { posts: 1, createdAt: Date.UTC(2026, 1, 2) });
    space.getMap('buckets').set('9999-99', { posts: 1, first: 0, last: 0 });
    space.getMap('buckets').set('2026-03', { posts: -1, first: 0, last: 0 });
    const index = readBucketIndex(space);
    expect(index.map((b) => b.key)).toEqual(['2026-11', '2026-02', '2025-01']);
    expect(nextOlderBucket(index, new Set(recentBucketKeys(NOV)))).toBe('2026-02');
    expect(nextOlderBucket(index, new Set(['2026-11', '2026-02', '2025-01']))).toBeNull();
  });

  it('reads a space across its open buckets, ignoring a bucket of another space', () => {
    const space = new Y.Doc();
    initSpace(space, META);
    const oct = new Y.Doc();
    initBucket(oct, 'media-wing', '2026-10');
    const nov = new Y.Doc();
    initBucket(nov, 'media-wing', '2026-11');
    const stranger = new Y.Doc();
    initBucket(stranger, 'other', '2026-11');
    publishEntry(oct, { author: 'ana', entry: post('old'), version: 1, publishedAt: OCT });
    publishEntry(oct, { author: 'bo', entry: comment('c1', 'old', { createdAt: NOV }), version: 1, publishedAt: NOV });
    publishEntry(nov, { author: 'ana', entry: post('new', { createdAt: NOV }), version: 1, publishedAt: NOV });
    stranger.getMap('posts').set('x', { ...nov.getMap('posts').get('new') as object, id: 'x', space: 'other' });
    expect(readSpaceAcross(space, [nov]).posts.map((p) => p.id)).toEqual(['new']);
    const all = readSpaceAcross(space, [nov, oct, stranger]);
    expect(all.posts.map((p) => p.id)).toEqual(['new', 'old']);
    expect(all.posts[1]?.comments.map((c) => c.id)).toEqual(['c1']);
    expect(all.meta?.name).toBe('Media wing');
  });
});

// Property: a relay that publishes into buckets (choosing each room with publicationRoom from its
// own records, as sync-server does) ends with the same view as one that publishes everything into one
// space document, for any delivery order with repeats, and the index counts every bucket's posts.
// The relay only publishes a comment or reaction once its parent is published (validation), so
// deliveries are shuffled under that one constraint.
describe('publication with buckets is idempotent and order-insensitive', () => {
  type Pub = { author: string; entry: OutboxEntry; version: number; publishedAt: number };
  const MONTH = 31 * 86_400_000;
  const versionsArb = fc.array(fc.record({ body: fc.string({ maxLength: 4 }), retracted: fc.boolean(), month: fc.nat(5) }), { minLength: 1, maxLength: 3 });
  const scenarioArb = fc.record({
    posts: fc.array(versionsArb, { minLength: 1, maxLength: 4 }),
    comments: fc.array(fc.tuple(fc.nat(), versionsArb), { maxLength: 4 }),
    reactions: fc.array(fc.tuple(fc.nat(), fc.constantFrom('👍', '🎉' as const), fc.constantFrom('ana', 'bo'), fc.boolean()), { maxLength: 4 }),
    hidden: fc.array(fc.nat(), { maxLength: 2 }),
  });
  type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;
  const START = Date.UTC(2026, 0, 10);

  function publications(s: Scenario): Pub[] {
    const pubs: Pub[] = [];
    s.posts.forEach((vs, n) =>
      vs.forEach((v, i) => pubs.push({ author: n % 2 ? 'bo' : 'ana', version: i + 1, publishedAt: START + v.month * MONTH + i, entry: post(`p${n}`, { body: v.body, retracted: v.retracted, createdAt: START, editedAt: i ? START + i : null }) })),
    );
    s.comments.forEach(([p, vs], n) =>
      vs.forEach((v, i) => pubs.push({ author: 'cy', version: i + 1, publishedAt: START + v.month * MONTH + i, entry: comment(`c${n}`, `p${p % s.posts.length}`, { body: v.body, retracted: v.retracted, createdAt: START + 1, editedAt: i ? START + i : null }) })),
    );
    s.reactions.forEach(([t, emoji, author, onComment], n) => {
      const target = onComment && s.comments.length > 0 ? `c${t % s.comments.length}` : `p${t % s.posts.length}`;
      pubs.push({ author, version: 1, publishedAt: START + (t % 6) * MONTH, entry: reaction(`r${n}`, target, { emoji }) });
    });
    return pubs;
  }

  /** A relay with buckets: its records say where each entry went (publication-store.ts). */
  function bucketedRelay(hidden: string[]) {
    const space = new Y.Doc();
    initSpace(space, META);
    const rooms = new Map<string, Y.Doc>();
    const records = new Map<string, string>();
    const open = (name: string) => rooms.get(name) ?? rooms.set(name, new Y.Doc()).get(name)!;
    const hiddenIds = new Set(hidden);
    return {
      space,
      rooms,
      published: (id: string) => records.has(id),
      publish(p: Pub): void {
        const parent = parentItemOf(p.entry);
        const room = publicationRoom(p.entry, { at: p.publishedAt, own: records.get(p.entry.id) ?? null, parent: parent === null ? null : records.get(parent) ?? null });
        if (room?.kind !== 'bucket') throw new Error('expected a bucket');
        const name = roomName(room);
        const doc = open(name);
        initBucket(doc, room.space, room.bucket);
        // A moderator's mark made before the item arrived goes where the item goes.
        if (hiddenIds.has(p.entry.id) && !records.has(p.entry.id)) hideItem(doc, p.entry.id);
        const result = publishEntry(doc, p);
        if (!result.ok) throw new Error(result.error);
        records.set(p.entry.id, name);
        if (parent === null) noteBucketItem(space, room.bucket, { posts: bucketPostCount(doc), createdAt: doc.getMap<{ createdAt: number }>('posts').get(p.entry.id)!.createdAt });
      },
    };
  }

  it('gives the one-document view for any delivery order with repeats', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat()), (s, noise) => {
        const pubs = publications(s);
        const hidden = s.hidden.map((h) => `p${h % s.posts.length}`);
        const single = new Y.Doc();
        initSpace(single, META);
        for (const id of hidden) hideItem(single, id);
        for (const p of pubs) publishEntry(single, p);

        const relay = bucketedRelay(hidden);
        const queue = pubs.map((p, i) => ({ p, k: noise[i % Math.max(1, noise.length)] ?? i, i })).sort((a, b) => a.k - b.k || b.i - a.i).map((x) => x.p);
        const delivered: Pub[] = [];
        while (queue.length > 0) {
          // The first delivery whose parent is published, and whose earlier versions went first.
          const at = queue.findIndex((p) => {
            const parent = parentItemOf(p.entry);
            return (parent === null || relay.published(parent)) && !queue.some((q) => q.entry.id === p.entry.id && q.version < p.version);
          });
          const [p] = queue.splice(at, 1);
          relay.publish(p!);
          delivered.push(p!);
        }
        for (const [i, p] of delivered.entries()) if ((noise[i] ?? 1) % 2 === 0) relay.publish(p);

        const view = readSpaceAcross(relay.space, relay.rooms.values());
        expect(view).toEqual(readSpace(single));
        const index = readBucketIndex(relay.space);
        expect(index.reduce((n, b) => n + b.posts, 0)).toBe(s.posts.length);
        for (const b of index) expect(relay.rooms.get(`space/media-wing/${b.key}`)?.getMap('posts').size).toBe(b.posts);
      }),
      { numRuns: 150 },
    );
  });
});
