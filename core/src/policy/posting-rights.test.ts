import { describe, expect, it } from 'vitest';
import { person } from '../identity/test-records.js';
import { POST_KINDS, type PersonId, type SpaceMeta } from '../model/types.js';
import { mayPost, postingProblems, postingRights, type PostingPlace } from './posting-rights.js';
import { validateEntry, type EntryContext } from './validate-entry.js';

const seema = person(); // comms
const rajesh = person({ id: 'rajesh', email: 'rajesh@poll.example', givenName: 'Rajesh', familyName: 'Kumar', roles: ['employee'] });
const binu = person({ id: 'binu', email: 'binu@poll.example', givenName: 'Binu', familyName: 'Thomas', roles: ['employee', 'moderator', 'facilitator'] });
const gone = person({ id: 'lukas', email: 'lukas@poll.example', givenName: 'Lukas', familyName: 'Becker', roles: ['employee'], status: 'left' });

const space = (id: string, name: string, kind: SpaceMeta['kind'], visibility: SpaceMeta['visibility'], facilitators: string[] = []): SpaceMeta => ({
  id, name, description: '', kind, visibility, facilitators, retentionDays: null, createdAt: 0,
});
const news = space('news', 'Company News', 'news', 'public', ['seema']);
const general = space('general', 'General', 'discussion', 'public');
const mediaWing = space('media-wing', 'Media Wing', 'discussion', 'private', ['binu']);
const leadership = space('leadership', 'Leadership', 'discussion', 'secret');

const place = (meta: SpaceMeta, members: PersonId[] = []): PostingPlace => ({ id: meta.id, meta, members });

describe('postingRights: what a composer offers', () => {
  it('offers an employee no composer in a news space, with the reason in plain words', () => {
    const rights = postingRights(rajesh, place(news));
    expect(rights.kinds).toEqual([]);
    expect(rights.problems.map((p) => p.code)).toEqual(['news-comms-only']);
    expect(rights.problems[0]?.message).toBe('Only the communications team posts in Company News. You can comment on its posts.');
  });

  it('offers an employee discussions and questions in a public space, not announcements', () => {
    expect(postingRights(rajesh, place(general))).toEqual({ kinds: ['discussion', 'question'], problems: [] });
  });

  it('offers the communications team every kind in news (an AMA only to leaders), and a facilitator announcements in their own space', () => {
    const all = POST_KINDS.filter((k) => k !== 'ama');
    expect(postingRights(seema, place(news)).kinds).toEqual(all);
    expect(postingRights(binu, place(mediaWing, ['binu'])).kinds).toEqual(all);
    expect(postingRights(binu, place(general)).kinds).toEqual(['discussion', 'question']);
  });

  it('offers nothing outside a private space, and says how to get in', () => {
    const rights = postingRights(seema, place(mediaWing, ['binu']));
    expect(rights.kinds).toEqual([]);
    expect(rights.problems[0]?.message).toMatch(/Only members of Media Wing can write there/);
  });

  it('offers nothing to an unknown or inactive person', () => {
    expect(postingRights(null, place(general)).problems.map((p) => p.code)).toEqual(['unknown-author']);
    expect(postingRights(gone, place(general)).problems.map((p) => p.code)).toEqual(['inactive-author']);
  });
});

describe('mayPost is the rule validateEntry applies to a new post', () => {
  const authors = [seema, rajesh, binu, gone, null];
  const places: PostingPlace[] = [
    place(news),
    place(general),
    place(mediaWing, ['binu', 'rajesh']),
    place(leadership, ['seema']),
    { id: 'nowhere', meta: null, members: [] },
    { id: 'nowhere', meta: general, members: [] },
  ];
  const context = (author: typeof authors[number], p: PostingPlace): EntryContext => ({
    author, space: p.meta, members: p.members, targetPost: null, targetComment: null, targetMessage: null,
    existingReactions: [], conversation: null, previous: null, people: () => null,
  });

  for (const author of authors) {
    for (const p of places) {
      for (const kind of POST_KINDS) {
        it(`${author?.id ?? 'nobody'} posting a ${kind} in ${p.id} (${p.meta?.id ?? 'no space'})`, () => {
          const entry = { id: '01JD00000000000000000000AA', createdAt: 1, editedAt: null, retracted: false, type: 'post', space: p.id, kind, title: 'Hello', body: 'Hi all' };
          const relay = validateEntry(entry, context(author, p));
          expect(mayPost(author, p, kind)).toBe(relay.ok);
          expect(postingProblems(author, p, kind)).toEqual(relay.ok ? [] : relay.problems);
        });
      }
    }
  }
});
