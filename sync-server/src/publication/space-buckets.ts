// The relay's side of time buckets (core's buckets.ts): where an entry goes, decided from the relay's
// own publication records (an edit stays where its first version went, a comment or reaction joins
// its parent), the write into the bucket, then the line of the space's bucket index. Why records and
// not the documents: a record cannot be forged by a client, and finding an item by scanning every
// bucket of a space would cost the whole history of the space.
import type * as Y from 'yjs';
import {
  bucketKeyOf,
  bucketRoomName,
  noteBucketItem,
  parentItemOf,
  parseRoomName,
  publicationRoom,
  publishInto,
  roomName,
  SPACE_COMMENTS,
  SPACE_POSTS,
  type OutboxEntry,
  type PublishResult,
  type RoomName,
} from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';
import type { BucketNotes } from './bucket-notes.js';
import type { EntryRecord } from './publication-store.js';

export type RecordOf = (entryId: string) => Promise<EntryRecord | null>;

/** The room an entry is published into (null: never published), placed by the relay's records. */
export async function placeEntry(entry: OutboxEntry, at: number, recordOf: RecordOf, own?: EntryRecord | null): Promise<RoomName | null> {
  const parent = parentItemOf(entry);
  const ownRecord = own === undefined ? await recordOf(entry.id) : own;
  const parentRecord = parent === null ? null : await recordOf(parent);
  return publicationRoom(entry, { at, own: ownRecord?.targetRoom ?? null, parent: parentRecord?.targetRoom ?? null });
}

/**
 * Publishes into `room` (a bucket, a legacy space document or a conversation) and keeps the bucket
 * index: through `notes` when given (the publisher: bucket-notes.ts), else at once.
 */
export async function publishIntoRoom(
  host: DocHost,
  room: RoomName,
  p: { author: string; entry: OutboxEntry; version: number; publishedAt?: number },
  notes?: BucketNotes,
): Promise<PublishResult> {
  let outcome: ReturnType<typeof publishInto> = { result: { ok: false, error: 'not-publishable' }, note: null };
  await host.write(roomName(room), (doc) => {
    outcome = publishInto(doc, room, p);
  });
  const { note, result } = outcome;
  if (note === null) return result;
  if (notes !== undefined) await notes.note(note);
  else await host.write(roomName({ kind: 'space', space: note.space }), (doc) => noteBucketItem(doc, note.bucket, note));
  return result;
}

/**
 * The document an already published item lives in, by the relay's record of it, if that is a room
 * of `space` (a bucket or the space document itself); null when the item was never published there.
 */
export async function roomOfItem(space: string, itemId: string, recordOf: RecordOf): Promise<string | null> {
  const record = await recordOf(itemId);
  const room = record?.targetRoom == null ? null : parseRoomName(record.targetRoom);
  if ((room?.kind === 'bucket' || room?.kind === 'space') && room.space === space) return record!.targetRoom;
  return null;
}

/**
 * The document of `space` that holds the post or comment `itemId`: the room its record names. Without
 * a record yet — its publication may be under way in another person's pass, whose records are saved
 * after the document is written (publisher.ts) — this month's bucket if it holds the item: a person
 * may act on an item the moment it reaches their screen. Else the space document (data not yet migrated).
 */
export async function docOfItem(host: DocHost, space: string, itemId: string, recordOf: RecordOf, now: number): Promise<Y.Doc> {
  const spaceRoom = roomName({ kind: 'space', space });
  const room = await roomOfItem(space, itemId, recordOf);
  if (room !== null) return room !== spaceRoom && (await host.exists(room)) ? host.open(room) : host.open(spaceRoom);
  const recent = bucketRoomName(space, bucketKeyOf(now));
  if (await host.exists(recent)) {
    const bucket = await host.open(recent);
    if (bucket.getMap(SPACE_POSTS).has(itemId) || bucket.getMap(SPACE_COMMENTS).has(itemId)) return bucket;
  }
  return host.open(spaceRoom);
}

/** Whether two rooms belong to the same space (space document or any of its buckets) or are the same room. */
export function sameHome(a: string, b: string): boolean {
  const ra = parseRoomName(a);
  const rb = parseRoomName(b);
  if (ra === null || rb === null) return false;
  const home = (r: RoomName) => ('space' in r ? `space:${r.space}` : roomName(r));
  return home(ra) === home(rb);
}

/** The space a room belongs to (a space document or one of its buckets), else null. */
export function spaceOfRoom(room: string): string | null {
  const r = parseRoomName(room);
  return r !== null && 'space' in r ? r.space : null;
}
