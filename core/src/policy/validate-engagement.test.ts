// Recognition and knowledge entries from the attacker's side: what a modified client could put in
// its own outbox, and what validateEntry (the relay's check) answers.
import { describe, expect, it } from 'vitest';
import { person } from '../identity/test-records.js';
import type { DirectoryRecord } from '../identity/types.js';
import { ENGAGEMENT_LIMITS } from '../model/engagement-types.js';
import type { SpaceMeta } from '../model/types.js';
import { validateEntry, type EntryContext, type EntryProblemCode } from './validate-entry.js';

const rajesh = person({ id: 'rajesh', givenName: 'Rajesh', familyName: 'Kumar', roles: ['employee'], country: 'IN' });
const binu = person({ id: 'binu', givenName: 'Binu', familyName: 'Thomas', roles: ['employee', 'facilitator'], country: 'IN' });
const lena = person({ id: 'lena', givenName: 'Lena', familyName: 'Vogel', roles: ['employee'], country: 'DE' });
const gone = person({ id: 'lukas', givenName: 'Lukas', familyName: 'Becker', roles: ['employee'], status: 'left' });
const gareth = person({ id: 'gareth', givenName: 'Gareth', familyName: 'Evans', roles: ['employee', 'admin'] });
const directory = new Map<string, DirectoryRecord>([rajesh, binu, lena, gone, gareth].map((p) => [p.id, p]));
const meta = (id: string, visibility: SpaceMeta['visibility'], facilitators: string[] = []): SpaceMeta => ({
  id, name: id, description: '', kind: 'discussion', visibility, facilitators, retentionDays: null, createdAt: 0,
});
const general = meta('general', 'public', ['binu']);
const privateSpace = meta('media-wing', 'private', ['binu']);
const POST = '01JD0000000000000000000001';
const base = { id: '01JD00000000000000000000AA', createdAt: 1, editedAt: null, retracted: false };
const on = { settings: { enabled: true, offCountries: ['DE'] }, kudosLastDay: 0 };

function ctx(o: Partial<EntryContext> = {}): EntryContext {
  return {
    author: rajesh, space: null, members: [], targetPost: null, targetComment: null, targetMessage: null,
    existingReactions: [], conversation: null, previous: null, people: (id) => directory.get(id) ?? null, engagement: on, ...o,
  };
}
const codes = (entry: unknown, c: EntryContext): EntryProblemCode[] => {
  const v = validateEntry(entry, c);
  return v.ok ? [] : v.problems.map((p) => p.code);
};
const kudos = (o: object = {}) => ({ ...base, type: 'kudos', to: 'binu', message: 'Thanks for the help with the release!', space: null, ...o });

describe('kudos', () => {
  it('to a colleague, with a message, is accepted', () => {
    expect(codes(kudos(), ctx())).toEqual([]);
  });
  it.each([
    ['to oneself', kudos({ to: 'rajesh' }), ctx(), ['own-kudos']],
    ['to someone not in the directory', kudos({ to: 'nobody' }), ctx(), ['unknown-recipient']],
    ['to someone who left', kudos({ to: 'lukas' }), ctx(), ['inactive-recipient']],
    ['with an empty message', kudos({ message: '   ' }), ctx(), ['empty-body']],
    ['with an over-long message', kudos({ message: 'x'.repeat(ENGAGEMENT_LIMITS.kudosMessageChars + 1) }), ctx(), ['body-too-long']],
    ['to someone in a country where recognition is off', kudos({ to: 'lena' }), ctx(), ['recipient-recognition-off']],
    ['from someone in a country where recognition is off', kudos(), ctx({ author: lena }), ['recognition-off']],
    ['when recognition is off for the organisation', kudos(), ctx({ engagement: { ...on, settings: { enabled: false, offCountries: [] } } }), ['recognition-off']],
    ['beyond the daily limit', kudos(), ctx({ engagement: { ...on, kudosLastDay: ENGAGEMENT_LIMITS.kudosPerDay } }), ['too-many-kudos']],
    ['shown in a private space', kudos({ space: 'media-wing' }), ctx({ space: privateSpace, members: ['rajesh', 'binu'] }), ['space-not-public']],
    ['shown in a space that does not exist', kudos({ space: 'nowhere' }), ctx({ space: null }), ['unknown-space']],
    ['with a smuggled author', { ...kudos(), authorId: 'binu', to: 'binu' }, ctx(), []],
    ['malformed (no recipient)', { ...base, type: 'kudos', message: 'hi', space: null }, ctx(), ['schema']],
  ])('%s', (_what, entry, c, expected) => {
    expect(codes(entry, c)).toEqual(expected);
  });
  it('shown in a public space is accepted; withdrawing is always allowed, even past the limit', () => {
    expect(codes(kudos({ space: 'general' }), ctx({ space: general }))).toEqual([]);
    const over = ctx({ engagement: { ...on, kudosLastDay: 99 }, previous: { authorId: 'rajesh', type: 'kudos', place: 'recognition' } });
    expect(codes(kudos({ retracted: true }), over)).toEqual([]);
  });
  it("someone else's kudos id cannot be withdrawn or rewritten", () => {
    const previous = { authorId: 'binu', type: 'kudos' as const, place: 'recognition' };
    expect(codes(kudos({ retracted: true, to: 'gareth' }), ctx({ previous }))).toEqual(['not-own-entry']);
  });
});

describe('leaderboards and best-of: facilitators only', () => {
  const leaderboard = (o: object = {}) => ({ ...base, type: 'leaderboard', space: 'general', enabled: true, ...o });
  const bestOf = (o: object = {}) => ({ ...base, type: 'best-of', space: 'general', post: POST, ...o });
  const published = { id: POST, space: 'general', authorId: 'rajesh', state: 'published' as const };
  it.each([
    ['a facilitator switches the leaderboard', leaderboard(), ctx({ author: binu, space: general }), []],
    ['an admin switches the leaderboard', leaderboard(), ctx({ author: gareth, space: general }), []],
    ['an employee switches the leaderboard', leaderboard(), ctx({ space: general }), ['not-a-facilitator']],
    ['a facilitator where recognition is off', leaderboard(), ctx({ author: binu, space: general, engagement: { ...on, settings: { enabled: false, offCountries: [] } } }), ['recognition-off']],
    ['a facilitator picks a published post', bestOf(), ctx({ author: binu, space: general, targetPost: published }), []],
    ['an employee picks a post', bestOf(), ctx({ space: general, targetPost: published }), ['not-a-facilitator']],
    ['a facilitator picks a post of another space', bestOf(), ctx({ author: binu, space: general, targetPost: { ...published, space: 'other' } }), ['post-not-found']],
    ['a facilitator picks a hidden post', bestOf(), ctx({ author: binu, space: general, targetPost: { ...published, state: 'hidden' as const } }), ['post-not-published']],
    ['a non-member picks in a private space', bestOf({ space: 'media-wing' }), ctx({ space: privateSpace }), ['not-a-member']],
  ])('%s', (_what, entry, c, expected) => {
    expect(codes(entry, c)).toEqual(expected);
  });
});

describe('bookmarks and consent', () => {
  it('a bookmark is private: accepted whatever it names (it is never published)', () => {
    expect(codes({ ...base, type: 'bookmark', space: 'secret-x', post: POST }, ctx())).toEqual([]);
  });
  it('consent to show kudos in spaces needs recognition on for the person', () => {
    const consent = { ...base, type: 'kudos-consent', inSpaces: true };
    expect(codes(consent, ctx())).toEqual([]);
    expect(codes(consent, ctx({ author: lena }))).toEqual(['recognition-off']);
    expect(codes({ ...consent, inSpaces: 'yes' }, ctx())).toEqual(['schema']);
  });
});
