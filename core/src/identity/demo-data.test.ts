// The demo company (assets/demo/) is loaded by `hearth-relay serve --demo`; these tests keep it
// honest: every person passes the real-name rule, the org chart holds together, the people the
// README and the walkthroughs name exist with their roles, and every post, comment and reaction is
// one its author could really have published (validateEntry), with confidential terms only where
// the demo policy allows them.
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { MENTION_PATTERN } from '../model/types.js';
import type { EntryId, OutboxEntry, PersonId, PostKind, SpaceMeta } from '../model/types.js';
import { validateEntry } from '../policy/validate-entry.js';
import type { EntryContext } from '../policy/validate-entry.js';
import { displayName } from './display-name.js';
import { importDirectory } from './import-directory.js';
import type { DirectoryRecord } from './types.js';

// Loaded as JSON modules (no file-system API, so the test reads the data the way a bundler would).
const load = async (name: string): Promise<unknown> =>
  ((await import(new URL(`../../../assets/demo/${name}`, import.meta.url).href, { with: { type: 'json' } })) as { default: unknown }).default;

interface DemoSpace extends SpaceMeta { members?: PersonId[] }
interface DemoComment { id: EntryId; author: PersonId; body: string; createdAt: string; replyTo?: EntryId; votes?: PersonId[] }
interface DemoPost {
  id: EntryId; space: string; author: PersonId; kind: PostKind; title: string; body: string; createdAt: string;
  comments: DemoComment[]; reactions: { author: PersonId; emoji: string }[];
}

const rawDirectory = (await load('directory.json')) as unknown[];
const imported = importDirectory(rawDirectory);
const people = new Map<PersonId, DirectoryRecord>(imported.accepted.map((p) => [p.id, p]));
const spaces = (await load('spaces.json')) as DemoSpace[];
const posts = (await load('posts.json')) as DemoPost[];
const spaceById = new Map(spaces.map((s) => [s.id, s]));
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('demo directory', () => {
  it('imports every record: schema, real names, unique ids and e-mails, known managers', () => {
    expect(imported.refused).toEqual([]);
    expect(imported.warnings).toEqual([]);
    expect(imported.accepted.length).toBeGreaterThanOrEqual(55);
  });

  it('has one chief at the top and no management loops', () => {
    expect(imported.accepted.filter((p) => p.manager === null).map((p) => p.id)).toEqual(['eleanor']);
    for (const p of imported.accepted) {
      const seen = new Set<PersonId>();
      let at: DirectoryRecord | undefined = p;
      while (at && at.manager !== null) {
        expect(seen.has(at.id), `loop above ${p.id}`).toBe(false);
        seen.add(at.id);
        at = people.get(at.manager);
      }
    }
  });

  it('gives everyone a distinct display name and spans five countries', () => {
    const names = imported.accepted.map(displayName);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(imported.accepted.map((p) => p.country))).toEqual(new Set(['GB', 'IN', 'DE', 'BR', 'JP']));
  });

  it.each([
    ['seema', ['comms', 'moderator'], 'Communications'],
    ['binu', ['moderator', 'facilitator'], 'Media Wing'],
    ['rajesh', [], 'Media Wing'],
  ] as const)('has %s with roles %j in %s', (id, roles, department) => {
    const p = people.get(id);
    expect(p?.status).toBe('active');
    expect(p?.department).toBe(department);
    expect([...(p?.roles ?? [])].sort()).toEqual(['employee', ...roles].sort());
  });
});

describe('demo spaces', () => {
  it.each([
    ['news', 'news', 'public'],
    ['general', 'discussion', 'public'],
    ['media-wing', 'discussion', 'private'],
    ['research-methods', 'course', 'public'],
    ['leadership', 'discussion', 'secret'],
  ] as const)('has %s (%s, %s)', (id, kind, visibility) => {
    expect(spaceById.get(id)).toMatchObject({ kind, visibility });
  });

  it('keeps the media wing to its team, facilitated by binu, without seema', () => {
    const wing = spaceById.get('media-wing');
    expect(wing?.facilitators).toEqual(['binu']);
    expect(wing?.members).toEqual(expect.arrayContaining(['binu', 'rajesh']));
    expect(wing?.members).not.toContain('seema');
  });

  it('names only people in the directory; private spaces list members, including facilitators', () => {
    for (const s of spaces) {
      for (const p of [...s.facilitators, ...(s.members ?? [])]) expect(people.has(p), `${s.id}: ${p}`).toBe(true);
      if (s.visibility !== 'public') expect(s.members).toEqual(expect.arrayContaining(s.facilitators));
      for (const p of s.facilitators) expect(people.get(p)?.roles.some((r) => r === 'facilitator' || r === 'comms')).toBe(true);
    }
  });
});

const ms = (iso: string) => Date.parse(iso);
const entryBase = (id: EntryId, iso: string) => ({ id, createdAt: ms(iso), editedAt: null, retracted: false });

function context(author: PersonId, space: DemoSpace, extra: Partial<EntryContext> = {}): EntryContext {
  return {
    author: people.get(author) ?? null,
    space,
    members: space.members ?? [],
    targetPost: null,
    targetComment: null,
    targetMessage: null,
    existingReactions: [],
    conversation: null,
    previous: null,
    people: (id) => people.get(id) ?? null,
    ...extra,
  };
}

describe('demo posts', () => {
  it('has a few dozen posts with unique ULIDs that match their timestamps', () => {
    expect(posts.length).toBeGreaterThanOrEqual(24);
    const ids = posts.flatMap((p) => [p.id, ...p.comments.map((c) => c.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of posts.flatMap((p) => [p, ...p.comments])) {
      expect(item.id).toMatch(ULID);
      expect(decodeTime(item.id)).toBe(ms(item.createdAt));
    }
  });

  it.each(posts.map((p) => [p.title, p] as const))('%s: every post, comment and reaction passes validateEntry', (_t, post) => {
    const space = spaceById.get(post.space);
    expect(space, post.space).toBeDefined();
    if (!space) return;
    const entry: OutboxEntry = { ...entryBase(post.id, post.createdAt), type: 'post', space: post.space, kind: post.kind, title: post.title, body: post.body };
    expect(validateEntry(entry, context(post.author, space))).toMatchObject({ ok: true });

    const targetPost = { id: post.id, space: post.space, authorId: post.author, state: 'published' as const };
    const byId = new Map(post.comments.map((c) => [c.id, c]));
    for (const c of post.comments) {
      expect(ms(c.createdAt)).toBeGreaterThan(ms(post.createdAt));
      const parent = c.replyTo === undefined ? null : byId.get(c.replyTo);
      if (parent) expect(ms(c.createdAt)).toBeGreaterThan(ms(parent.createdAt));
      const comment: OutboxEntry = { ...entryBase(c.id, c.createdAt), type: 'comment', space: post.space, post: post.id, replyTo: c.replyTo ?? null, body: c.body };
      const targetComment = parent ? { id: parent.id, post: post.id, authorId: parent.author, state: 'published' as const } : null;
      expect(validateEntry(comment, context(c.author, space, { targetPost, targetComment })), c.body).toMatchObject({ ok: true });
    }

    post.reactions.forEach((r, i) => {
      const mine = post.reactions.slice(0, i).filter((o) => o.author === r.author).map((o, j) => ({ id: `earlier-${j}`, emoji: o.emoji as never }));
      const reaction = { ...entryBase(`01JREACT${String(i).padStart(18, '0')}`, post.createdAt), type: 'reaction', space: post.space, target: post.id, emoji: r.emoji };
      expect(validateEntry(reaction, context(r.author, space, { targetPost, existingReactions: mine })), `${r.author} ${r.emoji}`).toMatchObject({ ok: true });
    });
  });

  it('mentions only people in the directory', () => {
    const bodies = posts.flatMap((p) => [p.body, ...p.comments.map((c) => c.body)]);
    const mentioned = bodies.flatMap((b) => [...b.matchAll(MENTION_PATTERN)].map((m) => m[1] ?? ''));
    expect(mentioned.length).toBeGreaterThan(5);
    for (const id of mentioned) expect(people.has(id), id).toBe(true);
  });

  it('mentions the Bluebird codename only in the media wing, and the confidential client nowhere else', () => {
    const text = (p: DemoPost) => [p.title, p.body, ...p.comments.map((c) => c.body)].join('\n');
    const wing = posts.filter((p) => p.space === 'media-wing');
    expect(wing.some((p) => /bluebird/i.test(text(p)))).toBe(true);
    for (const p of posts.filter((x) => x.space !== 'media-wing')) expect(text(p)).not.toMatch(/bluebird|northwind/i);
  });

  it('has company news from communications and discussion in every space', () => {
    expect(posts.filter((p) => p.space === 'news' && p.author === 'seema' && p.kind === 'announcement').length).toBeGreaterThanOrEqual(3);
    for (const s of spaces) expect(posts.some((p) => p.space === s.id), s.id).toBe(true);
    expect(posts.some((p) => p.comments.some((c) => c.replyTo !== undefined))).toBe(true);
  });

  it('shows questions answered and unanswered, a must-read announcement, and a leader with an AMA', () => {
    const raw = posts as (DemoPost & { accepted?: string; mustRead?: boolean })[];
    const questions = raw.filter((p) => p.kind === 'question');
    const answered = questions.filter((p) => p.accepted !== undefined);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    for (const q of answered) expect(q.comments.some((c) => c.id === q.accepted), q.title).toBe(true);
    expect(questions.length - answered.length).toBeGreaterThanOrEqual(2);
    expect(raw.filter((p) => p.mustRead === true).every((p) => p.kind === 'announcement' && p.space === 'news')).toBe(true);
    expect(raw.some((p) => p.mustRead === true)).toBe(true);
    const ama = raw.find((p) => p.kind === 'ama');
    expect(people.get(ama?.author ?? '')?.roles).toContain('leader');
    expect(ama?.comments.some((c) => c.author === ama.author && c.replyTo !== undefined)).toBe(true);
  });
});
