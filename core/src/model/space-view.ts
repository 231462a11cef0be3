// The read-only view of a space document that the app renders: posts newest first, comments
// threaded, reactions aggregated, hidden and retracted items left out. Why the building step is
// separate from reading: the outbox overlay rebuilds the same view from published items plus the
// person's own unpublished ones, and both must thread and aggregate the same way.
import type * as Y from 'yjs';
import { META, MODERATION, SPACE_COMMENTS, SPACE_MEMBERS, SPACE_POSTS, SPACE_REACTIONS } from './doc-layout.js';
import {
  parseOrNull,
  readHiddenIds,
  readVisibleItems,
  withoutVersion,
  publishedCommentSchema,
  publishedPostSchema,
  publishedReactionSchema,
  spaceMetaSchema,
} from './published-schemas.js';
import { isValidId } from './room-names.js';
import { readAcceptedAnswers } from './relay-engagement.js';
import { REACTIONS } from './types.js';
import type {
  CommentView,
  EntryId,
  PersonId,
  PostView,
  Reaction,
  SpaceMeta,
  SpaceView,
} from './types.js';

export type PostItem = Omit<PostView, 'comments' | 'commentCount' | 'reactions'>;
export type CommentItem = Omit<CommentView, 'replies' | 'reactions'>;
export interface ReactionItem {
  target: EntryId;
  emoji: Reaction;
  person: PersonId;
}

export interface SpaceParts {
  meta: SpaceMeta | null;
  members: PersonId[];
  posts: PostItem[];
  comments: CommentItem[];
  reactions: ReactionItem[];
  hidden: EntryId[];
}

/** Reads a space document. Never throws; values that do not parse are skipped. */
export function readSpace(doc: Y.Doc): SpaceView {
  const parts = readSpaceParts(doc);
  attachAnswers(parts.posts, doc);
  return buildSpaceView(parts);
}

/**
 * Accepted answers live in the space document (whichever bucket holds the question): each question
 * with one gets its comment id. Whether that comment is visible is buildSpaceView's business.
 */
function attachAnswers(posts: PostItem[], spaceDoc: Y.Doc): void {
  const answers = readAcceptedAnswers(spaceDoc);
  if (answers.size === 0) return;
  for (const post of posts) {
    const answer = answers.get(post.id);
    if (answer !== undefined && post.kind === 'question') post.acceptedAnswer = answer.comment;
  }
}

/**
 * Reads a space across its buckets: meta and members from the space document, items from the
 * space document (data not yet migrated) and from every bucket document given — the ones the client
 * has open. An item found twice (a migration caught half-way) counts once, the newer version.
 * Buckets of another space are ignored. Never throws.
 */
export function readSpaceAcross(spaceDoc: Y.Doc, buckets: Iterable<Y.Doc>): SpaceView {
  const parts = readSpaceParts(spaceDoc);
  const id = parts.meta?.id;
  for (const bucket of buckets) {
    if (id === undefined || bucket.getMap<unknown>(META).get('id') !== id) continue;
    const items = readItemParts(bucket);
    parts.posts.push(...items.posts);
    parts.comments.push(...items.comments);
    parts.reactions.push(...items.reactions);
    parts.hidden.push(...items.hidden);
  }
  parts.posts = newestVersions(parts.posts);
  parts.comments = newestVersions(parts.comments);
  attachAnswers(parts.posts, spaceDoc);
  return buildSpaceView(parts);
}

function newestVersions<T extends { id: string; editedAt: number | null }>(items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const seen = byId.get(item.id);
    if (seen === undefined || (item.editedAt ?? 0) > (seen.editedAt ?? 0)) byId.set(item.id, item);
  }
  return byId.size === items.length ? items : [...byId.values()];
}

/**
 * A space's meta and members alone, as readSpace gives them. Why: the relay checks them for every
 * entry it publishes, and readSpace parses every post and comment of the space to get there.
 */
export function readSpaceHead(doc: Y.Doc): Pick<SpaceView, 'meta' | 'members'> {
  const { meta, members } = readSpaceMetaAndMembers(doc);
  return { meta, members: [...new Set(members)].sort() };
}

function readSpaceMetaAndMembers(doc: Y.Doc): Pick<SpaceParts, 'meta' | 'members'> {
  const metaMap = doc.getMap<unknown>(META);
  const meta = parseOrNull(spaceMetaSchema, Object.fromEntries(metaMap.entries()));
  const members = [...doc.getMap<unknown>(SPACE_MEMBERS).entries()].filter(([k, v]) => v === true && isValidId(k)).map(([k]) => k);
  return { meta, members };
}

function readSpaceParts(doc: Y.Doc): SpaceParts {
  return { ...readSpaceMetaAndMembers(doc), ...readItemParts(doc) };
}

/**
 * What search may find in one space or bucket document: its visible posts, and the visible
 * comments on those posts (a comment under a hidden or retracted post is not shown, so not found).
 */
export function readSearchableItems(doc: Y.Doc): { posts: PostItem[]; comments: CommentItem[] } {
  // Posts and comments only: reactions (the most numerous items) and the hidden list are not searched.
  const posts = readVisibleItems(doc, SPACE_POSTS, publishedPostSchema).map(withoutVersion);
  const comments = readVisibleItems(doc, SPACE_COMMENTS, publishedCommentSchema).map(withoutVersion);
  const shown = new Set(posts.map((p) => p.id));
  return { posts, comments: comments.filter((c) => shown.has(c.post)) };
}

/** The published items of a space or bucket document (same maps in both). */
function readItemParts(doc: Y.Doc): Omit<SpaceParts, 'meta' | 'members'> {
  const posts = readVisibleItems(doc, SPACE_POSTS, publishedPostSchema).map(withoutVersion);
  const comments = readVisibleItems(doc, SPACE_COMMENTS, publishedCommentSchema).map(withoutVersion);
  const reactions = readVisibleItems(doc, SPACE_REACTIONS, publishedReactionSchema).map((r) => ({ target: r.target, emoji: r.emoji, person: r.authorId }));
  const hidden = readHiddenIds(doc, [SPACE_POSTS, SPACE_COMMENTS, SPACE_REACTIONS], MODERATION);
  return { posts, comments, reactions, hidden };
}

/** Threads, aggregates and orders the parts of a space into the view the app renders. */
export function buildSpaceView(parts: SpaceParts): SpaceView {
  const reactions = aggregateReactions(parts.reactions);
  const commentsByPost = new Map<EntryId, CommentItem[]>();
  for (const c of [...parts.comments].sort(oldestFirst)) {
    const list = commentsByPost.get(c.post) ?? [];
    list.push(c);
    commentsByPost.set(c.post, list);
  }
  const posts = [...parts.posts].sort((a, b) => -oldestFirst(a, b)).map((post): PostView => {
    const comments = commentsByPost.get(post.id) ?? [];
    const { acceptedAnswer, ...rest } = post;
    const threaded = threadComments(comments, reactions);
    const view: PostView = { ...rest, comments: threaded, commentCount: comments.length, reactions: reactions.get(post.id) ?? {} };
    // An accepted answer counts only while it is a visible comment of the question; at the top
    // level it is shown first (the rest keep their order).
    if (acceptedAnswer !== undefined && comments.some((c) => c.id === acceptedAnswer)) {
      view.acceptedAnswer = acceptedAnswer;
      const at = threaded.findIndex((c) => c.id === acceptedAnswer);
      if (at > 0) view.comments = [threaded[at]!, ...threaded.slice(0, at), ...threaded.slice(at + 1)];
    }
    return view;
  });
  const view: SpaceView = { meta: parts.meta, members: [...new Set(parts.members)].sort(), posts };
  if (parts.hidden.length > 0) view.hidden = [...new Set(parts.hidden)].sort();
  return view;
}

/**
 * Threads one post's comments (given oldest first). A comment hangs under the comment it replies
 * to only if that one is visible and older; otherwise it is shown top-level, so a hidden parent
 * never takes its replies with it and a hostile reply cycle cannot make comments vanish.
 */
function threadComments(comments: CommentItem[], reactions: Map<EntryId, CommentView['reactions']>): CommentView[] {
  const nodes = new Map<EntryId, CommentView>();
  const top: CommentView[] = [];
  for (const c of comments) {
    const node: CommentView = { ...c, replies: [], reactions: reactions.get(c.id) ?? {} };
    const parent = c.replyTo === null ? undefined : nodes.get(c.replyTo);
    if (parent) parent.replies.push(node);
    else top.push(node);
    if (!nodes.has(c.id)) nodes.set(c.id, node);
  }
  return top;
}

/** target → emoji → the people who reacted (each once, sorted), emojis in REACTIONS order. */
function aggregateReactions(items: ReactionItem[]): Map<EntryId, Partial<Record<Reaction, PersonId[]>>> {
  const sets = new Map<EntryId, Map<Reaction, Set<PersonId>>>();
  for (const r of items) {
    const byEmoji = sets.get(r.target) ?? new Map<Reaction, Set<PersonId>>();
    byEmoji.set(r.emoji, (byEmoji.get(r.emoji) ?? new Set()).add(r.person));
    sets.set(r.target, byEmoji);
  }
  const out = new Map<EntryId, Partial<Record<Reaction, PersonId[]>>>();
  for (const [target, byEmoji] of sets) {
    const record: Partial<Record<Reaction, PersonId[]>> = {};
    for (const emoji of REACTIONS) {
      const people = byEmoji.get(emoji);
      if (people && people.size > 0) record[emoji] = [...people].sort();
    }
    out.set(target, record);
  }
  return out;
}

/** Creation order, ties broken by id (ULIDs), so every reader orders alike. */
export function oldestFirst(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Flattens a view back into its parts (the overlay edits parts, then rebuilds). */
export function spaceViewParts(view: SpaceView): SpaceParts {
  const comments: CommentItem[] = [];
  const reactions: ReactionItem[] = [];
  const addReactions = (target: EntryId, record: Partial<Record<Reaction, PersonId[]>>) => {
    for (const emoji of REACTIONS) for (const person of record[emoji] ?? []) reactions.push({ target, emoji, person });
  };
  const walk = (list: CommentView[]) => {
    for (const { replies, reactions: r, ...c } of list) {
      comments.push(c);
      addReactions(c.id, r);
      walk(replies);
    }
  };
  const posts = view.posts.map(({ comments: cs, commentCount: _n, reactions: r, ...p }) => {
    addReactions(p.id, r);
    walk(cs);
    return p;
  });
  return { meta: view.meta, members: view.members, posts, comments, reactions, hidden: view.hidden ?? [] };
}
