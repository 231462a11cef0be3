// What the app derives from space views for questions, must-read announcements and "ask me
// anything" posts. Pure and read-only, so every screen (and test) derives them the same way, and
// offline: unanswered lists, pins and vote order come from documents already on the device.
import type { CommentView, EntryId, OutboxEntry, PersonId, PostView, SpaceId, SpaceView } from './types.js';

/** An AMA question's vote: a 👍 reaction on it (one per person, as every reaction). */
export const VOTE_EMOJI = '👍';

export interface UnansweredQuestion {
  post: PostView;
  space: SpaceId;
  /** Milliseconds since it was asked. */
  age: number;
}

/**
 * Questions without an accepted answer, oldest first (the longest waiting at the top). Own
 * questions not yet published are left out: nobody else can answer them yet.
 */
export function unansweredQuestions(views: Iterable<SpaceView>, now: number): UnansweredQuestion[] {
  const out: UnansweredQuestion[] = [];
  for (const view of views) {
    for (const post of view.posts) {
      if (post.kind !== 'question' || post.acceptedAnswer !== undefined || post.pending !== undefined) continue;
      out.push({ post, space: post.space, age: Math.max(0, now - post.createdAt) });
    }
  }
  return out.sort((a, b) => a.post.createdAt - b.post.createdAt || (a.post.id < b.post.id ? -1 : 1));
}

/** The posts this person acknowledged reading, from their own outbox (known offline, at once). */
export function acknowledgedPosts(outbox: readonly OutboxEntry[]): Set<EntryId> {
  return new Set(outbox.flatMap((e) => (e.type === 'read-ack' ? [e.post] : [])));
}

/** Must-read announcements still waiting for `me` to acknowledge them, newest first. Never one's own. */
export function mustReadPending(views: Iterable<SpaceView>, outbox: readonly OutboxEntry[], me: PersonId): PostView[] {
  const read = acknowledgedPosts(outbox);
  const out: PostView[] = [];
  for (const view of views) {
    for (const post of view.posts) {
      if (post.mustRead === true && post.kind === 'announcement' && post.authorId !== me && post.pending === undefined && !read.has(post.id)) out.push(post);
    }
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

export interface AmaQuestion {
  comment: CommentView;
  votes: number;
  /** Whether I voted it up. */
  votedByMe: boolean;
  /** The leader (the AMA's author) replied to it. */
  answered: boolean;
}

/** An AMA's questions (its top-level comments but the leader's own), most votes first, then oldest. */
export function amaQuestions(post: PostView, me: PersonId): AmaQuestion[] {
  const leader = post.authorId;
  return post.comments
    .filter((c) => c.authorId !== leader)
    .map((comment) => {
      const voters = comment.reactions[VOTE_EMOJI] ?? [];
      return { comment, votes: voters.length, votedByMe: voters.includes(me), answered: repliedBy(comment, leader) };
    })
    .sort((a, b) => b.votes - a.votes || a.comment.createdAt - b.comment.createdAt || (a.comment.id < b.comment.id ? -1 : 1));
}

function repliedBy(comment: CommentView, person: PersonId): boolean {
  return comment.replies.some((r) => r.authorId === person || repliedBy(r, person));
}
