// What a space document says happened in it, flattened for counting: who posted, commented and
// reacted, when. Why here and not in the relay: it reads the relay-written space document through
// core's own readers (readSpace, the published-item schemas), so a change to how a space is laid
// out changes this reader with the others.
import type * as Y from 'yjs';
import { META, SPACE_REACTIONS } from '../model/doc-layout.js';
import { publishedReactionSchema, readVisibleItems } from '../model/published-schemas.js';
import { readSpaceAcross } from '../model/space-view.js';
import type { PostKind, SpaceMeta } from '../model/types.js';

export interface SpaceActivity {
  meta: SpaceMeta | null;
  members: string[];
  posts: { id: string; authorId: string; kind: PostKind; title: string; createdAt: number; acceptedAnswer: string | null; mustRead: boolean }[];
  comments: { id: string; authorId: string; post: string; body: string; createdAt: number }[];
  /** `at`: when the relay published the reaction (null for reactions published before it said). */
  reactions: { id: string; authorId: string; target: string; at: number | null }[];
}

/**
 * Visible (published, not hidden or retracted) posts, comments and reactions of a space document
 * and of its time buckets (`space/<id>/<yyyy-mm>`, core's buckets.ts) given.
 */
export function readSpaceActivity(doc: Y.Doc, buckets: readonly Y.Doc[] = []): SpaceActivity {
  const view = readSpaceAcross(doc, buckets);
  const posts: SpaceActivity['posts'] = [];
  const comments: SpaceActivity['comments'] = [];
  for (const p of view.posts) {
    posts.push({ id: p.id, authorId: p.authorId, kind: p.kind, title: p.title, createdAt: p.createdAt, acceptedAnswer: p.acceptedAnswer ?? null, mustRead: p.mustRead === true });
    const walk = (list: typeof p.comments) => {
      for (const c of list) {
        comments.push({ id: c.id, authorId: c.authorId, post: c.post, body: c.body, createdAt: c.createdAt });
        walk(c.replies);
      }
    };
    walk(p.comments);
  }
  const id = view.meta?.id;
  const seen = new Set<string>();
  const reactions: SpaceActivity['reactions'] = [];
  for (const d of [doc, ...buckets.filter((b) => b.getMap<unknown>(META).get('id') === id)]) {
    for (const r of readVisibleItems(d, SPACE_REACTIONS, publishedReactionSchema)) {
      if (seen.has(r.id)) continue; // a bucket migration caught half-way: once
      seen.add(r.id);
      reactions.push({ id: r.id, authorId: r.authorId, target: r.target, at: r.publishedAt ?? null });
    }
  }
  return { meta: view.meta, members: view.members, posts, comments, reactions };
}
