// Client writes of the recognition and knowledge kinds (engagement-types.ts), into the person's own
// outbox like every other entry. Withdrawing kudos, a bookmark or a best-of pick is retractEntry.
import type * as Y from 'yjs';
import { createEntry, type WriteOptions } from './outbox-writes.js';
import type { EntryId, PersonId, SpaceId } from './types.js';

export function writeKudos(outbox: Y.Doc, p: { to: PersonId; message: string; space?: SpaceId | null }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'kudos', { to: p.to, message: p.message, space: p.space ?? null }, {}, opts);
}

export function writeKudosConsent(outbox: Y.Doc, p: { inSpaces: boolean }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'kudos-consent', { inSpaces: p.inSpaces }, {}, opts);
}

export function writeLeaderboard(outbox: Y.Doc, p: { space: SpaceId; enabled: boolean }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'leaderboard', { space: p.space, enabled: p.enabled }, {}, opts);
}

export function writeBookmark(outbox: Y.Doc, p: { space: SpaceId; post: EntryId }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'bookmark', { space: p.space, post: p.post }, {}, opts);
}

export function writeBestOf(outbox: Y.Doc, p: { space: SpaceId; post: EntryId }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'best-of', { space: p.space, post: p.post }, {}, opts);
}
