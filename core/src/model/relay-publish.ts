// Publication: the relay copying a validated outbox entry into a space or dm document as its own
// write. Why these rules: the author is structural (always the outbox owner passed in, never a
// field of the entry), and publication must be idempotent per entry version so that replays,
// reconnects and restarts never duplicate or roll back: the highest version wins, an equal version
// is a no-op, a lower one is stale. Moderation is kept apart from content (the `moderation` map) so
// a hidden item stays hidden when its author publishes a newer version.
import type * as Y from 'yjs';
import { DM_MESSAGES, ITEM_MAPS, META, MODERATION, SPACE_COMMENTS, SPACE_POSTS, SPACE_REACTIONS } from './doc-layout.js';
import { bucketKeyOf, bucketPostCount, initBucket } from './buckets.js';
import { parseRoomName } from './room-names.js';
import type { AttachmentRef, EntryId, EntryType, ItemState, OutboxEntry, PersonId, RoomName, Timestamp } from './types.js';
import { publishKudos } from './recognition-doc.js';
import { publishBestOf } from './knowledge.js';

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

/** Where an entry's earlier versions and its parent item were published (the relay's own records). */
export interface Placement {
  /** The relay's time now (a new top-level item goes into the bucket of this month). */
  at: Timestamp;
  /** The room an earlier version of this entry was published into: an edit never moves an item. */
  own?: string | null;
  /** The room the parent item (parentItemOf) was published into: a comment or reaction joins it. */
  parent?: string | null;
}

/**
 * The item an entry hangs on, whose bucket it must share: a comment's post, a reaction's target.
 * Null for top-level items. A new kind that hangs on another item adds itself here, and
 * publicationRoom then puts it beside its parent.
 */
export function parentItemOf(entry: OutboxEntry): EntryId | null {
  switch (entry.type) {
    case 'comment':
      return entry.post;
    case 'reaction':
      return entry.target;
    default:
      return null;
  }
}

/**
 * The room an entry is published into: for a space item, a time bucket of its space
 * (`space/<id>/<yyyy-mm>`, see buckets.ts) — where an earlier version went, else its parent's bucket,
 * else the bucket of the month of publication; for a message, its conversation; null for reports,
 * acknowledgements and join requests, which the relay acts on but never publishes. Rooms from the
 * placement are used only if they belong to the entry's own space (a legacy `space/<id>` room
 * included, for data not yet migrated), so a forged record can never move an item elsewhere.
 */
export function publicationRoom(entry: OutboxEntry, placement: Placement): RoomName | null {
  if (entry.type === 'message') return { kind: 'dm', conversation: entry.conversation };
  // Kudos belong to a person (the recognition room); a space's best-of collection is small and
  // lives in the space document itself, beside its meta, whatever the month.
  if (entry.type === 'kudos') return { kind: 'recognition' };
  if (entry.type === 'best-of') return { kind: 'space', space: entry.space };
  if (ITEM_MAP_OF[entry.type] === undefined || !('space' in entry) || typeof entry.space !== 'string') return null;
  const space = entry.space;
  for (const candidate of [placement.own, placement.parent]) {
    const room = candidate == null ? null : parseRoomName(candidate);
    if ((room?.kind === 'bucket' || room?.kind === 'space') && room.space === space) return room;
  }
  return { kind: 'bucket', space, bucket: bucketKeyOf(placement.at) };
}

export function publishEntry(
  target: Y.Doc,
  p: { author: PersonId; entry: OutboxEntry; version: number; publishedAt?: number },
): PublishResult {
  const { entry } = p;
  // Recognition and knowledge kinds have their own maps and rules (recognition-doc.ts, knowledge.ts).
  if (entry.type === 'kudos') return publishKudos(target, { ...p, entry });
  if (entry.type === 'best-of') return publishBestOf(target, { ...p, entry });
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
  // Files are copied field by field too, and left out when there are none (older items had no field).
  const files = (list: readonly AttachmentRef[] | undefined) =>
    blank || list === undefined || list.length === 0 ? {} : { attachments: list.map((a) => ({ hash: a.hash, name: a.name, mimeType: a.mimeType, bytes: a.bytes })) };
  switch (entry.type) {
    case 'post':
      return {
        ...common,
        ...dated,
        space: entry.space,
        kind: entry.kind,
        title: blank ? '' : entry.title,
        body: blank ? '' : entry.body,
        // Only announcements can be must-read (validateEntry); written only when set.
        ...(entry.mustRead === true && entry.kind === 'announcement' ? { mustRead: true } : {}),
        ...files(entry.attachments),
      };
    case 'comment':
      return { ...common, ...dated, post: entry.post, replyTo: entry.replyTo, body: blank ? '' : entry.body, ...files(entry.attachments) };
    case 'reaction':
      return { ...common, target: entry.target, emoji: entry.emoji };
    case 'message':
      return { ...common, ...dated, body: blank ? '' : entry.body, ...files(entry.attachments) };
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

/** What a publication into a bucket tells the space's index (noteBucketItem), null when nothing. */
export interface BucketNote {
  space: string;
  bucket: string;
  posts: number;
  createdAt: Timestamp;
}

/**
 * publishEntry into the room publicationRoom chose: a bucket gets its meta first (initBucket), and
 * a new or edited top-level item yields the note for the space's bucket index, which the relay then
 * writes into `space/<id>` (noteBucketItem). Why one function: whoever publishes (the publisher,
 * the demo loader, a new kind's code) keeps bucket and index in step without knowing the layout.
 */
export function publishInto(
  doc: Y.Doc,
  room: RoomName,
  p: { author: PersonId; entry: OutboxEntry; version: number; publishedAt?: number },
): { result: PublishResult; note: BucketNote | null } {
  if (room.kind === 'bucket') initBucket(doc, room.space, room.bucket);
  const result = publishEntry(doc, p);
  if (room.kind !== 'bucket' || !result.ok || parentItemOf(p.entry) !== null) return { result, note: null };
  const map = ITEM_MAP_OF[p.entry.type];
  const item = map === undefined ? undefined : doc.getMap<unknown>(map).get(p.entry.id);
  const createdAt = isRecord(item) && typeof item.createdAt === 'number' ? item.createdAt : null;
  if (createdAt === null) return { result, note: null };
  return { result, note: { space: room.space, bucket: room.bucket, posts: bucketPostCount(doc), createdAt } };
}
