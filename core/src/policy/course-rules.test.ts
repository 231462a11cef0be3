// Marking a course module done, from both sides: what an honest learner's app writes, and what a
// modified client could put into its own outbox to skew a facilitator's figures. And the learner's
// own progress, read from their outbox.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { person } from '../identity/test-records.js';
import type { DirectoryRecord } from '../identity/types.js';
import { courseProgress } from '../model/course-views.js';
import { readOutbox } from '../model/outbox-schema.js';
import { retractEntry, writeModuleDone } from '../model/outbox-writes.js';
import type { PostView, SpaceMeta, SpaceView } from '../model/types.js';
import { validateEntry, type EntryContext, type EntryProblemCode } from './validate-entry.js';

const tom = person({ id: 'tom', email: 'tom@poll.example', givenName: 'Thomas', familyName: 'Hargreaves', roles: ['employee', 'facilitator'] });
const lena = person({ id: 'lena', email: 'lena@poll.example', givenName: 'Lena', familyName: 'Hoffmann', roles: ['employee'] });
const directory = new Map<string, DirectoryRecord>([tom, lena].map((p) => [p.id, p]));
const meta = (id: string, kind: SpaceMeta['kind'], visibility: SpaceMeta['visibility'] = 'public'): SpaceMeta =>
  ({ id, name: id, description: '', kind, visibility, facilitators: ['tom'], retentionDays: null, createdAt: 0 });
const course = meta('methods', 'course');

const MODULE = '01JD0000000000000000000001';
const ENTRY = '01JD00000000000000000000AA';
const module1 = { id: MODULE, space: 'methods', authorId: 'tom', state: 'published' as const, kind: 'announcement' as const };

function ctx(o: Partial<EntryContext> = {}): EntryContext {
  return { author: lena, space: course, members: [], targetPost: module1, targetComment: null, targetMessage: null, existingReactions: [], conversation: null, previous: null, people: (id) => directory.get(id) ?? null, ...o };
}
const done = (o: object = {}) => ({ id: ENTRY, createdAt: 1, editedAt: null, retracted: false, type: 'module-done', space: 'methods', post: MODULE, ...o });
const codes = (entry: unknown, c: EntryContext): EntryProblemCode[] => {
  const r = validateEntry(entry, c);
  return r.ok ? [] : r.problems.map((p) => p.code);
};

describe('module-done', () => {
  it.each<[string, unknown, Partial<EntryContext>, EntryProblemCode[]]>([
    ['a learner marks a module of a public course done', done(), {}, []],
    ['a learner takes the mark back', done({ retracted: true }), { previous: { authorId: 'lena', type: 'module-done', place: 'methods' } }, []],
    ['attacker: a space that is no course', done({ space: 'general' }), { space: meta('general', 'discussion'), targetPost: { ...module1, space: 'general' } }, ['not-a-course']],
    ['attacker: a learner\'s own question in the course is no module', done(), { targetPost: { ...module1, authorId: 'lena', kind: 'question' } }, ['not-a-module']],
    ['attacker: a post of another space', done(), { targetPost: { ...module1, space: 'elsewhere' } }, ['post-not-found']],
    ['attacker: a module that is not there', done(), { targetPost: null }, ['post-not-found']],
    ['attacker: a module a moderator removed', done(), { targetPost: { ...module1, state: 'hidden' } }, ['post-not-published']],
    ['attacker: a private course one is not in', done(), { space: meta('methods', 'course', 'private') }, ['not-a-member']],
    ['attacker: an unknown space', done(), { space: null }, ['unknown-space']],
    ['malformed: no post', done({ post: undefined }), {}, ['schema']],
  ])('%s', (_what, entry, o, expected) => {
    expect(codes(entry, ctx(o))).toEqual(expected);
  });
});

describe('course progress (from the learner\'s own outbox)', () => {
  const post = (id: string, authorId: string, createdAt: number): PostView =>
    ({ id, authorId, space: 'methods', kind: 'announcement', title: id, body: '', createdAt, editedAt: null, state: 'published', comments: [], commentCount: 0, reactions: {} }) as PostView;
  const view: SpaceView = { meta: course, members: [], posts: [post('m2', 'tom', 2), post('q', 'lena', 3), post('m1', 'tom', 1)] };

  it('modules are the facilitators\' posts, oldest first; marking moves progress, retracting moves it back', () => {
    const outbox = new Y.Doc();
    expect(courseProgress(view, readOutbox(outbox))!.done.size).toBe(0);
    expect(courseProgress(view, readOutbox(outbox))!.modules.map((m) => m.id)).toEqual(['m1', 'm2']);
    const mark = writeModuleDone(outbox, { space: 'methods', post: 'm1' });
    writeModuleDone(outbox, { space: 'methods', post: 'q' }); // not a module: does not count
    const after = courseProgress(view, readOutbox(outbox))!;
    expect([...after.done.keys()]).toEqual(['m1']);
    retractEntry(outbox, mark);
    expect(courseProgress(view, readOutbox(outbox))!.done.size).toBe(0);
  });

  it('is null for a space that is no course', () => {
    expect(courseProgress({ ...view, meta: meta('general', 'discussion') }, [])).toBeNull();
  });
});
