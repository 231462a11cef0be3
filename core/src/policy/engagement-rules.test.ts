// Accepting answers, acknowledging must-read announcements and who opens an AMA, from both sides:
// what an honest client does, and what a modified client could write into its own outbox.
import { describe, expect, it } from 'vitest';
import { person } from '../identity/test-records.js';
import type { DirectoryRecord } from '../identity/types.js';
import type { SpaceMeta } from '../model/types.js';
import { postingRights } from './posting-rights.js';
import { validateEntry, type EntryContext, type EntryProblemCode } from './validate-entry.js';

const seema = person(); // comms + moderator
const rajesh = person({ id: 'rajesh', email: 'rajesh@poll.example', givenName: 'Rajesh', familyName: 'Kumar', roles: ['employee'] });
const binu = person({ id: 'binu', email: 'binu@poll.example', givenName: 'Binu', familyName: 'Thomas', roles: ['employee', 'facilitator'] });
const mallory = person({ id: 'mallory', email: 'mallory@poll.example', givenName: 'Mallory', familyName: 'Stone', roles: ['employee'] });
const ines = person({ id: 'ines', email: 'ines@poll.example', givenName: 'Ines', familyName: 'Duarte', roles: ['employee', 'leader'] });
const directory = new Map<string, DirectoryRecord>([seema, rajesh, binu, mallory, ines].map((p) => [p.id, p]));

const meta = (id: string, kind: SpaceMeta['kind'], facilitators: string[] = []): SpaceMeta =>
  ({ id, name: id, description: '', kind, visibility: 'public', facilitators, retentionDays: null, createdAt: 0 });
const general = meta('general', 'discussion', ['binu']);
const news = meta('news', 'news', ['ines']);

const QUESTION = '01JD0000000000000000000001';
const ANSWER = '01JD0000000000000000000002';
const ELSEWHERE = '01JD0000000000000000000003';
const ENTRY = '01JD00000000000000000000AA';
const base = { id: ENTRY, createdAt: 1, editedAt: null, retracted: false };
const question = { id: QUESTION, space: 'general', authorId: 'rajesh', state: 'published' as const, kind: 'question' as const };
const answer = { id: ANSWER, post: QUESTION, authorId: 'binu', state: 'published' as const };

function ctx(o: Partial<EntryContext> = {}): EntryContext {
  return { author: rajesh, space: general, members: [], targetPost: question, targetComment: answer, targetMessage: null, existingReactions: [], conversation: null, previous: null, people: (id) => directory.get(id) ?? null, ...o };
}
const codes = (entry: unknown, c: EntryContext): EntryProblemCode[] => {
  const r = validateEntry(entry, c);
  return r.ok ? [] : r.problems.map((p) => p.code);
};
const accept = (o: object = {}) => ({ ...base, type: 'accept-answer', space: 'general', post: QUESTION, comment: ANSWER, ...o });
const readAck = (o: object = {}) => ({ ...base, type: 'read-ack', space: 'news', post: QUESTION, ...o });

describe('accept-answer', () => {
  it.each<[string, unknown, Partial<EntryContext>, EntryProblemCode[]]>([
    ['the asker accepts a comment on their question', accept(), {}, []],
    ['a facilitator of the space accepts one', accept(), { author: binu }, []],
    ['the asker takes the acceptance back', accept({ comment: null }), {}, []],
    ['the asker withdraws the entry', accept({ retracted: true }), {}, []],
    // attacker side
    ["someone else's question", accept(), { author: mallory }, ['not-the-asker']],
    ["someone else takes another's acceptance back", accept({ comment: null }), { author: mallory }, ['not-the-asker']],
    ['a comment from another post', accept(), { targetComment: { ...answer, post: ELSEWHERE } }, ['answer-not-on-question']],
    ['a comment that is not there', accept(), { targetComment: null }, ['answer-not-on-question']],
    ['a removed comment', accept(), { targetComment: { ...answer, state: 'hidden' } }, ['reply-not-published']],
    ['a post that is not a question', accept(), { targetPost: { ...question, kind: 'discussion' } }, ['not-a-question']],
    ['a question in another space', accept(), { targetPost: { ...question, space: 'elsewhere' } }, ['post-not-found']],
    ['a question that is not published', accept(), { targetPost: null }, ['post-not-found']],
    ['a comment id that is not an id', accept({ comment: '../x' }), {}, ['schema']],
    ['a space the author cannot see', accept(), { space: { ...general, visibility: 'secret' } }, ['unknown-space']],
  ])('%s', (_label, entry, o, expected) => {
    expect(codes(entry, ctx(o))).toEqual(expected);
  });
});

describe('read-ack', () => {
  const announcement = { id: QUESTION, space: 'news', authorId: 'seema', state: 'published' as const, kind: 'announcement' as const, mustRead: true };
  it.each<[string, unknown, Partial<EntryContext>, EntryProblemCode[]]>([
    ['an employee acknowledges a must-read announcement', readAck(), {}, []],
    ['a post that is not must-read (inflating reach)', readAck(), { targetPost: { ...announcement, mustRead: false } }, ['not-must-read']],
    ['the author of the announcement', readAck(), { author: seema }, ['own-post']],
    ['a post of another space', readAck({ space: 'news' }), { targetPost: { ...announcement, space: 'general' } }, ['post-not-found']],
  ])('%s', (_label, entry, o, expected) => {
    expect(codes(entry, ctx({ space: news, targetPost: announcement, targetComment: null, ...o }))).toEqual(expected);
  });
});

describe('posts: news, must-read and AMAs', () => {
  const post = (o: object) => ({ ...base, type: 'post', space: 'news', kind: 'announcement', title: 'Offsite', body: 'Read me', ...o });
  it('comms posts a must-read announcement in news', () => {
    expect(codes(post({ mustRead: true }), ctx({ author: seema, space: news, targetPost: null }))).toEqual([]);
  });
  it('a person the news space names (its facilitator) may post there', () => {
    expect(codes(post({ kind: 'discussion' }), ctx({ author: ines, space: news, targetPost: null }))).toEqual([]);
  });
  it('an employee may not post in news, must-read or not', () => {
    expect(codes(post({ mustRead: true }), ctx({ space: news, targetPost: null }))).toEqual(['news-comms-only', 'announcement-not-allowed']);
  });
  it('only an announcement can be must-read', () => {
    expect(codes(post({ space: 'general', kind: 'discussion', mustRead: true }), ctx({ targetPost: null }))).toEqual(['must-read-not-announcement']);
  });
  it('only a leader opens an AMA', () => {
    const ama = post({ space: 'general', kind: 'ama' });
    expect(codes(ama, ctx({ author: ines, targetPost: null }))).toEqual([]);
    expect(codes(ama, ctx({ targetPost: null }))).toEqual(['ama-leaders-only']);
  });
  it('the composer offers what the relay accepts: news kinds only to comms and named people, AMA only to leaders', () => {
    expect(postingRights(rajesh, { id: 'news', meta: news, members: [] }).kinds).toEqual([]);
    expect(postingRights(seema, { id: 'news', meta: news, members: [] }).kinds).toEqual(['discussion', 'question', 'announcement']);
    expect(postingRights(ines, { id: 'general', meta: general, members: [] }).kinds).toEqual(['discussion', 'question', 'ama']);
    expect(postingRights(rajesh, { id: 'general', meta: general, members: [] }).kinds).toEqual(['discussion', 'question']);
  });
});
