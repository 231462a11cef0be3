// Builds the context core's validateEntry needs from the documents the relay writes. Why here and
// not in core: the answers come from several rooms (directory, the space, the conversation) and
// from the relay's own publication records, which only the relay can open.
import type * as Y from 'yjs';
import {
  parseRoomName,
  readConversation,
  readSpaceHead,
  META,
  SPACE_MEMBERS,
  roomName,
  DM_MESSAGES,
  SPACE_COMMENTS,
  SPACE_POSTS,
  SPACE_REACTIONS,
  type DirectoryRecord,
  type EntryContext,
  type OutboxEntry,
  type PublishedComment,
  type PublishedMessage,
  type PublishedPost,
  type PublishedReaction,
} from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';
import type { EntryRecord } from './publication-store.js';
import { docOfItem } from './space-buckets.js';

export interface ContextInputs {
  host: DocHost;
  directory: ReadonlyMap<string, DirectoryRecord>;
  author: string;
  /** Every entry of the author's outbox (for their own unpublished reactions). */
  outboxEntries: readonly OutboxEntry[];
  record: EntryRecord | null;
  /** The relay's clock (this month's bucket is where a just-published target is). */
  now?: () => number;
  /** The relay's publication record of another entry (a report on a direct message names only the message). */
  recordOf?: (entryId: string) => Promise<EntryRecord | null>;
}

type SpaceHead = ReturnType<typeof readSpaceHead>;
const heads = new WeakMap<Y.Doc, SpaceHead | null>();

/**
 * A space's meta and members, read again only after one of them changes. Why: they are checked for
 * every entry, and a space's posts change with every publication (a new post must not make the
 * next entry re-read a member list of thousands).
 */
function spaceHead(doc: Y.Doc): SpaceHead {
  let head = heads.get(doc);
  if (head === undefined) {
    const stale = () => heads.set(doc, null);
    doc.getMap(META).observe(stale);
    doc.getMap(SPACE_MEMBERS).observe(stale);
  }
  if (head == null) {
    head = readSpaceHead(doc);
    heads.set(doc, head);
  }
  return head;
}

export function spaceOf(entry: OutboxEntry): string | null {
  return 'space' in entry ? entry.space : null;
}

export async function buildEntryContext(entry: OutboxEntry, inputs: ContextInputs): Promise<EntryContext> {
  const { host, directory, author } = inputs;
  const people = (id: string) => directory.get(id) ?? null;
  const context: EntryContext = {
    author: people(author),
    space: null,
    members: [],
    targetPost: null,
    targetComment: null,
    targetMessage: null,
    existingReactions: [],
    conversation: null,
    previous: previousOf(inputs.record),
    people,
  };
  const space = spaceOf(entry);
  if (space !== null) {
    const room = roomName({ kind: 'space', space });
    if (await host.exists(room)) {
      const doc = await host.open(room);
      const view = spaceHead(doc);
      context.space = view.meta;
      context.members = view.members;
      // The target lives in a time bucket of the space (space-buckets.ts); data not yet migrated, in the space document.
      const target = targetOf(entry);
      const targetDoc = target === null ? doc : await docOfItem(host, space, target, inputs.recordOf ?? (() => Promise.resolve(null)), inputs.now?.() ?? Date.now());
      fillTargets(entry, targetDoc, context, author, inputs.outboxEntries);
    }
  }
  if (entry.type === 'report' && entry.space === null) {
    // A report on a direct message: the message's own publication record says which conversation.
    const target = await inputs.recordOf?.(entry.target);
    if (target?.targetRoom?.startsWith('dm/') === true && (await host.exists(target.targetRoom))) {
      const view = readConversation(await host.open(target.targetRoom));
      if (view.participants.length > 0) context.conversation = { id: view.id, participants: view.participants };
      const message = (await host.open(target.targetRoom)).getMap<PublishedMessage>(DM_MESSAGES).get(entry.target);
      if (message) context.targetMessage = { id: message.id, conversation: view.id, state: message.state };
    }
  }
  if (entry.type === 'message') {
    const room = roomName({ kind: 'dm', conversation: entry.conversation });
    if (await host.exists(room)) {
      const view = readConversation(await host.open(room));
      if (view.participants.length > 0) context.conversation = { id: view.id, participants: view.participants };
    }
  }
  return context;
}

/**
 * The item an entry points at, whose time bucket holds what validation needs: a reaction's or
 * report's target, else the post an entry names (a comment's post, an accepted answer's question,
 * a must-read acknowledgement's, a module's, a best-of pick's).
 */
function targetOf(entry: OutboxEntry): string | null {
  if (entry.type === 'reaction' || entry.type === 'report') return entry.target;
  const post = (entry as { post?: unknown }).post;
  return typeof post === 'string' ? post : null;
}

function previousOf(record: EntryRecord | null): EntryContext['previous'] {
  if (record === null || record.publishedVersion === null || record.targetRoom === null || record.entryType === null) return null;
  // A bucket `space/<id>/<yyyy-mm>` is a place of its space; a room of its own (`recognition`, where
  // kudos go) is its own place, as core's engagementPlace names it. Why it matters: a null place
  // here made every withdrawal of a kudos a "moved entry", refused.
  const room = parseRoomName(record.targetRoom);
  const place = room === null ? null : 'space' in room ? room.space : 'conversation' in room ? room.conversation : record.targetRoom;
  return { authorId: record.owner, type: record.entryType, place };
}

function fillTargets(entry: OutboxEntry, doc: Y.Doc, context: EntryContext, author: string, outbox: readonly OutboxEntry[]): void {
  const posts = doc.getMap<PublishedPost>(SPACE_POSTS);
  const comments = doc.getMap<PublishedComment>(SPACE_COMMENTS);
  const asPost = (id: string) => {
    const p = posts.get(id);
    return p ? { id: p.id, space: p.space, authorId: p.authorId, state: p.state, kind: p.kind, mustRead: p.mustRead === true } : null;
  };
  const asComment = (id: string) => {
    const c = comments.get(id);
    return c ? { id: c.id, post: c.post, authorId: c.authorId, state: c.state } : null;
  };
  if (entry.type === 'comment') {
    context.targetPost = asPost(entry.post);
    if (entry.replyTo !== null) context.targetComment = asComment(entry.replyTo);
  } else if (entry.type === 'accept-answer' || entry.type === 'read-ack' || entry.type === 'module-done') {
    context.targetPost = asPost(entry.post);
    if (entry.type === 'accept-answer' && entry.comment !== null) context.targetComment = asComment(entry.comment);
  } else if (entry.type === 'best-of') {
    context.targetPost = asPost(entry.post);
  } else if (entry.type === 'reaction' || entry.type === 'report') {
    context.targetPost = asPost(entry.target);
    context.targetComment = asComment(entry.target);
  }
  if (entry.type === 'reaction') {
    const published = [...doc.getMap<PublishedReaction>(SPACE_REACTIONS).values()]
      .filter((r) => r.authorId === author && r.target === entry.target && r.state === 'published' && r.id !== entry.id)
      .map((r) => ({ id: r.id, emoji: r.emoji }));
    const own = outbox
      .filter((e) => e.type === 'reaction' && e.target === entry.target && !e.retracted && e.id !== entry.id)
      .map((e) => ({ id: e.id, emoji: (e as Extract<OutboxEntry, { type: 'reaction' }>).emoji }));
    const seen = new Set<string>();
    context.existingReactions = [...published, ...own].filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  }
}
