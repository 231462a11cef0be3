// The client's own unpublished work shown in place. Why: the app must feel instant offline and
// online, yet published documents only change when the relay publishes. So the app renders the
// published view overlaid with its own outbox: a new or edited post, comment or message shows with
// a mark ('pending' until the relay publishes it, 'held' or 'rejected' when the inbox says so),
// a retraction hides at once, a reaction shows at once. The overlay never writes anything.
import type * as Y from 'yjs';
import { attachmentsOf } from './attachments.js';
import { readOutbox } from './outbox-schema.js';
import { buildSpaceView, oldestFirst, spaceViewParts } from './space-view.js';
import type { CommentItem, PostItem, ReactionItem } from './space-view.js';
import type {
  AttachmentRef,
  ConversationId,
  ConversationView,
  EntryId,
  EntryStatus,
  OutboxEntry,
  PendingMark,
  PersonId,
  SpaceId,
  SpaceView,
} from './types.js';

/** The outbox document, or its entries already read with readOutbox (to read it once per render). */
export type OutboxSource = Y.Doc | readonly OutboxEntry[];

function entriesOf(outbox: OutboxSource): readonly OutboxEntry[] {
  return Array.isArray(outbox) ? (outbox as readonly OutboxEntry[]) : readOutbox(outbox as Y.Doc);
}

export interface OverlayOptions {
  /** The outbox owner: the author of every entry in it. */
  me: PersonId;
  /** The inbox statuses (readInbox(...).statuses), to mark held and rejected entries. */
  statuses?: Record<EntryId, EntryStatus>;
}

/**
 * The mark for an own entry whose current content is not (yet) what the published view shows.
 * A held/rejected status older than the author's latest edit no longer applies: the relay has not
 * judged the edit yet, so it is 'pending' again. 'waiting-acknowledgement' shows as 'pending'.
 */
export function pendingMark(entry: OutboxEntry, statuses?: Record<EntryId, EntryStatus>): PendingMark {
  const status = statuses?.[entry.id];
  if (!status) return 'pending';
  if (entry.editedAt !== null && entry.editedAt > status.updatedAt) return 'pending';
  return status.state === 'held' || status.state === 'rejected' ? status.state : 'pending';
}

/**
 * Puts an own item into `list`: removes it when retracted, adds or replaces it (with its mark) when
 * the published copy is missing or differs. Leaves alone an item of the same id by someone else.
 */
function mergeOwn<T extends { id: EntryId; authorId: PersonId }>(
  list: T[],
  entry: OutboxEntry,
  me: PersonId,
  own: () => T,
  same: (published: T) => boolean,
): T[] {
  const index = list.findIndex((item) => item.id === entry.id);
  const published = index >= 0 ? list[index] : undefined;
  if (published && published.authorId !== me) return list;
  if (entry.retracted) return list.filter((item) => item.id !== entry.id);
  if (published && same(published)) return list;
  return [...list.filter((item) => item.id !== entry.id), own()];
}

/**
 * The space view with the owner's outbox entries for this space laid over it. The space is the
 * view's meta id, or `opts.space` for a space whose document has not synced yet.
 */
/** An own entry's files, shown at once (the app shows them from the device until they are uploaded). */
function ownFiles(e: OutboxEntry): { attachments?: AttachmentRef[] } {
  const files = attachmentsOf(e);
  return files.length === 0 ? {} : { attachments: [...files] };
}

export function overlayOutbox(view: SpaceView, outbox: OutboxSource, opts: OverlayOptions & { space?: SpaceId }): SpaceView {
  const space = view.meta?.id ?? opts.space;
  if (space === undefined) return view;
  const { me, statuses } = opts;
  const parts = spaceViewParts(view);
  // An item a moderator hid stays out of sight for its author too (they get a 'hidden' notice).
  const hidden = new Set(parts.hidden);
  const entries = entriesOf(outbox).filter((e) => 'space' in e && e.space === space && !hidden.has(e.id));
  const dates = (e: OutboxEntry) => ({ createdAt: e.createdAt, editedAt: e.editedAt, state: 'published' as const });
  for (const e of entries) {
    if (e.type !== 'post') continue;
    const own = (): PostItem => ({ id: e.id, authorId: me, space, kind: e.kind, title: e.title, body: e.body, ...ownFiles(e), ...dates(e), pending: pendingMark(e, statuses) });
    parts.posts = mergeOwn(parts.posts, e, me, own, (p) => p.title === e.title && p.body === e.body && p.kind === e.kind);
  }
  const postIds = new Set(parts.posts.map((p) => p.id));
  for (const e of entries) {
    if (e.type !== 'comment' || !postIds.has(e.post)) continue;
    const own = (): CommentItem => ({ id: e.id, authorId: me, post: e.post, replyTo: e.replyTo, body: e.body, ...ownFiles(e), ...dates(e), pending: pendingMark(e, statuses) });
    parts.comments = mergeOwn(parts.comments, e, me, own, (c) => c.body === e.body);
  }
  parts.reactions = overlayReactions(parts.reactions, entries, me);
  parts.posts = overlayAcceptances(parts.posts, entries, statuses);
  return buildSpaceView(parts);
}

/**
 * Own acceptances the relay has not answered yet (no inbox status) show at once, the newest per
 * question; once answered, the space document is the truth (a facilitator may have chosen since).
 */
function overlayAcceptances(posts: PostItem[], entries: OutboxEntry[], statuses?: Record<EntryId, EntryStatus>): PostItem[] {
  const latest = new Map<EntryId, Extract<OutboxEntry, { type: 'accept-answer' }>>();
  for (const e of entries) {
    if (e.type !== 'accept-answer' || e.retracted || statuses?.[e.id] !== undefined) continue;
    const seen = latest.get(e.post);
    if (seen === undefined || oldestFirst(seen, e) < 0) latest.set(e.post, e);
  }
  if (latest.size === 0) return posts;
  return posts.map((p) => {
    const e = latest.get(p.id);
    if (e === undefined || p.kind !== 'question') return p;
    const { acceptedAnswer: _was, ...rest } = p;
    return e.comment === null ? rest : { ...rest, acceptedAnswer: e.comment };
  });
}

/**
 * Own reactions: a (target, emoji) pair with at least one live own reaction entry shows the owner;
 * one whose own entries are all retracted does not, whatever the published view still says.
 */
function overlayReactions(published: ReactionItem[], entries: OutboxEntry[], me: PersonId): ReactionItem[] {
  const live = new Map<string, boolean>();
  for (const e of entries) {
    if (e.type !== 'reaction') continue;
    const key = `${e.target} ${e.emoji}`;
    live.set(key, (live.get(key) ?? false) || !e.retracted);
  }
  const out = published.filter((r) => r.person !== me || live.get(`${r.target} ${r.emoji}`) !== false);
  for (const e of entries) {
    if (e.type !== 'reaction' || e.retracted) continue;
    if (!out.some((r) => r.person === me && r.target === e.target && r.emoji === e.emoji)) out.push({ target: e.target, emoji: e.emoji, person: me });
  }
  return out;
}

/**
 * The conversation view with the owner's messages for it laid over it. For a conversation the
 * owner has just started (its dm document not synced yet), pass `conversation`: the view then takes
 * its id, and its participants from the starting message (`to` plus the owner).
 */
export function overlayConversation(
  view: ConversationView,
  outbox: OutboxSource,
  opts: OverlayOptions & { conversation?: ConversationId },
): ConversationView {
  const id = view.id !== '' ? view.id : opts.conversation;
  if (id === undefined) return view;
  const { me, statuses } = opts;
  const hidden = new Set(view.hidden ?? []);
  const entries = entriesOf(outbox).filter((e) => e.type === 'message' && e.conversation === id && !hidden.has(e.id));
  let messages = view.messages;
  let participants = view.participants;
  for (const e of entries) {
    if (e.type !== 'message') continue;
    if (participants.length === 0 && e.to !== null) participants = [...new Set([me, ...e.to])].sort();
    const own = () => ({ id: e.id, authorId: me, body: e.body, ...ownFiles(e), createdAt: e.createdAt, editedAt: e.editedAt, state: 'published' as const, pending: pendingMark(e, statuses) });
    messages = mergeOwn(messages, e, me, own, (m) => m.body === e.body);
  }
  const createdAt = view.createdAt ?? entries[0]?.createdAt ?? null;
  const result: ConversationView = { id, participants, createdAt, messages: [...messages].sort(oldestFirst) };
  if (view.hidden) result.hidden = view.hidden;
  return result;
}
