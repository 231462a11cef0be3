// Who may accept an answer, acknowledge a must-read announcement, or mark one must-read. Why
// these rules live in core: the relay applies them before carrying an entry out, and a modified
// client can write any of these entries into its own outbox — accepting an answer to someone
// else's question, pointing at a comment of another post, acknowledging a post that is not
// must-read to inflate its reach. Called by validateEntry once the space access has passed.
import type { OutboxEntry } from '../model/types.js';
import type { DirectoryRecord } from '../identity/types.js';
import type { EntryContext, EntryProblem } from './validate-entry.js';

export type EngagementProblemCode =
  | 'not-a-question'
  | 'not-the-asker'
  | 'answer-not-on-question'
  | 'not-must-read'
  | 'own-post'
  | 'must-read-not-announcement'
  | 'ama-leaders-only';

type Entry<T extends OutboxEntry['type']> = Extract<OutboxEntry, { type: T }>;

/** The post an entry names (`post`), published in this space; a problem when it is not. */
function namedPost(entry: { space: string; post: string }, ctx: EntryContext): EntryProblem[] | NonNullable<EntryContext['targetPost']> {
  const post = ctx.targetPost;
  if (post === null || post.id !== entry.post || post.space !== entry.space) {
    return [{ code: 'post-not-found', message: 'The post is not there.', field: 'post' }];
  }
  if (post.state !== 'published') return [{ code: 'post-not-published', message: 'The post was removed.', field: 'post' }];
  return post;
}

/**
 * The asker, or a facilitator of the space, accepts a comment of that very question. Taking the
 * acceptance back (`comment: null`) follows the same rule.
 */
export function checkAcceptAnswer(entry: Entry<'accept-answer'>, author: DirectoryRecord, ctx: EntryContext): EntryProblem[] {
  const post = namedPost(entry, ctx);
  if (Array.isArray(post)) return post;
  if (post.kind !== 'question') return [{ code: 'not-a-question', message: 'Only a question has an accepted answer.', field: 'post' }];
  const facilitator = ctx.space?.facilitators.includes(author.id) === true;
  if (post.authorId !== author.id && !facilitator) {
    return [{ code: 'not-the-asker', message: 'Only the person who asked, or a facilitator of the space, accepts an answer.', field: 'post' }];
  }
  if (entry.comment === null) return [];
  const comment = ctx.targetComment;
  if (comment === null || comment.id !== entry.comment || comment.post !== entry.post) {
    return [{ code: 'answer-not-on-question', message: 'The answer must be a comment on this question.', field: 'comment' }];
  }
  if (comment.state !== 'published') return [{ code: 'reply-not-published', message: 'That comment was removed.', field: 'comment' }];
  return [];
}

/** Acknowledging a must-read announcement one can read (not one's own). */
export function checkReadAck(entry: Entry<'read-ack'>, author: DirectoryRecord, ctx: EntryContext): EntryProblem[] {
  const post = namedPost(entry, ctx);
  if (Array.isArray(post)) return post;
  if (post.mustRead !== true) return [{ code: 'not-must-read', message: 'This post does not ask to be acknowledged.', field: 'post' }];
  if (post.authorId === author.id) return [{ code: 'own-post', message: 'You wrote this announcement.', field: 'post' }];
  return [];
}

/** Only an announcement can be must-read. */
export function checkMustRead(entry: Entry<'post'>): EntryProblem[] {
  if (entry.mustRead !== true || entry.kind === 'announcement') return [];
  return [{ code: 'must-read-not-announcement', message: 'Only an announcement can be marked must read.', field: 'kind' }];
}
