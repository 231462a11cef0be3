import { describe, expect, it } from 'vitest';
import { computeFigures, weekOf } from './compute.js';
import { guarded } from './report.js';
import type { SpaceMeta } from '../model/types.js';
import type { SpaceActivity } from './space-activity.js';

const DAY = 86_400_000;
const from = Date.UTC(2026, 10, 2); // a Monday
const to = from + 7 * DAY;
const meta = (id: string, kind: 'discussion' | 'course' = 'discussion'): SpaceMeta => ({ id, name: id, description: '', kind, visibility: 'public', facilitators: ['fay'], retentionDays: null, createdAt: 0 });
const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

function space(id: string, authors: string[], extra: Partial<SpaceActivity> = {}): SpaceActivity {
  return {
    meta: meta(id),
    members: [],
    posts: authors.map((a, i) => ({ id: `${id}-post${i}`, authorId: a, kind: 'discussion', title: 't', createdAt: from + i * 1000, acceptedAnswer: null, mustRead: false })),
    comments: [],
    reactions: [],
    ...extra,
  };
}

describe('figures: the five-person rule', () => {
  it('suppresses a figure one to four people are behind, never rounds it; zero is shown', () => {
    expect(guarded(12, 4)).toBeNull();
    expect(guarded(1, 1)).toBeNull();
    expect(guarded(7, 5)).toBe(7);
    expect(guarded(0, 0)).toBe(0);
  });

  it('posts by four people are suppressed, by five people shown', () => {
    const r = computeFigures({ from, to, scope: 'organisation', spaces: [space('four', people(4)), space('five', people(5))], journal: [], completions: [] });
    expect(r.spaces.find((s) => s.space === 'four')).toMatchObject({ posts: null, people: null, comments: 0 });
    expect(r.spaces.find((s) => s.space === 'five')).toMatchObject({ posts: 5, people: 5 });
  });

  it('many posts by one person stay suppressed (the group is people, not items)', () => {
    const r = computeFigures({ from, to, scope: 'organisation', spaces: [space('solo', Array(40).fill('ana'))], journal: [], completions: [] });
    expect(r.spaces[0]!.posts).toBeNull();
  });

  it('active people per day and per week, suppressed under five, from journal and space items', () => {
    const journal = people(5).map((p) => ({ kind: 'publication', actor: p, space: 'a', at: from + 10 }));
    journal.push({ kind: 'decision', actor: 'mod', space: 'a', at: from + 10 }, { kind: 'space-created', actor: 'admin', space: 'a', at: from + 10 });
    const day2 = space('b', ['x', 'y']).posts.map((p) => ({ ...p, createdAt: from + DAY + 5 }));
    const r = computeFigures({ from, to, scope: 'organisation', spaces: [{ ...space('b', []), posts: day2 }], journal, completions: [] });
    expect(r.days).toHaveLength(7);
    expect(r.days[0]).toEqual({ day: '2026-11-02', activePeople: 5 });
    expect(r.days[1]).toEqual({ day: '2026-11-03', activePeople: null });
    expect(r.days[2]).toEqual({ day: '2026-11-04', activePeople: 0 });
    expect(r.weeks).toEqual([{ week: '2026-11-02', activePeople: 7 }]);
  });

  it('time to first answer counts answers by others only; unanswered means no accepted answer', () => {
    const askers = people(6);
    // q0 and q1 have an accepted answer: the rest count as unanswered, as in the app's list.
    const posts = askers.map((a, i) => ({ id: `q${i}`, authorId: a, kind: 'question' as const, title: '?', createdAt: from, acceptedAnswer: i < 2 ? `c${i}` : null, mustRead: false }));
    // q0..q3 answered after 1, 2, 3, 4 hours by someone else; q4 answered by its asker only; q5 not at all.
    const comments = [0, 1, 2, 3].map((i) => ({ id: `c${i}`, authorId: 'helper', post: `q${i}`, body: 'Yes.', createdAt: from + (i + 1) * 3_600_000 }));
    comments.push({ id: 'self', authorId: 'p4', post: 'q4', body: 'Anyone?', createdAt: from + 1 });
    const r = computeFigures({ from, to, scope: 'organisation', spaces: [{ ...space('qa', []), posts, comments }], journal: [], completions: [] });
    expect(r.spaces[0]).toMatchObject({ questions: 6, unansweredShare: 0.667, medianHoursToFirstAnswer: 2.5 });
  });

  it('announcements: reach (commenters and reactors but the author) and must-read acknowledgements, under the rule', () => {
    const posts = [
      { id: 'must', authorId: 'comms', kind: 'announcement' as const, title: 'Read me', createdAt: from, acceptedAnswer: null, mustRead: true },
      { id: 'plain', authorId: 'comms', kind: 'announcement' as const, title: 'FYI', createdAt: from, acceptedAnswer: null, mustRead: false },
    ];
    const reactions = people(5).map((p, i) => ({ id: `r${i}`, authorId: p, target: 'plain', at: from + 1 }));
    const readReceipts = [...people(6).map((person) => ({ post: 'must', person })), ...people(3).map((person) => ({ post: 'plain', person }))];
    const r = computeFigures({ from, to, scope: 'organisation', spaces: [{ ...space('news', []), posts, reactions }], journal: [], completions: [], readReceipts });
    expect(r.spaces[0]).toMatchObject({ announcements: 2, announcementReach: 5, mustReadAcknowledgements: 6 });
    const few = computeFigures({ from, to, scope: 'organisation', spaces: [{ ...space('news', []), posts }], journal: [], completions: [], readReceipts: readReceipts.slice(0, 4) });
    expect(few.spaces[0]).toMatchObject({ announcements: 2, announcementReach: 0, mustReadAcknowledgements: null });
  });

  it('holds and reports per space from the journal, by distinct people', () => {
    const journal = [
      ...people(5).map((p) => ({ kind: 'report', actor: p, space: 's', at: from + 1 })),
      ...['a', 'a', 'b'].map((p) => ({ kind: 'hold', actor: p, space: 's', at: from + 1 })),
    ];
    const r = computeFigures({ from, to, scope: 'spaces', spaces: [space('s', [])], journal, completions: [] });
    expect(r.spaces[0]).toMatchObject({ reports: 5, holds: null });
  });

  it('a course: learners, average progress, modules done and questions, each under the rule', () => {
    const learners = people(6);
    const course: SpaceActivity = {
      meta: meta('c', 'course'),
      members: [...learners, 'fay'],
      posts: [
        ...[0, 1].map((i) => ({ id: `m${i}`, authorId: 'fay', kind: 'discussion' as const, title: `Module ${i + 1}`, createdAt: from + i, acceptedAnswer: null, mustRead: false })),
        { id: 'learner-q', authorId: 'p0', kind: 'question' as const, title: 'Not a module', createdAt: from + 5, acceptedAnswer: null, mustRead: false },
      ],
      comments: learners.map((p, i) => ({ id: `k${i}`, authorId: p, post: 'm1', body: i < 5 ? 'Why does this hold?' : 'Thanks', createdAt: from + 10 })),
      reactions: [],
    };
    const completions = [...learners.map((p) => ({ space: 'c', module: 'm0', person: p })), ...learners.slice(0, 2).map((p) => ({ space: 'c', module: 'm1', person: p }))];
    const r = computeFigures({ from, to, scope: 'spaces', spaces: [course], journal: [], completions });
    expect(r.courses).toEqual([
      {
        space: 'c',
        name: 'c',
        learners: 6,
        averageProgress: 0.667,
        modules: [
          { post: 'm0', title: 'Module 1', done: 6, questions: 0 },
          { post: 'm1', title: 'Module 2', done: null, questions: 5 },
        ],
      },
    ]);
  });

  it('weeks start on Monday (UTC)', () => {
    expect(weekOf(Date.UTC(2026, 10, 8, 23))).toBe('2026-11-02');
    expect(weekOf(Date.UTC(2026, 10, 9))).toBe('2026-11-09');
  });
});
