// Read-only views of the inbox, directory, catalogue and dm documents. Why views instead of raw
// maps: clients must never write these relay-owned documents, so the app gets plain snapshots it
// cannot write through, already parsed, ordered and stripped of anything malformed. None of these
// throws on an empty or partly synced document.
import type * as Y from 'yjs';
import type { DirectoryRecord } from '../identity/types.js';
import {
  CATALOGUE_SPACES,
  DIRECTORY_PEOPLE,
  DM_MESSAGES,
  INBOX_JOIN_REQUESTS,
  INBOX_MEMBERSHIPS,
  INBOX_NOTICES,
  INBOX_REACH,
  INBOX_STATUSES,
  META,
  MODERATION,
} from './doc-layout.js';
import { directoryRecordSchema } from '../identity/directory-schema.js';
import {
  entryStatusSchema,
  joinRequestSchema,
  noticeSchema,
  parseOrNull,
  publishedMessageSchema,
  reachSchema,
  readHiddenIds,
  readVisibleItems,
  spaceMetaSchema,
  withoutVersion,
} from './published-schemas.js';
import { isValidId } from './room-names.js';
import { oldestFirst } from './space-view.js';
import type { z } from 'zod';
import type { ConversationView, EntryId, EntryStatus, InboxView, JoinRequestView, Notice, Reach, SpaceMeta } from './types.js';

/** Parses every value of a map, keeping those that parse and are filed under their own key. */
function parsedValues<T>(doc: Y.Doc, name: string, schema: z.ZodType<T>, keyOf: (v: T) => string): T[] {
  const out: T[] = [];
  for (const [key, value] of doc.getMap<unknown>(name).entries()) {
    const parsed = parseOrNull(schema, value);
    if (parsed !== null && keyOf(parsed) === key) out.push(parsed);
  }
  return out;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function readInbox(doc: Y.Doc): InboxView {
  const notices = parsedValues<Notice>(doc, INBOX_NOTICES, noticeSchema, (n) => n.id).sort((a, b) => -oldestFirst(a, b));
  const statuses: Record<EntryId, EntryStatus> = {};
  for (const s of parsedValues<EntryStatus>(doc, INBOX_STATUSES, entryStatusSchema, (s) => s.entryId)) statuses[s.entryId] = s;
  const memberships = [...doc.getMap<unknown>(INBOX_MEMBERSHIPS).entries()]
    .filter(([key, value]) => value === true && isValidId(key))
    .map(([key]) => key)
    .sort();
  const joinRequests: Record<EntryId, JoinRequestView> = {};
  for (const r of parsedValues<JoinRequestView>(doc, INBOX_JOIN_REQUESTS, joinRequestSchema, (r) => r.id)) joinRequests[r.id] = r;
  const view: InboxView = { notices, statuses, memberships, joinRequests };
  const reach = parsedValues<Reach>(doc, INBOX_REACH, reachSchema, (r) => r.post);
  if (reach.length > 0) view.reach = Object.fromEntries(reach.map((r) => [r.post, r]));
  return view;
}

/** Everyone in the directory, sorted by family name, then given name, then id. */
export function readDirectory(doc: Y.Doc): DirectoryRecord[] {
  return parsedValues<DirectoryRecord>(doc, DIRECTORY_PEOPLE, directoryRecordSchema, (r) => r.id).sort(
    (a, b) => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName) || (a.id < b.id ? -1 : 1),
  );
}

/** The catalogue of spaces, sorted by name, then id. */
export function readSpaces(doc: Y.Doc): SpaceMeta[] {
  return parsedValues<SpaceMeta>(doc, CATALOGUE_SPACES, spaceMetaSchema, (m) => m.id).sort(
    (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1),
  );
}

/**
 * A conversation: meta and visible messages oldest first. An uninitialised document gives id '',
 * no participants and createdAt null.
 */
export function readConversation(doc: Y.Doc): ConversationView {
  const meta = doc.getMap<unknown>(META);
  const id = meta.get('id');
  const participants = meta.get('participants');
  const createdAt = meta.get('createdAt');
  const hidden = readHiddenIds(doc, [DM_MESSAGES], MODERATION);
  const view: ConversationView = {
    id: isValidId(id) ? id : '',
    participants: Array.isArray(participants) ? [...new Set(participants.filter(isValidId))].sort() : [],
    createdAt: typeof createdAt === 'number' ? createdAt : null,
    messages: readVisibleItems(doc, DM_MESSAGES, publishedMessageSchema).map(withoutVersion).sort(oldestFirst),
  };
  if (hidden.length > 0) view.hidden = hidden;
  return view;
}
