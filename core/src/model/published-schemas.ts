// Schemas of the plain values the relay writes into space, dm, inbox, directory and catalogue
// documents. Why parse what the trusted relay wrote: a client may hold a document written by an
// older or newer relay, or a partially synced one; the read-only views skip any value that does not
// match instead of throwing, so one bad value never blanks a whole feed.
import type * as Y from 'yjs';
import { z } from 'zod';
import { attachmentListSchema } from './attachments.js';
import { ID_PATTERN } from './room-names.js';
import { JOIN_REQUEST_STATES, NOTICE_KINDS, POST_KINDS, REACTIONS, SPACE_KINDS, SPACE_VISIBILITIES } from './types.js';
import type {
  AcceptedAnswer,
  EntryStatus,
  Reach,
  JoinRequestView,
  Notice,
  PublishedComment,
  PublishedMessage,
  PublishedPost,
  PublishedReaction,
  SpaceMeta,
} from './types.js';

const id = z.string().regex(ID_PATTERN);
const timestamp = z.number().int().nonnegative();
const itemBase = {
  id,
  authorId: id,
  state: z.enum(['published', 'hidden', 'retracted']),
  version: z.number().int().nonnegative(),
  publishedAt: timestamp.optional(),
};
const created = { createdAt: timestamp, editedAt: timestamp.nullable() };

export const publishedPostSchema: z.ZodType<PublishedPost> = z.object({
  ...itemBase,
  ...created,
  space: id,
  kind: z.enum(POST_KINDS),
  title: z.string(),
  body: z.string(),
  mustRead: z.boolean().optional(),
  attachments: attachmentListSchema.optional(),
});

export const acceptedAnswerSchema: z.ZodType<AcceptedAnswer> = z.object({ post: id, comment: id, by: id, entry: id, at: timestamp });

export const reachSchema: z.ZodType<Reach> = z.object({
  post: id,
  space: id,
  title: z.string(),
  acknowledged: z.number().int().nonnegative(),
  audience: z.number().int().nonnegative(),
  updatedAt: timestamp,
});

export const publishedCommentSchema: z.ZodType<PublishedComment> = z.object({
  ...itemBase,
  ...created,
  post: id,
  replyTo: id.nullable(),
  body: z.string(),
  attachments: attachmentListSchema.optional(),
});

export const publishedReactionSchema: z.ZodType<PublishedReaction> = z.object({
  ...itemBase,
  target: id,
  emoji: z.enum(REACTIONS),
});

export const publishedMessageSchema: z.ZodType<PublishedMessage> = z.object({
  ...itemBase,
  ...created,
  body: z.string(),
  attachments: attachmentListSchema.optional(),
});

export const spaceMetaSchema: z.ZodType<SpaceMeta> = z.object({
  id,
  name: z.string(),
  description: z.string(),
  kind: z.enum(SPACE_KINDS),
  visibility: z.enum(SPACE_VISIBILITIES),
  facilitators: z.array(id),
  retentionDays: z.number().int().positive().nullable(),
  createdAt: timestamp,
});

const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['allow', 'warn', 'flag', 'hold', 'reject']),
  message: z.string(),
  guidance: z.string(),
  field: z.enum(['title', 'body', 'reason', 'entry']).optional(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});

export const entryStatusSchema: z.ZodType<EntryStatus> = z.object({
  entryId: id,
  state: z.enum(['published', 'held', 'rejected', 'waiting-acknowledgement']),
  version: z.number().int().nonnegative(),
  findings: z.array(findingSchema),
  updatedAt: timestamp,
});

export const noticeSchema: z.ZodType<Notice> = z.object({
  id: z.string().min(1),
  kind: z.enum(NOTICE_KINDS),
  createdAt: timestamp,
  message: z.string(),
  entryId: id.nullable(),
  space: id.nullable(),
  about: id.nullable(),
  findings: z.array(findingSchema),
  post: id.optional(),
  conversation: id.optional(),
  people: z.array(id).max(1000).optional(),
});

export const joinRequestSchema: z.ZodType<JoinRequestView> = z.object({
  id,
  space: id,
  person: id,
  state: z.enum(JOIN_REQUEST_STATES),
  requestedAt: timestamp,
  decidedBy: id.nullable(),
  decidedAt: timestamp.nullable(),
});

/** The value as T when it matches the schema, else null. Never throws. */
export function parseOrNull<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}

/**
 * The items of one item map (posts, comments, reactions, messages) that parse, are filed under
 * their own id, and are in state 'published'. Hidden and retracted items are left out.
 */
export function readVisibleItems<T extends { id: string; state: string }>(doc: Y.Doc, name: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  for (const [key, value] of doc.getMap<unknown>(name).entries()) {
    const item = parseOrNull(schema, value);
    if (item !== null && item.id === key && item.state === 'published') out.push(item);
  }
  return out;
}

/** An item as shown in a view: everything but the relay's version counter. */
export function withoutVersion<T extends { version: number }>(item: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = item;
  return rest;
}

/**
 * Ids a moderator hid in a space or dm document: the `moderation` marks plus any item in state
 * 'hidden', sorted. Views report them so the overlay can keep the author's own copy out of sight.
 */
export function readHiddenIds(doc: Y.Doc, itemMaps: readonly string[], moderation: string): string[] {
  const ids = new Set(doc.getMap<unknown>(moderation).keys());
  for (const name of itemMaps) {
    for (const [key, value] of doc.getMap<unknown>(name).entries()) {
      if (typeof value === 'object' && value !== null && (value as { state?: unknown }).state === 'hidden') ids.add(key);
    }
  }
  return [...ids].sort();
}
