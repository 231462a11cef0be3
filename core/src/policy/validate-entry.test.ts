import { describe, expect, it } from 'vitest';
import { person } from '../identity/test-records.js';
import type { DirectoryRecord } from '../identity/types.js';
import type { OutboxEntry, SpaceMeta } from '../model/types.js';
import { validateEntry } from './validate-entry.js';
import type { EntryContext, EntryProblemCode } from './validate-entry.js';

const seema = person(); // comms + moderator
const rajesh = person({ id: 'rajesh', email: 'rajesh@poll.example', givenName: 'Rajesh', familyName: 'Kumar', roles: ['employee'] });
const gareth = person({ id: 'gareth', email: 'gareth@poll.example', givenName: 'Gareth', familyName: 'Evans', roles: ['employee', 'admin'] });
const binu = person({ id: 'binu', email: 'binu@poll.example', givenName: 'Binu', familyName: 'Thomas', roles: ['employee', 'moderator', 'facilitator'] });
const gone = person({ id: 'lukas', email: 'lukas@poll.example', givenName: 'Lukas', familyName: 'Becker', roles: ['employee'], status: 'left' });
const directory = new Map<string, DirectoryRecord>([seema, rajesh, binu, gone].map((p) => [p.id, p]));

const space = (id: string, kind: SpaceMeta['kind'], visibility: SpaceMeta['visibility'], facilitators: string[] = []): SpaceMeta => ({
  id, name: id, description: '', kind, visibility, facilitators, retentionDays: null, createdAt: 0,
});
const news = space('news', 'news', 'public', ['seema']);
const general = space('general', 'discussion', 'public');
const mediaWing = space('media-wing', 'discussion', 'private', ['binu']);
const leadership = space('leadership', 'discussion', 'secret');

const POST = '01JD0000000000000000000001';
const COMMENT = '01JD0000000000000000000002';
const ENTRY = '01JD00000000000000000000AA';

function ctx(overrides: Partial<EntryContext> = {}): EntryContext {
  return {
    author: rajesh,
    space: general,
    members: [],
    targetPost: null,
    targetComment: null,
    targetMessage: null,
    existingReactions: [],
    conversation: null,
    previous: null,
    people: (id) => directory.get(id) ?? null,
    ...overrides,
  };
}
const base = { id: ENTRY, createdAt: 1, editedAt: null, retracted: false };
const post = (o: Partial<Extract<OutboxEntry, { type: 'post' }>> = {}): OutboxEntry =>
  ({ ...base, type: 'post', space: 'general', kind: 'discussion', title: 'Lunch and learn', body: 'Who is in?', ...o });
const comment = (o: Partial<Extract<OutboxEntry, { type: 'comment' }>> = {}): OutboxEntry =>
  ({ ...base, type: 'comment', space: 'general', post: POST, replyTo: null, body: 'Me!', ...o });
const reaction = (emoji = '👍', o: object = {}): unknown => ({ ...base, type: 'reaction', space: 'general', target: POST, emoji, ...o });
const message = (o: object = {}): unknown => ({ ...base, type: 'message', conversation: 'c1', to: ['binu'], body: 'Hi', ...o });
const REQUEST = '01JD00000000000000000000RQ';
const decision = (o: object = {}): unknown => ({ ...base, type: 'join-decision', space: 'media-wing', request: REQUEST, decision: 'approve', ...o });
const waiting = { id: REQUEST, space: 'media-wing', person: 'rajesh', state: 'pending' as const };
const publishedPost = { id: POST, space: 'general', authorId: 'seema', state: 'published' as const };
const publishedComment = { id: COMMENT, post: POST, authorId: 'binu', state: 'published' as const };

describe('validateEntry: acknowledgements', () => {
  const ack = (policyVersion: number): unknown => ({ ...base, type: 'ack', policyVersion });
  it.each([
    ['the current version', ack(3), 3, []],
    ['a version that does not exist yet', ack(999), 3, ['not-current-policy']],
    ['an older version', ack(2), 3, ['not-current-policy']],
    ['any version when there is no policy', ack(1), null, ['not-current-policy']],
    ['any version when the caller does not know (the composer)', ack(7), undefined, []],
  ] as const)('%s', (_label, entry, policyVersion, codes) => {
    const r = validateEntry(entry, ctx(policyVersion === undefined ? {} : { policyVersion }));
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(codes);
  });
});

describe('validateEntry', () => {
  const cases: [string, unknown, Partial<EntryContext>, EntryProblemCode[]][] = [
    // schema and content
    ['a valid discussion post', post(), {}, []],
    ['not an object', 'hello', {}, ['schema']],
    ['unknown entry type', { ...base, type: 'poll' }, {}, ['schema']],
    ['bad id', post({ id: '../etc' }), {}, ['schema']],
    ['negative timestamp', post({ createdAt: -1 }), {}, ['schema']],
    ['title at the limit', post({ title: 'x'.repeat(300) }), {}, []],
    ['title over the limit', post({ title: 'x'.repeat(301) }), {}, ['title-too-long']],
    ['body over the limit', post({ body: 'x'.repeat(40_001) }), {}, ['body-too-long']],
    ['post without a title', post({ title: '' }), {}, []],
    ['post without any text', post({ title: ' ', body: '\n' }), {}, ['empty-body']],
    ['empty comment', comment({ body: '' }), { targetPost: publishedPost }, ['empty-body']],
    ['report reason over the limit', { ...base, type: 'report', space: 'general', target: POST, reason: 'x'.repeat(2001) }, { targetPost: publishedPost }, ['reason-too-long']],
    ['empty report reason', { ...base, type: 'report', space: 'general', target: POST, reason: ' ' }, { targetPost: publishedPost }, ['empty-reason']],
    ['reaction outside the set', reaction('🍆'), { targetPost: publishedPost }, ['unknown-reaction']],
    ['reaction in the set', reaction('🎉'), { targetPost: publishedPost }, []],
    // authors
    ['unknown author', post(), { author: null }, ['unknown-author']],
    ['author who left', post(), { author: gone }, ['inactive-author']],
    ['author who left may still retract', post({ retracted: true }), { author: gone, previous: { authorId: 'lukas', type: 'post', place: 'general' } }, []],
    // news and announcements
    ['employee posting in news', post({ space: 'news' }), { space: news }, ['news-comms-only']],
    ['comms posting in news', post({ space: 'news', kind: 'announcement' }), { space: news, author: seema }, []],
    ['employee commenting in news', comment({ space: 'news' }), { space: news, targetPost: { ...publishedPost, space: 'news' } }, []],
    ['employee announcing in general', post({ kind: 'announcement' }), {}, ['announcement-not-allowed']],
    ['facilitator announcing in own space', post({ space: 'media-wing', kind: 'announcement' }), { author: binu, space: mediaWing, members: ['binu', 'rajesh'] }, []],
    ['facilitator of another space announcing', post({ kind: 'announcement' }), { author: binu }, ['announcement-not-allowed']],
    // private and secret spaces
    ['member posting in private space', post({ space: 'media-wing' }), { space: mediaWing, members: ['rajesh', 'binu'] }, []],
    ['non-member posting in private space', post({ space: 'media-wing' }), { author: seema, space: mediaWing, members: ['rajesh', 'binu'] }, ['not-a-member']],
    ['non-member reacting in private space', reaction('👍', { space: 'media-wing' }), { author: seema, space: mediaWing, members: ['rajesh'], targetPost: { ...publishedPost, space: 'media-wing' } }, ['not-a-member']],
    ['non-member of a secret space sees nothing', post({ space: 'leadership' }), { space: leadership, members: ['seema'] }, ['unknown-space']],
    ['member of a secret space', post({ space: 'leadership' }), { space: leadership, members: ['rajesh'] }, []],
    ['space that does not exist', post({ space: 'nowhere' }), { space: null }, ['unknown-space']],
    ['context for another space', post({ space: 'nowhere' }), { space: general }, ['unknown-space']],
    // comments
    ['comment on a published post', comment(), { targetPost: publishedPost }, []],
    ['comment on a missing post', comment(), {}, ['post-not-found']],
    ['comment on a hidden post', comment(), { targetPost: { ...publishedPost, state: 'hidden' } }, ['post-not-published']],
    ['comment naming a post of another space', comment(), { targetPost: { ...publishedPost, space: 'news' } }, ['post-not-found']],
    ['reply to a published comment', comment({ replyTo: COMMENT }), { targetPost: publishedPost, targetComment: publishedComment }, []],
    ['reply to a comment on another post', comment({ replyTo: COMMENT }), { targetPost: publishedPost, targetComment: { ...publishedComment, post: 'other' } }, ['reply-not-found']],
    ['reply to a retracted comment', comment({ replyTo: COMMENT }), { targetPost: publishedPost, targetComment: { ...publishedComment, state: 'retracted' } }, ['reply-not-published']],
    ['reply to a missing comment', comment({ replyTo: COMMENT }), { targetPost: publishedPost }, ['reply-not-found']],
    // reactions
    ['reaction on a comment', reaction('❤️', { target: COMMENT }), { targetComment: publishedComment }, []],
    ['reaction on nothing', reaction(), {}, ['target-not-found']],
    ['reaction on a hidden post', reaction(), { targetPost: { ...publishedPost, state: 'hidden' } }, ['target-not-published']],
    ['second reaction with the same emoji', reaction('👍'), { targetPost: publishedPost, existingReactions: [{ id: 'other', emoji: '👍' }] }, ['duplicate-reaction']],
    ['second reaction with another emoji', reaction('🎉'), { targetPost: publishedPost, existingReactions: [{ id: 'other', emoji: '👍' }] }, []],
    ['new version of the same reaction', reaction('👍'), { targetPost: publishedPost, existingReactions: [{ id: ENTRY, emoji: '👍' }] }, []],
    // edits and retractions
    ['edit of own post', post({ editedAt: 2 }), { previous: { authorId: 'rajesh', type: 'post', place: 'general' } }, []],
    ['retraction of someone else\'s post', post({ retracted: true }), { previous: { authorId: 'seema', type: 'post', place: 'general' } }, ['not-own-entry']],
    ['edit of someone else\'s post', post(), { previous: { authorId: 'seema', type: 'post', place: 'general' } }, ['not-own-entry']],
    ['edit that moves a post', post(), { previous: { authorId: 'rajesh', type: 'post', place: 'news' } }, ['moved-entry']],
    ['edit that turns a comment into a post', post(), { previous: { authorId: 'rajesh', type: 'comment', place: 'general' } }, ['moved-entry']],
    // messages
    ['new conversation', message(), {}, []],
    ['new conversation with nobody', message({ to: [] }), {}, ['no-recipients']],
    ['new conversation with only oneself', message({ to: ['rajesh'] }), {}, ['no-recipients']],
    ['new conversation without a to list', message({ to: null }), {}, ['no-recipients']],
    ['new conversation with an unknown person', message({ to: ['binu', 'nobody'] }), {}, ['unknown-recipient']],
    ['new conversation with someone who left', message({ to: ['lukas'] }), {}, ['inactive-recipient']],
    ['new conversation with too many people', message({ to: Array.from({ length: 51 }, (_, i) => `p${i}`) }), {}, ['too-many-recipients']],
    ['message in own conversation', message({ to: null }), { conversation: { id: 'c1', participants: ['rajesh', 'binu'] } }, []],
    ['message in someone else\'s conversation', message({ to: null }), { conversation: { id: 'c1', participants: ['seema', 'binu'] } }, ['not-a-participant']],
    // reports, joins, acks
    ['report on a hidden comment', { ...base, type: 'report', space: 'general', target: COMMENT, reason: 'rude' }, { targetComment: { ...publishedComment, state: 'hidden' } }, []],
    ['report on a message in own conversation', { ...base, type: 'report', space: null, target: 'm1', reason: 'rude' }, { conversation: { id: 'c1', participants: ['rajesh', 'binu'] }, targetMessage: { id: 'm1', conversation: 'c1', state: 'published' } }, []],
    ['report on a message elsewhere', { ...base, type: 'report', space: null, target: 'm1', reason: 'rude' }, { conversation: { id: 'c1', participants: ['seema', 'binu'] }, targetMessage: { id: 'm1', conversation: 'c1', state: 'published' } }, ['not-a-participant']],
    ['join a private space', { ...base, type: 'join', space: 'media-wing' }, { author: seema, space: mediaWing, members: ['binu'] }, []],
    ['join a private space twice', { ...base, type: 'join', space: 'media-wing' }, { space: mediaWing, members: ['rajesh'] }, ['already-member']],
    ['join a public space', { ...base, type: 'join', space: 'general' }, {}, []],
    ['join a public space one is a member of', { ...base, type: 'join', space: 'general' }, { members: ['rajesh'] }, ['already-member']],
    ['ask again while a request waits', { ...base, type: 'join', space: 'media-wing' }, { space: mediaWing, members: ['binu'], membershipActivity: { pendingSpaces: ['media-wing'], lastDay: 1 } }, ['request-pending']],
    ['ask with five requests waiting elsewhere', { ...base, type: 'join', space: 'media-wing' }, { space: mediaWing, members: ['binu'], membershipActivity: { pendingSpaces: ['a', 'b', 'c', 'd', 'e'], lastDay: 5 } }, ['too-many-requests']],
    ['ask with four requests waiting elsewhere', { ...base, type: 'join', space: 'media-wing' }, { space: mediaWing, members: ['binu'], membershipActivity: { pendingSpaces: ['a', 'b', 'c', 'd'], lastDay: 4 } }, []],
    ['join after twenty joins and leaves today', { ...base, type: 'join', space: 'general' }, { membershipActivity: { pendingSpaces: [], lastDay: 20 } }, ['too-many-requests']],
    ['leave a space one is in', { ...base, type: 'leave', space: 'general' }, { members: ['rajesh'] }, []],
    ['leave a space one is not in', { ...base, type: 'leave', space: 'general' }, {}, ['not-a-member']],
    ['facilitator leaving the private space they facilitate', { ...base, type: 'leave', space: 'media-wing' }, { author: binu, space: mediaWing, members: ['binu'] }, ['facilitator-cannot-leave']],
    ['leave a secret space from outside', { ...base, type: 'leave', space: 'leadership' }, { space: leadership }, ['unknown-space']],
    // join decisions
    ['facilitator approves a waiting request', decision(), { author: binu, space: mediaWing, members: ['binu'], joinRequest: waiting }, []],
    ['facilitator declines a waiting request', decision({ decision: 'decline' }), { author: binu, space: mediaWing, members: ['binu'], joinRequest: waiting }, []],
    ['admin approves a waiting request', decision(), { author: gareth, space: mediaWing, members: ['binu'], joinRequest: waiting }, []],
    ['non-facilitator approves', decision(), { author: seema, space: mediaWing, members: ['binu'], joinRequest: waiting }, ['not-a-facilitator']],
    ['facilitator of another space approves', decision({ space: 'general' }), { author: binu, space: general, joinRequest: waiting }, ['not-a-facilitator']],
    ['approving a request that does not exist', decision(), { author: binu, space: mediaWing, members: ['binu'], joinRequest: null }, ['request-not-found']],
    ['approving a request for another space', decision(), { author: binu, space: mediaWing, members: ['binu'], joinRequest: { ...waiting, space: 'general' } }, ['request-not-found']],
    ['approving oneself', decision(), { author: binu, space: mediaWing, members: ['binu'], joinRequest: { ...waiting, person: 'binu' } }, ['own-request']],
    ['approving an answered request', decision(), { author: binu, space: mediaWing, members: ['binu'], joinRequest: { ...waiting, state: 'declined' } }, ['request-not-pending']],
    ['a decision that is not approve or decline', decision({ decision: 'promote' }), { author: binu, space: mediaWing, joinRequest: waiting }, ['schema']],
    ['join a secret space from outside', { ...base, type: 'join', space: 'leadership' }, { space: leadership, members: [] }, ['unknown-space']],
    ['policy acknowledgement', { ...base, type: 'ack', policyVersion: 3 }, { space: null }, []],
  ];

  it.each(cases)('%s', (_label, entry, overrides, expected) => {
    const r = validateEntry(entry, ctx(overrides));
    if (expected.length === 0) {
      expect(r).toMatchObject({ ok: true });
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect([...new Set(r.problems.map((p) => p.code))]).toEqual(expected);
        for (const p of r.problems) expect(p.message).toMatch(/\w{3,}/);
      }
    }
  });

  it('drops fields a client must not send, such as an author', () => {
    const r = validateEntry({ ...post(), authorId: 'seema' }, ctx());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.entry).not.toHaveProperty('authorId');
  });

  it('reports every content problem at once', () => {
    const r = validateEntry(post({ title: 'x'.repeat(301), body: 'x'.repeat(40_001) }), ctx());
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(['title', 'body']);
  });
});
