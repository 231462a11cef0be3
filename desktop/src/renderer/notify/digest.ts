// "While you were away": what happened since the person last had the app open, built from the
// local copies of their spaces and conversations the moment the app opens (and growing as the
// relay brings the rest). Pure: the screen gives it the views and the time it was last seen.
import type { ConversationView, PersonId, SpaceView } from '@hearth/core';

/** Away for at least this long, the app opens on the digest. */
export const AWAY_MS = 2 * 24 * 60 * 60 * 1000;

export interface Digest {
  since: number;
  /** New posts and comments by others, per space (busiest first). */
  spaces: { space: string; name: string; posts: number; comments: number; latest: { post: string; title: string } | null }[];
  /** The person's questions that got answers, with how many. */
  answers: { space: string; post: string; title: string; count: number }[];
  /** Conversations with new messages, and who wrote them. */
  messages: { conversation: string; from: PersonId[]; count: number }[];
}

export function isEmptyDigest(d: Digest): boolean {
  return d.spaces.length === 0 && d.answers.length === 0 && d.messages.length === 0;
}

export function buildDigest(input: { me: PersonId; since: number; spaces: Iterable<SpaceView>; conversations: Iterable<ConversationView> }): Digest {
  const { me, since } = input;
  const fresh = (i: { authorId: string; createdAt: number }) => i.authorId !== me && i.createdAt > since;
  const digest: Digest = { since, spaces: [], answers: [], messages: [] };
  for (const view of input.spaces) {
    if (view.meta === null) continue;
    let posts = 0;
    let comments = 0;
    let latest: Digest['spaces'][number]['latest'] = null;
    for (const post of view.posts) {
      if (fresh(post)) {
        posts++;
        latest ??= { post: post.id, title: post.title || post.body.slice(0, 80) };
      }
      const all = flatten(post.comments);
      const answers = all.filter(fresh).length;
      comments += answers;
      if (post.authorId === me && post.kind === 'question' && answers > 0) digest.answers.push({ space: view.meta.id, post: post.id, title: post.title || post.body.slice(0, 80), count: answers });
    }
    if (posts + comments > 0) digest.spaces.push({ space: view.meta.id, name: view.meta.name, posts, comments, latest });
  }
  digest.spaces.sort((a, b) => b.posts + b.comments - (a.posts + a.comments) || a.name.localeCompare(b.name));
  for (const c of input.conversations) {
    const news = c.messages.filter((m) => m.state === 'published' && fresh(m));
    if (news.length > 0) digest.messages.push({ conversation: c.id, from: [...new Set(news.map((m) => m.authorId))], count: news.length });
  }
  return digest;
}

function flatten<T extends { replies: T[] }>(items: T[]): T[] {
  return items.flatMap((c) => [c, ...flatten(c.replies)]);
}
