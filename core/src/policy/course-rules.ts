// Who may mark a course module done. Why in core: the relay applies it before recording progress,
// and a modified client can write any `module-done` into its own outbox — for a post of another
// space, a learner's own question, a removed module, a space that is no course — to skew the
// facilitator's figures. Called by validateEntry once the space access has passed (so only people
// who can read the course mark its modules).
import { isModule } from '../model/course-views.js';
import type { OutboxEntry, SpaceMeta } from '../model/types.js';
import type { EntryContext, EntryProblem } from './validate-entry.js';

export type CourseProblemCode = 'not-a-course' | 'not-a-module';

export function checkModuleDone(entry: Extract<OutboxEntry, { type: 'module-done' }>, ctx: EntryContext): EntryProblem[] {
  const space = ctx.space as SpaceMeta; // checked by the space access
  if (space.kind !== 'course') return [{ code: 'not-a-course', message: 'Only the modules of a course can be marked done.', field: 'space' }];
  const post = ctx.targetPost;
  if (post === null || post.id !== entry.post || post.space !== entry.space) return [{ code: 'post-not-found', message: 'The module is not there.', field: 'post' }];
  if (post.state !== 'published') return [{ code: 'post-not-published', message: 'The module was removed.', field: 'post' }];
  if (!isModule(space, post)) return [{ code: 'not-a-module', message: 'This post is part of the discussion, not a module of the course.', field: 'post' }];
  return [];
}
