// The pure rules behind unread counts, interruptions and the "while you were away" digest.
import { describe, expect, it } from 'vitest';
import type { ConversationView, Notice, NotificationSettings, PostView, SpaceView } from '@hearth/core';
import { noticeRoute } from './notice-route.js';
import { buildDigest, isEmptyDigest } from './digest.js';
import { mayInterrupt } from './notice-rules.js';
import { titleWithCount, unreadMessages, unreadPosts } from './unread.js';

const settings = (s: Partial<NotificationSettings> = {}): NotificationSettings => ({ spaces: {}, muted: [], quietHours: null, ...s });
const noon = 12 * 60;

describe('interruptions', () => {
  it('a space at "none" is silent, even for a mention; a direct message still gets through', () => {
    const quiet = settings({ spaces: { general: 'none' } });
    expect(mayInterrupt({ kind: 'mention', space: 'general', conversation: null }, quiet, noon)).toBe(false);
    expect(mayInterrupt({ kind: 'mention', space: 'news', conversation: null }, quiet, noon)).toBe(true);
    expect(mayInterrupt({ kind: 'message', space: null, conversation: 'c1' }, quiet, noon)).toBe(true);
  });

  it('"mentions only" (the default) lets mentions and replies through, not new posts or reactions; "all" lets everything through', () => {
    for (const kind of ['mention', 'reply'] as const) expect(mayInterrupt({ kind, space: 'general', conversation: null }, settings(), noon)).toBe(true);
    for (const kind of ['post', 'comment', 'reaction'] as const) {
      expect(mayInterrupt({ kind, space: 'general', conversation: null }, settings(), noon)).toBe(false);
      expect(mayInterrupt({ kind, space: 'general', conversation: null }, settings({ spaces: { general: 'all' } }), noon)).toBe(true);
    }
  });

  it('a must-read announcement interrupts at the default level, not in a space set to "none"', () => {
    expect(mayInterrupt({ kind: 'must-read', space: 'news', conversation: null }, settings(), noon)).toBe(true);
    expect(mayInterrupt({ kind: 'must-read', space: 'news', conversation: null }, settings({ spaces: { news: 'none' } }), noon)).toBe(false);
  });

  it('a muted conversation is silent; quiet hours silence everything', () => {
    expect(mayInterrupt({ kind: 'message', space: null, conversation: 'c1' }, settings({ muted: ['c1'] }), noon)).toBe(false);
    const night = settings({ quietHours: { start: '22:00', end: '07:00' } });
    expect(mayInterrupt({ kind: 'message', space: null, conversation: 'c1' }, night, 23 * 60)).toBe(false);
    expect(mayInterrupt({ kind: 'held', space: 'general', conversation: null }, night, 23 * 60)).toBe(false);
    expect(mayInterrupt({ kind: 'message', space: null, conversation: 'c1' }, night, 8 * 60)).toBe(true);
  });

  it('what happens to the person\'s own items interrupts whatever the space\'s level', () => {
    expect(mayInterrupt({ kind: 'held', space: 'general', conversation: null }, settings({ spaces: { general: 'none' } }), noon)).toBe(true);
  });
});

const post = (id: string, authorId: string, createdAt: number, extra: Partial<PostView> = {}): PostView => ({
  id, authorId, space: 'general', kind: 'discussion', title: `Title ${id}`, body: 'b', createdAt, editedAt: null, state: 'published', comments: [], commentCount: 0, reactions: {}, ...extra,
});
const comment = (id: string, authorId: string, createdAt: number) => ({ id, authorId, post: 'p', replyTo: null, body: 'c', createdAt, editedAt: null, state: 'published' as const, replies: [], reactions: {} });
const space = (posts: PostView[]): SpaceView => ({ meta: { id: 'general', name: 'General', description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: 0 }, members: [], posts });
const dm = (messages: { id: string; authorId: string; createdAt: number }[]): ConversationView => ({
  id: 'c1', participants: ['me', 'ana'], createdAt: 0, messages: messages.map((m) => ({ ...m, body: 'hi', editedAt: null, state: 'published' as const })),
});

describe('unread', () => {
  const u = { me: 'me', since: 100, isRead: (id: string) => id === 'read' };
  it('counts others\' messages and posts since the horizon that are not marked read', () => {
    expect(unreadMessages(dm([{ id: 'a', authorId: 'ana', createdAt: 200 }, { id: 'read', authorId: 'ana', createdAt: 200 }, { id: 'old', authorId: 'ana', createdAt: 50 }, { id: 'mine', authorId: 'me', createdAt: 300 }]), u)).toBe(1);
    expect(unreadPosts(space([post('a', 'ana', 200), post('b', 'ana', 200, { pending: 'pending' }), post('c', 'me', 200)]), u)).toBe(1);
  });
  it('the title carries the total', () => {
    expect([titleWithCount('Hearth', 0), titleWithCount('Hearth', 3), titleWithCount('Hearth', 5000)]).toEqual(['Hearth', '(3) Hearth', '(999+) Hearth']);
  });
});

describe('while you were away', () => {
  it('gathers new posts and comments per space, answers to the person\'s questions, and new messages', () => {
    const question = post('q', 'me', 10, { kind: 'question', title: 'Where is the VPN guide?', comments: [comment('c1', 'ana', 500), comment('c0', 'bo', 5)] });
    const d = buildDigest({ me: 'me', since: 100, spaces: [space([post('new', 'ana', 300), post('old', 'ana', 50), question])], conversations: [dm([{ id: 'm1', authorId: 'ana', createdAt: 400 }, { id: 'm0', authorId: 'ana', createdAt: 20 }])] });
    expect(d.spaces).toEqual([{ space: 'general', name: 'General', posts: 1, comments: 1, latest: { post: 'new', title: 'Title new' } }]);
    expect(d.answers).toEqual([{ space: 'general', post: 'q', title: 'Where is the VPN guide?', count: 1 }]);
    expect(d.messages).toEqual([{ conversation: 'c1', from: ['ana'], count: 1 }]);
    expect(isEmptyDigest(buildDigest({ me: 'me', since: 1000, spaces: [space([question])], conversations: [] }))).toBe(true);
  });
});

describe('where a notice opens', () => {
  const n = (extra: Partial<Notice>): Notice => ({ id: 'n', kind: 'mention', createdAt: 1, message: '', entryId: 'c1', space: 'general', about: 'ana', findings: [], ...extra });
  const none = () => undefined;
  it('a mention or reply in a comment opens the comment in its thread', () => {
    expect(noticeRoute(n({ post: 'p1' }), none)).toEqual({ name: 'post', space: 'general', post: 'p1', item: 'c1' });
    expect(noticeRoute(n({ kind: 'reply', post: 'p1' }), none)).toEqual({ name: 'post', space: 'general', post: 'p1', item: 'c1' });
  });
  it('a mention in a post opens the post; a message opens it in its conversation', () => {
    expect(noticeRoute(n({ entryId: 'p1' }), none)).toEqual({ name: 'post', space: 'general', post: 'p1' });
    expect(noticeRoute(n({ kind: 'message', space: null, entryId: 'm1', conversation: 'c9' }), none)).toEqual({ name: 'conversation', conversation: 'c9', item: 'm1' });
  });
  it('an accepted answer opens the comment in its question, and interrupts like news about the person\'s own item', () => {
    expect(noticeRoute(n({ kind: 'answer-accepted', post: 'q1' }), none)).toEqual({ name: 'post', space: 'general', post: 'q1', item: 'c1' });
    expect(mayInterrupt({ kind: 'answer-accepted', space: 'general', conversation: null }, settings({ spaces: { general: 'none' } }), noon)).toBe(true);
  });
  it('a must-read notice opens the announcement, and never interrupts (the announcement itself does)', () => {
    expect(noticeRoute(n({ kind: 'must-read-notice', entryId: 'p1', post: 'p1' }), none)).toEqual({ name: 'post', space: 'general', post: 'p1' });
    expect(mayInterrupt({ kind: 'must-read-notice', space: 'general', conversation: null }, settings({}), noon)).toBe(false);
  });
  it("a notice about one of the person's own comments opens it from their outbox", () => {
    const own = { id: 'c1', type: 'comment', space: 'general', post: 'p7', replyTo: null, body: '', createdAt: 1, editedAt: null, retracted: false } as const;
    expect(noticeRoute(n({ kind: 'held', about: null }), (id) => (id === 'c1' ? own : undefined))).toEqual({ name: 'post', space: 'general', post: 'p7', item: 'c1' });
  });
});
