// Accepted answers, must-read reach and AMA order: the relay's writes and what every reader derives.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readInbox } from './document-views.js';
import { amaQuestions, mustReadPending, unansweredQuestions } from './engagement-views.js';
import { writeAcceptAnswer, writePost, writeReadAck, retractEntry } from './outbox-writes.js';
import { readOutbox } from './outbox-schema.js';
import { overlayOutbox } from './overlay.js';
import { applyAcceptAnswer, mustReadAudience, setReach } from './relay-engagement.js';
import { setSpaceMembers } from './relay-space-writes.js';
import { person } from '../identity/test-records.js';
import { publishEntry } from './relay-publish.js';
import { initSpace } from './relay-space-writes.js';
import { readSpace } from './space-view.js';
import type { CommentEntry, PostEntry, ReactionEntry, SpaceMeta } from './types.js';

const T = 1_700_000_000_000;
const META: SpaceMeta = { id: 'help', name: 'Help', description: '', kind: 'discussion', visibility: 'public', facilitators: ['binu'], retentionDays: null, createdAt: T };
const post = (id: string, o: Partial<PostEntry> = {}): PostEntry =>
  ({ id, type: 'post', space: 'help', kind: 'question', title: 'How?', body: 'B', createdAt: T, editedAt: null, retracted: false, ...o });
const comment = (id: string, postId: string, o: Partial<CommentEntry> = {}): CommentEntry =>
  ({ id, type: 'comment', space: 'help', post: postId, replyTo: null, body: 'c', createdAt: T + 1, editedAt: null, retracted: false, ...o });
const vote = (id: string, target: string): ReactionEntry =>
  ({ id, type: 'reaction', space: 'help', target, emoji: '👍', createdAt: T + 2, editedAt: null, retracted: false });

function space(): Y.Doc {
  const doc = new Y.Doc();
  initSpace(doc, META);
  publishEntry(doc, { author: 'ana', entry: post('q1'), version: 1 });
  publishEntry(doc, { author: 'binu', entry: comment('c1', 'q1', { createdAt: T + 1 }), version: 1 });
  publishEntry(doc, { author: 'carl', entry: comment('c2', 'q1', { createdAt: T + 2 }), version: 1 });
  return doc;
}
const accept = (doc: Y.Doc, entry: string, comment: string | null, at: number, retracted = false) =>
  applyAcceptAnswer(doc, { entry, post: 'q1', comment, by: 'ana', at, retracted });

describe('accepted answers', () => {
  it('marks the accepted answer and shows it first', () => {
    const doc = space();
    expect(accept(doc, 'a1', 'c2', T + 10)).toBe('accepted');
    const q = readSpace(doc).posts[0]!;
    expect(q.acceptedAnswer).toBe('c2');
    expect(q.comments.map((c) => c.id)).toEqual(['c2', 'c1']);
  });

  it('keeps one accepted answer: a later acceptance replaces it, an older replay does not', () => {
    const doc = space();
    accept(doc, 'a1', 'c1', T + 10);
    accept(doc, 'a2', 'c2', T + 20);
    expect(accept(doc, 'a1', 'c1', T + 10)).toBe('unchanged');
    expect(readSpace(doc).posts[0]!.acceptedAnswer).toBe('c2');
  });

  it('is withdrawn by comment null, or by retracting the entry that holds it (not an older one)', () => {
    const doc = space();
    accept(doc, 'a1', 'c1', T + 10);
    accept(doc, 'a2', 'c2', T + 20);
    expect(accept(doc, 'a1', 'c1', T + 10, true)).toBe('unchanged');
    expect(accept(doc, 'a2', 'c2', T + 20, true)).toBe('cleared');
    expect(readSpace(doc).posts[0]!.acceptedAnswer).toBeUndefined();
    accept(doc, 'a3', 'c1', T + 30);
    expect(accept(doc, 'a4', null, T + 40)).toBe('cleared');
    expect(readSpace(doc).posts[0]!.acceptedAnswer).toBeUndefined();
  });

  it('does not count an answer that is no longer visible', () => {
    const doc = space();
    accept(doc, 'a1', 'c2', T + 10);
    publishEntry(doc, { author: 'carl', entry: comment('c2', 'q1', { retracted: true }), version: 2 });
    expect(readSpace(doc).posts[0]!.acceptedAnswer).toBeUndefined();
    expect(unansweredQuestions([readSpace(doc)], T + 100).map((u) => u.post.id)).toEqual(['q1']);
  });

  it('lists unanswered questions oldest first with their age; answered ones leave the list', () => {
    const doc = space();
    publishEntry(doc, { author: 'carl', entry: post('q0', { createdAt: T - 5000 }), version: 1 });
    publishEntry(doc, { author: 'carl', entry: post('d1', { kind: 'discussion', createdAt: T - 9000 }), version: 1 });
    expect(unansweredQuestions([readSpace(doc)], T + 1000).map((u) => [u.post.id, u.age])).toEqual([['q0', 6000], ['q1', 1000]]);
    accept(doc, 'a1', 'c1', T + 10);
    expect(unansweredQuestions([readSpace(doc)], T + 1000).map((u) => u.post.id)).toEqual(['q0']);
  });

  it("shows the asker's own acceptance at once, until the relay has answered it", () => {
    const doc = space();
    const outbox = new Y.Doc();
    const id = writeAcceptAnswer(outbox, { space: 'help', post: 'q1', comment: 'c1' }, { now: T + 50 });
    const mine = overlayOutbox(readSpace(doc), readOutbox(outbox), { me: 'ana' });
    expect(mine.posts[0]!.acceptedAnswer).toBe('c1');
    // Answered (a status exists): the published document is the truth.
    const statuses = { [id]: { entryId: id, state: 'published' as const, version: 1, findings: [], updatedAt: T + 60 } };
    expect(overlayOutbox(readSpace(doc), readOutbox(outbox), { me: 'ana', statuses }).posts[0]!.acceptedAnswer).toBeUndefined();
  });
});

describe('must read', () => {
  it('publishes mustRead on announcements only, and pins them until the reader acknowledges', () => {
    const doc = space();
    publishEntry(doc, { author: 'seema', entry: post('n1', { kind: 'announcement', mustRead: true }), version: 1 });
    publishEntry(doc, { author: 'seema', entry: post('n2', { kind: 'discussion', mustRead: true }), version: 1 });
    const view = readSpace(doc);
    expect(view.posts.find((p) => p.id === 'n2')!.mustRead).toBeUndefined();
    const outbox = new Y.Doc();
    expect(mustReadPending([view], readOutbox(outbox), 'rajesh').map((p) => p.id)).toEqual(['n1']);
    expect(mustReadPending([view], readOutbox(outbox), 'seema')).toEqual([]);
    const ack = writeReadAck(outbox, { space: 'help', post: 'n1' });
    expect(mustReadPending([view], readOutbox(outbox), 'rajesh')).toEqual([]);
    expect(retractEntry(outbox, ack)).toEqual({ ok: false, error: 'not-retractable' });
  });

  it('a post written without must-read keeps the outbox shape of older clients (no field)', () => {
    const outbox = new Y.Doc();
    writePost(outbox, { space: 'help', body: 'x' });
    expect(readOutbox(outbox)[0]).not.toHaveProperty('mustRead');
  });

  it('audience: every active reader but the author (public: the directory; private: members and facilitators)', () => {
    const people = ['seema', 'ana', 'binu', 'carl'].map((id) => person({ id, email: `${id}@x.example`, givenName: id[0]!.toUpperCase() + id.slice(1), familyName: 'Lindqvist' }));
    people.push(person({ id: 'dora', email: 'dora@x.example', givenName: 'Dora', familyName: 'Lindqvist', status: 'left' }));
    const pub = new Y.Doc();
    initSpace(pub, META);
    expect([...mustReadAudience(pub, people, 'seema')].sort()).toEqual(['ana', 'binu', 'carl']);
    const priv = new Y.Doc();
    initSpace(priv, { ...META, visibility: 'private', facilitators: ['binu'] });
    setSpaceMembers(priv, ['ana', 'seema', 'dora']);
    expect([...mustReadAudience(priv, people, 'seema')].sort()).toEqual(['ana', 'binu']);
  });

  it('reach in the inbox: counts only, rewritten only when they change', () => {
    const inbox = new Y.Doc();
    const reach = { post: 'n1', space: 'news', title: 'Offsite', acknowledged: 1, audience: 4, updatedAt: T };
    setReach(inbox, reach);
    let updates = 0;
    inbox.on('update', () => updates++);
    setReach(inbox, { ...reach, updatedAt: T + 1 });
    expect(updates).toBe(0);
    setReach(inbox, { ...reach, acknowledged: 2 });
    expect(readInbox(inbox).reach).toEqual({ n1: { ...reach, acknowledged: 2 } });
  });
});

describe('ask me anything', () => {
  it('orders questions by votes, one per person, and marks those the leader answered', () => {
    const doc = new Y.Doc();
    initSpace(doc, META);
    publishEntry(doc, { author: 'ines', entry: post('ama', { kind: 'ama' }), version: 1 });
    publishEntry(doc, { author: 'ana', entry: comment('q1', 'ama', { createdAt: T + 1 }), version: 1 });
    publishEntry(doc, { author: 'carl', entry: comment('q2', 'ama', { createdAt: T + 2 }), version: 1 });
    publishEntry(doc, { author: 'ines', entry: comment('r1', 'ama', { replyTo: 'q1', createdAt: T + 3 }), version: 1 });
    publishEntry(doc, { author: 'ana', entry: vote('v1', 'q2'), version: 1 });
    publishEntry(doc, { author: 'binu', entry: vote('v2', 'q2'), version: 1 });
    publishEntry(doc, { author: 'binu', entry: { ...vote('v3', 'q2') }, version: 1 });
    const ama = readSpace(doc).posts[0]!;
    expect(amaQuestions(ama, 'binu').map((q) => [q.comment.id, q.votes, q.votedByMe, q.answered])).toEqual([
      ['q2', 2, true, false],
      ['q1', 0, false, true],
    ]);
  });
});
