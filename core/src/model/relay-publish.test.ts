import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { SPACE_COMMENTS, SPACE_POSTS, SPACE_REACTIONS } from './doc-layout.js';
import { hideItem, publicationRoom, publishEntry, restoreItem } from './relay-publish.js';
import { initConversation, initSpace } from './relay-space-writes.js';
import { readConversation } from './document-views.js';
import { readSpace } from './space-view.js';
import type { CommentEntry, MessageEntry, OutboxEntry, PostEntry, ReactionEntry, SpaceMeta } from './types.js';

const T = 1_700_000_000_000;
const META: SpaceMeta = {
  id: 'media-wing', name: 'Media wing', description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: T,
};

function post(id: string, over: Partial<PostEntry> = {}): PostEntry {
  return { id, type: 'post', space: 'media-wing', kind: 'discussion', title: 'T', body: 'B', createdAt: T, editedAt: null, retracted: false, ...over };
}
function comment(id: string, postId: string, over: Partial<CommentEntry> = {}): CommentEntry {
  return { id, type: 'comment', space: 'media-wing', post: postId, replyTo: null, body: 'c', createdAt: T + 1, editedAt: null, retracted: false, ...over };
}
function reaction(id: string, target: string, over: Partial<ReactionEntry> = {}): ReactionEntry {
  return { id, type: 'reaction', space: 'media-wing', target, emoji: '👍', createdAt: T + 2, editedAt: null, retracted: false, ...over };
}
function space(): Y.Doc {
  const doc = new Y.Doc();
  initSpace(doc, META);
  return doc;
}

describe('publishEntry', () => {
  it('publishes a post with the outbox owner as author, ignoring a smuggled authorId', () => {
    const doc = space();
    const smuggled = { ...post('p1'), authorId: 'ceo', author: 'ceo' } as OutboxEntry;
    expect(publishEntry(doc, { author: 'ana', entry: smuggled, version: 1, publishedAt: T + 10 })).toEqual({ ok: true, outcome: 'applied' });
    const stored = doc.getMap(SPACE_POSTS).get('p1');
    expect(stored).toMatchObject({ authorId: 'ana', state: 'published', version: 1, publishedAt: T + 10 });
    expect(stored).not.toHaveProperty('author');
    expect(readSpace(doc).posts[0]?.authorId).toBe('ana');
  });

  it('is idempotent per version and keeps the highest', () => {
    const doc = space();
    const v2 = post('p1', { body: 'second', editedAt: T + 5 });
    expect(publishEntry(doc, { author: 'ana', entry: v2, version: 2 })).toEqual({ ok: true, outcome: 'applied' });
    expect(publishEntry(doc, { author: 'ana', entry: v2, version: 2 })).toEqual({ ok: true, outcome: 'unchanged' });
    expect(publishEntry(doc, { author: 'ana', entry: post('p1'), version: 1 })).toEqual({ ok: true, outcome: 'stale' });
    expect(readSpace(doc).posts[0]?.body).toBe('second');
  });

  it('refuses what does not belong in the document', () => {
    const doc = space();
    const report: OutboxEntry = { id: 'r1', type: 'report', space: 'media-wing', target: 'p1', reason: 'x', createdAt: T, editedAt: null, retracted: false };
    expect(publishEntry(doc, { author: 'ana', entry: report, version: 1 })).toEqual({ ok: false, error: 'not-publishable' });
    expect(publishEntry(doc, { author: 'ana', entry: post('p1', { space: 'other' }), version: 1 })).toEqual({ ok: false, error: 'wrong-document' });
  });

  it('never lets one author overwrite another’s item by reusing its id', () => {
    const doc = space();
    publishEntry(doc, { author: 'ana', entry: post('p1'), version: 1 });
    expect(publishEntry(doc, { author: 'bo', entry: post('p1', { body: 'mine now' }), version: 9 })).toEqual({ ok: false, error: 'id-taken' });
    expect(publishEntry(doc, { author: 'ana', entry: comment('p1', 'p1'), version: 9 })).toEqual({ ok: false, error: 'id-taken' });
    expect(readSpace(doc).posts[0]).toMatchObject({ authorId: 'ana', body: 'B' });
  });

  it('blanks a retracted item and leaves it out of the view', () => {
    const doc = space();
    publishEntry(doc, { author: 'ana', entry: post('p1'), version: 1 });
    publishEntry(doc, { author: 'ana', entry: post('p1', { retracted: true }), version: 2 });
    expect(doc.getMap(SPACE_POSTS).get('p1')).toMatchObject({ state: 'retracted', title: '', body: '' });
    expect(readSpace(doc).posts).toEqual([]);
  });

  it('keeps a hidden item hidden through newer versions until restored', () => {
    const doc = space();
    publishEntry(doc, { author: 'ana', entry: post('p1'), version: 1 });
    expect(hideItem(doc, 'p1')).toEqual({ ok: true, found: true });
    expect(readSpace(doc).posts).toEqual([]);
    publishEntry(doc, { author: 'ana', entry: post('p1', { body: 'edited' }), version: 2 });
    expect(readSpace(doc).posts).toEqual([]);
    restoreItem(doc, 'p1');
    expect(readSpace(doc).posts[0]?.body).toBe('edited');
    expect(hideItem(doc, 'later')).toEqual({ ok: true, found: false });
    publishEntry(doc, { author: 'ana', entry: post('later'), version: 1 });
    expect(readSpace(doc).posts.map((p) => p.id)).toEqual(['p1']);
  });

  it('publishes messages into a conversation', () => {
    const dm = new Y.Doc();
    initConversation(dm, { id: 'c1', participants: ['bo', 'ana', 'bo'], createdAt: T });
    const message = (id: string, conversation: string): MessageEntry =>
      ({ id, type: 'message', conversation, to: null, body: 'hi', createdAt: T, editedAt: null, retracted: false });
    expect(publishEntry(dm, { author: 'ana', entry: message('m1', 'c1'), version: 1 })).toEqual({ ok: true, outcome: 'applied' });
    expect(publishEntry(dm, { author: 'ana', entry: message('m2', 'c2'), version: 1 })).toEqual({ ok: false, error: 'wrong-document' });
    expect(publishEntry(dm, { author: 'ana', entry: post('p1'), version: 1 })).toEqual({ ok: false, error: 'wrong-document' });
    const view = readConversation(dm);
    expect(view).toMatchObject({ id: 'c1', participants: ['ana', 'bo'], createdAt: T });
    expect(view.messages).toEqual([{ id: 'm1', authorId: 'ana', body: 'hi', createdAt: T, editedAt: null, state: 'published' }]);
  });
});

// Property: for any set of entries with several versions each, applying the versions in any order,
// with repeats, gives the same space as applying them in order once.
describe('publication is idempotent and order-insensitive', () => {
  type Pub = { author: string; entry: OutboxEntry; version: number; publishedAt: number };

  const versionsArb = fc.array(
    fc.record({ body: fc.string({ maxLength: 5 }), retracted: fc.boolean() }),
    { minLength: 1, maxLength: 4 },
  );
  const scenarioArb = fc.record({
    posts: fc.array(versionsArb, { minLength: 1, maxLength: 3 }),
    comments: fc.array(fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: null }), versionsArb), { maxLength: 4 }),
    reactions: fc.array(fc.tuple(fc.nat(), fc.constantFrom('👍', '🎉', '❤️' as const), fc.constantFrom('ana', 'bo'), versionsArb), { maxLength: 4 }),
    hidden: fc.array(fc.nat(), { maxLength: 2 }),
  });

  type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

  function publications(s: Scenario): Pub[] {
    const pubs: Pub[] = [];
    const add = (author: string, make: (v: { body: string; retracted: boolean }, i: number) => OutboxEntry, versions: { body: string; retracted: boolean }[]) =>
      versions.forEach((v, i) => pubs.push({ author, entry: make(v, i), version: i + 1, publishedAt: T + 100 + i }));
    const postIds = s.posts.map((_, i) => `p${i}`);
    s.posts.forEach((vs, n) => add(n % 2 ? 'bo' : 'ana', (v, i) => post(`p${n}`, { body: v.body, retracted: v.retracted, editedAt: i ? T + i : null, createdAt: T + n }), vs));
    s.comments.forEach(([p, reply, vs], n) =>
      add('cy', (v) => comment(`c${n}`, postIds[p % postIds.length] ?? 'p0', { body: v.body, retracted: v.retracted, replyTo: reply === null ? null : `c${reply % 4}`, createdAt: T + 10 + n }), vs));
    s.reactions.forEach(([t, emoji, author, vs], n) =>
      add(author, (v) => reaction(`r${n}-${author}`, postIds[t % postIds.length] ?? 'p0', { emoji, retracted: v.retracted }), vs));
    return pubs;
  }

  // 200 scenarios: ~2 s alone, several times that on a busy 2-core CI machine.
  it('gives the same view for any delivery order with repeats', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat()), (s, noise) => {
        const pubs = publications(s);
        const inOrder = space();
        for (const id of s.hidden) hideItem(inOrder, `p${id % 3}`);
        for (const p of pubs) publishEntry(inOrder, p);
        // Shuffle by the noise and repeat some deliveries. A withdrawn reaction is deleted, not kept
        // with its version, so its versions arrive in order and only its latest is repeated: the
        // relay's publication records never go back a version (publication-store.ts).
        const shuffled = pubs.map((p, i) => ({ p, k: noise[i % Math.max(1, noise.length)] ?? i, i })).sort((a, b) => a.k - b.k || b.i - a.i).map((x) => x.p);
        const reactionsInOrder = pubs.filter((p) => p.entry.type === 'reaction');
        const ordered = shuffled.map((p) => (p.entry.type === 'reaction' ? (reactionsInOrder.shift() as Pub) : p));
        const latest = (p: Pub) => p.entry.type !== 'reaction' || !pubs.some((q) => q.entry.id === p.entry.id && q.version > p.version);
        const repeated = [...ordered, ...ordered.filter((p, i) => (noise[i] ?? 0) % 2 === 0 && latest(p))];
        const scrambled = space();
        for (const id of s.hidden) hideItem(scrambled, `p${id % 3}`);
        for (const p of repeated) publishEntry(scrambled, p);
        expect(readSpace(scrambled)).toEqual(readSpace(inOrder));
      }),
      { numRuns: 200 },
    );
  });
});

describe('what the relay stamps and collects', () => {
  const NOW = T + 60_000;

  it('dates an item no later than its publication, and keeps the first date through edits', () => {
    const doc = space();
    const future = Date.UTC(2286, 0, 1);
    publishEntry(doc, { author: 'ana', entry: post('p1', { createdAt: future, editedAt: future }), version: 1, publishedAt: NOW });
    expect(doc.getMap(SPACE_POSTS).get('p1')).toMatchObject({ createdAt: NOW, editedAt: NOW, publishedAt: NOW });
    // An edit a day later cannot move the post: createdAt stays the first publication's.
    publishEntry(doc, { author: 'ana', entry: post('p1', { createdAt: future, editedAt: NOW + 5, body: 'edited' }), version: 2, publishedAt: NOW + 86_400_000 });
    expect(doc.getMap(SPACE_POSTS).get('p1')).toMatchObject({ createdAt: NOW, editedAt: NOW + 5, body: 'edited' });
    // Written offline earlier: the author's own date stands.
    publishEntry(doc, { author: 'ana', entry: comment('c1', 'p1', { createdAt: T - 3_600_000 }), version: 1, publishedAt: NOW });
    expect(doc.getMap(SPACE_COMMENTS).get('c1')).toMatchObject({ createdAt: T - 3_600_000 });
    expect(readSpace(doc).posts.map((p) => p.createdAt)).toEqual([NOW]);
  });

  it('deletes a withdrawn reaction instead of keeping a record of it, and stays idempotent', () => {
    const doc = space();
    publishEntry(doc, { author: 'ana', entry: post('p1'), version: 1, publishedAt: NOW });
    publishEntry(doc, { author: 'bo', entry: reaction('r1', 'p1'), version: 1, publishedAt: NOW });
    expect(readSpace(doc).posts[0]?.reactions).toEqual({ '👍': ['bo'] });
    expect(publishEntry(doc, { author: 'bo', entry: reaction('r1', 'p1', { retracted: true }), version: 2, publishedAt: NOW })).toEqual({ ok: true, outcome: 'applied' });
    expect(doc.getMap(SPACE_REACTIONS).has('r1')).toBe(false);
    expect(publishEntry(doc, { author: 'bo', entry: reaction('r1', 'p1', { retracted: true }), version: 2, publishedAt: NOW })).toEqual({ ok: true, outcome: 'unchanged' });
    expect(readSpace(doc).posts[0]?.reactions).toEqual({});
  });

  it('grows a space by little per react-and-withdraw round', () => {
    const doc = space();
    publishEntry(doc, { author: 'ana', entry: post('p1'), version: 1, publishedAt: NOW });
    const size = () => Y.encodeStateAsUpdate(doc).byteLength;
    const round = (i: number) => {
      const id = `01JREACTION${String(i).padStart(15, '0')}`;
      publishEntry(doc, { author: 'bo', entry: reaction(id, 'p1'), version: 1, publishedAt: NOW });
      publishEntry(doc, { author: 'bo', entry: reaction(id, 'p1', { retracted: true }), version: 2, publishedAt: NOW });
    };
    round(0);
    const before = size();
    for (let i = 1; i <= 300; i++) round(i);
    // A 'retracted' record per round cost about 200 bytes; the trace of a deleted key is its id.
    expect((size() - before) / 300).toBeLessThan(60);
  });
});

describe('publicationRoom', () => {
  it('names the room each entry type is published into', () => {
    expect(publicationRoom(post('p1'), { at: T })).toEqual({ kind: 'bucket', space: 'media-wing', bucket: '2023-11' });
    expect(publicationRoom({ id: 'm', type: 'message', conversation: 'c1', to: null, body: '', createdAt: T, editedAt: null, retracted: false }, { at: T })).toEqual({ kind: 'dm', conversation: 'c1' });
    expect(publicationRoom({ id: 'a', type: 'ack', policyVersion: 1, createdAt: T, editedAt: null, retracted: false }, { at: T })).toBeNull();
  });
});
