// Room names are the y-websocket room (URL path) of each document. Why a parser: the relay decides
// who may read and write a room from its name alone, so a name must map to exactly one RoomName and
// anything unusual (path tricks, empty ids, trailing slashes, unknown kinds) must map to null.
import type { RoomName } from './types.js';

/** Ids of people, spaces, conversations and entries: ULIDs or readable ids like `media-wing`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A time bucket's key: a calendar month, 'yyyy-mm' (years 1970–9999). */
export const BUCKET_PATTERN = /^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])$/;

export function isBucketKey(s: unknown): s is string {
  return typeof s === 'string' && BUCKET_PATTERN.test(s);
}

export function isValidId(s: unknown): s is string {
  return typeof s === 'string' && ID_PATTERN.test(s);
}

export function roomName(r: RoomName): string {
  switch (r.kind) {
    case 'outbox':
      return `outbox/${r.person}`;
    case 'inbox':
      return `inbox/${r.person}`;
    case 'space':
      return `space/${r.space}`;
    case 'bucket':
      return `space/${r.space}/${r.bucket}`;
    case 'dm':
      return `dm/${r.conversation}`;
    case 'directory':
    case 'policy':
    case 'spaces':
    case 'recognition':
      return r.kind;
  }
}

/** The RoomName for a room string, or null if it is not exactly one of Hearth's rooms. */
export function parseRoomName(s: string): RoomName | null {
  if (s === 'directory' || s === 'policy' || s === 'spaces' || s === 'recognition') return { kind: s };
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const prefix = s.slice(0, slash);
  const id = s.slice(slash + 1);
  // space/<spaceId>/<yyyy-mm>: a space's time bucket (the only room name with two parts).
  const second = id.indexOf('/');
  if (prefix === 'space' && second > 0) {
    const space = id.slice(0, second);
    const bucket = id.slice(second + 1);
    return isValidId(space) && isBucketKey(bucket) ? { kind: 'bucket', space, bucket } : null;
  }
  if (!isValidId(id)) return null;
  switch (prefix) {
    case 'outbox':
      return { kind: 'outbox', person: id };
    case 'inbox':
      return { kind: 'inbox', person: id };
    case 'space':
      return { kind: 'space', space: id };
    case 'dm':
      return { kind: 'dm', conversation: id };
    default:
      return null;
  }
}
