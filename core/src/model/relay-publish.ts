// Publication: the relay copying a validated outbox entry into a space or dm document as its own
// write. Why these rules: the author is structural (always the outbox owner passed in, never a
// field of the entry), and publication must be idempotent per entry version so that replays,
// reconnects and restarts never duplicate or roll back: the highest version wins, an equal version
// is a no-op, a lower one is stale. Moderation is kept apart from content (the `moderation` map) so
// a hidden item stays hidden when its author publishes a newer version.
import type * as Y from 'yjs';
import { DM_MESSAGES, ITEM_MAPS, META, MODERATION, SPACE_COMMENTS, SPACE_POSTS, SPACE_REACTIONS } from './doc-layout.js';
import type { EntryType, ItemState, OutboxEntry, PersonId, RoomName, Timestamp } from './types.js';

export type PublishResult =
  | { ok: true; outcome: 'applied' | 'unchanged' | 'stale' }
  /**
   * not-publishable: reports, acknowledgements and join requests are never published.
   * wrong-document: the entry names another space or conversation than the document's meta.
   * id-taken: another author's item (or another kind of item) already has this id.
   */
  | { ok: false; error: 'not-publishable' | 'wrong-document' | 'id-taken' };

/** The map of a space or dm document each publishable entry type lives in. */
const ITEM_MAP_OF: Partial<Record<EntryType, (typeof ITEM_MAPS)[number]>> = {
  post: SPACE_POSTS,
  comment: SPACE_COMMENTS,
  reaction: SPACE_REACTIONS,
  message: DM_MESSAGES,
};

/** What the `moderation` map holds for a hidden item. */
export interface ModerationMark {
  hidden: true;
  at: Timestamp | null;
}

/**
 * The room an entry is published into: its space for posts, comments and reactions, its
 * conversation for messages; null for reports, acknowledgements and join requests, which the relay
 * acts on but never publishes.
 */
export function publicationRoom(entry: OutboxEntry): RoomName | null {
  switch (entry.type) {
    case 'post':
    case 'comment':
    case 'reaction':
      return { kind: 'space', space: entry.space };
    case 'message':
      return { kind: 'dm', conversation: entry.conversation };
    default:
      return null;
  }
}

export function publishEntry(
  target: Y.Doc,
  p: { author: PersonId; entry: OutboxEntry; version: number; publishedAt?: number },
): PublishResult {
  const { entry } = p;
  const mapName = ITEM_MAP_OF[entry.type];
  if (mapName === undefined) return { ok: false, error: 'not-publishable' };
  const docId = target.getMap<unknown>(META).get('id');
  const entryHome = entry.type === 'message' ? entry.conversation : 'space' in entry ? entry.space : null;
  if (typeof docId === 'string' && docId !== entryHome) return { ok: false, error: 'wrong-document' };
  for (const other of ITEM_MAPS) {
    const held = target.getMap<unknown>(other).get(entry.id);
    if (held === undefined) continue;
    if (other !== mapName || authorOf(held) !== p.author) return { ok: false, error: 'id-taken' };
  }
  const items = target.getMap<unknown>(mapName);
  const existing = items.get(entry.id);
  const current = versionOf(existing);
  if (current !== null && current === p.version) return { ok: true, outcome: 'unchanged' };
  if (current !== null && current > p.version) return { ok: true, outcome: 'stale' };
  if (entry.type === 'reaction' && entry.retracted) {
    // A withdrawn reaction is collected, not kept as a 'retracted' record: reacting and withdrawing
    // in a loop would otherwise grow a public document by a whole record per round, for ever.
    // What stays is Yjs's own trace of the deleted value (see docs/protocol.md).
    if (existing === undefined) return { ok: true, outcome: 'unchanged' };
    target.transact(() => items.delete(entry.id));
    return { ok: true, outcome: 'applied' };
  }
  const state: ItemState = entry.retracted ? 'retracted' : target.getMap(MODERATION).has(entry.id) ? 'hidden' : 'published';
  const item = publishedItem(entry, p.author, p.version, state, relayDates(entry, existing, p.publishedAt));
  target.transact(() => items.set(entry.id, item));
  return { ok: true, outcome: 'applied' };
}

interface Dates {
  createdAt: Timestamp;
  editedAt: Timestamp | null;
  publishedAt: Timestamp | undefined;
}

/**
 * The dates a published item carries. Why not the entry's own: the client chose them, and the
 * feed is ordered by createdAt, so a post dated 2286 would stay on top for ever. With the relay's
 * time (`publishedAt`) a date is never later than when the relay published it, and createdAt is
 * fixed at the first publication: an edit cannot move an item. A date in the past is the author's
 * own (work written offline is published later and keeps when it was written).
 */
function relayDates(entry: OutboxEntry, existing: unknown, publishedAt: number | undefined): Dates {
  const clamp = (t: number) => (publishedAt === undefined ? t : Math.min(t, publishedAt));
  const first = isRecord(existing) && typeof existing.createdAt === 'number' ? existing.createdAt : null;
  return {
    createdAt: first ?? clamp(entry.createdAt),
    editedAt: entry.editedAt === null ? null : clamp(entry.editedAt),
    publishedAt,
  };
}

/**
 * The plain value written for an entry. Built field by field from the typed entry, never spread,
 * so nothing the client smuggled in can reach the published document. A retracted item keeps only
 * its place (ids, version): its text is blanked.
 */
function publishedItem(
  entry: OutboxEntry,
  authorId: PersonId,
  version: number,
  state: ItemState,
  dates: Dates,
): Record<string, unknown> {
  const blank = state === 'retracted';
  const { publishedAt } = dates;
  const common = { id: entry.id, authorId, state, version, ...(publishedAt === undefined ? {} : { publishedAt }) };
  const dated = { createdAt: dates.createdAt, editedAt: dates.editedAt };
  switch (entry.type) {
    case 'post':
      return { ...common, ...dated, space: entry.space, kind: entry.kind, title: blank ? '' : entry.title, body: blank ? '' : entry.body };
    case 'comment':
      return { ...common, ...dated, post: entry.post, replyTo: entry.replyTo, body: blank ? '' : entry.body };
    case 'reaction':
      return { ...common, target: entry.target, emoji: entry.emoji };
    case 'message':
      return { ...common, ...dated, body: blank ? '' : entry.body };
    default:
      return common; // unreachable: filtered by ITEM_MAP_OF
  }
}

export type ModerationResult = { ok: true; found: boolean };

/**
 * A moderator hides an item: it leaves every feed but stays in the document (state 'hidden') for
 * the record, and stays hidden through newer versions until restored. Hiding an id not published
 * yet records the mark anyway, so the item arrives hidden. `found` says whether an item existed.
 */
export function hideItem(doc: Y.Doc, id: string, opts?: { now?: number }): ModerationResult {
  const mark: ModerationMark = { hidden: true, at: opts?.now ?? null };
  return setItemState(doc, id, (moderation) => moderation.set(id, mark), 'published', 'hidden');
}

/** Undoes hideItem. A retracted item stays retracted. */
export function restoreItem(doc: Y.Doc, id: string): ModerationResult {
  return setItemState(doc, id, (moderation) => moderation.delete(id), 'hidden', 'published');
}

function setItemState(
  doc: Y.Doc,
  id: string,
  mark: (moderation: Y.Map<unknown>) => void,
  from: ItemState,
  to: ItemState,
): ModerationResult {
  let found = false;
  doc.transact(() => {
    mark(doc.getMap<unknown>(MODERATION));
    for (const name of ITEM_MAPS) {
      const items = doc.getMap<unknown>(name);
      const item = items.get(id);
      if (!isRecord(item)) continue;
      found = true;
      if (item.state === from) items.set(id, { ...item, state: to });
    }
  });
  return { ok: true, found };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function versionOf(v: unknown): number | null {
  return isRecord(v) && typeof v.version === 'number' ? v.version : null;
}

function authorOf(v: unknown): unknown {
  return isRecord(v) ? v.authorId : undefined;
}
