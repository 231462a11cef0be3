// The renderer's one doorway to core's document model and policy. Every read of a shared document
// goes through core's read-only views, every write through core's outbox writes; this module only
// names them for the hooks, so a change in a core signature is fixed here and nowhere else.
import type * as Y from 'yjs';
import { memoLast } from './view-cache.js';
import {
  displayName,
  overlayConversation,
  overlayOutbox,
  readConversation,
  readDirectory,
  readInbox,
  readInboxConversations,
  readOutbox,
  readBucketIndex,
  readSpace,
  readSpaceAcross,
  readSpaces,
} from '@hearth/core';
import type {
  BucketSummary,
  ConversationView,
  DirectoryRecord,
  InboxView,
  OutboxEntry,
  PersonId,
  SpaceId,
  SpaceMeta,
  SpaceView,
} from '@hearth/core';

export const EMPTY_INBOX: InboxView = { notices: [], statuses: {}, memberships: [], joinRequests: {} };

export function spaceView(doc: Y.Doc): SpaceView {
  return readSpace(doc);
}

/** A space read across the time buckets open on this device (core's readSpaceAcross). */
export function spaceViewAcross(spaceDoc: Y.Doc, buckets: readonly Y.Doc[]): SpaceView {
  return readSpaceAcross(spaceDoc, buckets);
}

/** The space's index of time buckets, newest first. */
export function bucketIndexView(spaceDoc: Y.Doc): BucketSummary[] {
  return readBucketIndex(spaceDoc);
}

export function inboxView(doc: Y.Doc): InboxView {
  return readInbox(doc);
}

/** The conversations the relay says this person is in (kept in their inbox). */
export function inboxConversationIds(doc: Y.Doc): string[] {
  return readInboxConversations(doc).map((c) => c.id);
}

export function directoryView(doc: Y.Doc): Map<PersonId, DirectoryRecord> {
  return new Map(readDirectory(doc).map((p) => [p.id, p]));
}

export function catalogueView(doc: Y.Doc): SpaceMeta[] {
  return readSpaces(doc);
}

export function outboxView(doc: Y.Doc): OutboxEntry[] {
  return readOutbox(doc);
}

export function conversationView(doc: Y.Doc): ConversationView {
  return readConversation(doc);
}


/**
 * The space as the person sees it: published items plus their own, marked pending / held.
 * Why the shortcut and the memo: overlaying rebuilds the whole view (costly for a large space), so
 * it runs only for spaces the person has entries in, and only when those entries or the statuses
 * changed.
 */
export function overlaySpace(view: SpaceView, outbox: OutboxEntry[], inbox: InboxView, me: PersonId, space: SpaceId): SpaceView {
  const own = ownEntries(outbox, space, (e) => 'space' in e && e.space === space);
  if (own.length === 0) return view;
  return overlaySpaceMemo(space, view, own, inbox.statuses, me);
}

const overlaySpaceMemo = memoLast((space: SpaceId, view: SpaceView, own: OutboxEntry[], statuses: InboxView['statuses'], me: PersonId) =>
  overlayOutbox(view, own, { me, statuses, space }),
);

export function overlayDm(view: ConversationView, outbox: OutboxEntry[], inbox: InboxView, me: PersonId, conversation: string): ConversationView {
  const own = ownEntries(outbox, `dm:${conversation}`, (e) => e.type === 'message' && e.conversation === conversation);
  if (own.length === 0 && view.id !== '') return view;
  return overlayConversation(view, own, { me, statuses: inbox.statuses, conversation });
}

/** The outbox entries for one place, as the same array while they are unchanged (for memos). */
const ownCache = new Map<string, { outbox: OutboxEntry[]; own: OutboxEntry[]; json: string }>();
function ownEntries(outbox: OutboxEntry[], key: string, pick: (e: OutboxEntry) => boolean): OutboxEntry[] {
  const hit = ownCache.get(key);
  if (hit && hit.outbox === outbox) return hit.own;
  const own = outbox.filter(pick);
  // Each outbox version reads fresh objects: compare by content, keep the old array if equal.
  const json = JSON.stringify(own);
  const result = hit && hit.json === json ? hit.own : own;
  ownCache.set(key, { outbox, own: result, json });
  return result;
}


export function nameOf(record: DirectoryRecord | undefined, fallback: string): string {
  return record ? displayName(record) : fallback;
}
