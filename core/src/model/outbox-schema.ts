// Reading an outbox document into plain entries. Why a schema: the outbox is written by a person's
// devices, and the relay reads every outbox, so a hostile or buggy client can put anything there.
// Reading never throws: an entry whose fields are malformed is reported as data and left out of
// readOutbox. Unknown fields (an `authorId`, say) are dropped here, so they can never reach a
// published document. Content limits (LIMITS) are NOT part of the schema: an over-long body is a
// well-formed entry that validation rejects with a finding the author can act on (checkEntryLimits).
import * as Y from 'yjs';
import { z } from 'zod';
import { attachmentListSchema } from './attachments.js';
import { OUTBOX_ENTRIES } from './doc-layout.js';
import { ID_PATTERN } from './room-names.js';
import { engagementEntrySchemas } from './engagement-schemas.js';
import { JOIN_DECISIONS, POST_KINDS, REACTIONS } from './types.js';
import type { EntryId, OutboxEntry } from './types.js';

const id = z.string().regex(ID_PATTERN);
const timestamp = z.number().int().nonnegative();
const base = {
  createdAt: timestamp,
  editedAt: timestamp.nullable().default(null),
  retracted: z.boolean().default(false),
};

// Optional, never defaulted: an entry without files must keep the content identity it had before
// attachments existed (canonicalEntry), or every stored entry would be published again.
const files = attachmentListSchema.optional();

const entrySchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('post'), space: id, kind: z.enum(POST_KINDS), title: z.string(), body: z.string(), mustRead: z.boolean().optional(), attachments: files }),
  z.object({ ...base, type: z.literal('comment'), space: id, post: id, replyTo: id.nullable().default(null), body: z.string(), attachments: files }),
  z.object({ ...base, type: z.literal('reaction'), space: id, target: id, emoji: z.enum(REACTIONS) }),
  z.object({ ...base, type: z.literal('report'), space: id.nullable(), target: id, reason: z.string() }),
  z.object({ ...base, type: z.literal('ack'), policyVersion: z.number().int().nonnegative() }),
  z.object({ ...base, type: z.literal('message'), conversation: id, to: z.array(id).nullable().default(null), body: z.string(), attachments: files }),
  z.object({ ...base, type: z.literal('join'), space: id }),
  z.object({ ...base, type: z.literal('leave'), space: id }),
  z.object({ ...base, type: z.literal('join-decision'), space: id, request: id, decision: z.enum(JOIN_DECISIONS) }),
  z.object({ ...base, type: z.literal('accept-answer'), space: id, post: id, comment: id.nullable() }),
  z.object({ ...base, type: z.literal('read-ack'), space: id, post: id }),
  ...engagementEntrySchemas(base, id),
  z.object({ ...base, type: z.literal('module-done'), space: id, post: id }),
]);

export type OutboxEntryResult =
  | { ok: true; entry: OutboxEntry }
  | { ok: false; id: string; error: 'not-found' | 'bad-id' | 'not-a-map' | 'malformed'; issues: string[] };

/** The outbox's root map (entryId → Y.Map of fields). Creates nothing a reader would not see. */
export function outboxEntries(outbox: Y.Doc): Y.Map<unknown> {
  return outbox.getMap<unknown>(OUTBOX_ENTRIES);
}

/** Parses one entry's Y.Map into a plain entry, or says why it cannot. */
export function parseEntryMap(key: string, value: unknown): OutboxEntryResult {
  if (!ID_PATTERN.test(key)) return { ok: false, id: key, error: 'bad-id', issues: ['entry id does not match the id pattern'] };
  if (!(value instanceof Y.Map)) return { ok: false, id: key, error: 'not-a-map', issues: ['entry is not a Y.Map'] };
  const raw: Record<string, unknown> = {};
  for (const [field, v] of (value as Y.Map<unknown>).entries()) {
    // title and body are Y.Text when written by the core; plain strings are tolerated.
    if (v instanceof Y.Text) raw[field] = v.toString();
    else if (v instanceof Y.AbstractType) raw[field] = undefined;
    else raw[field] = v;
  }
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(entry)'}: ${i.message}`);
    return { ok: false, id: key, error: 'malformed', issues };
  }
  return { ok: true, entry: { ...parsed.data, id: key } as OutboxEntry };
}

/** One entry with the reason it cannot be read, if so. */
export function readOutboxEntryResult(outbox: Y.Doc, entryId: EntryId): OutboxEntryResult {
  const entries = outboxEntries(outbox);
  if (!entries.has(entryId)) return { ok: false, id: entryId, error: 'not-found', issues: [] };
  return parseEntryMap(entryId, entries.get(entryId));
}

/** One entry as a plain snapshot, or null when it is absent or malformed. */
export function readOutboxEntry(outbox: Y.Doc, entryId: EntryId): OutboxEntry | null {
  const r = readOutboxEntryResult(outbox, entryId);
  return r.ok ? r.entry : null;
}

export interface OutboxScan {
  /** Well-formed entries, ordered by id (ULIDs sort by creation time). */
  entries: OutboxEntry[];
  /** Entries that could not be read, with the reasons (the relay rejects these). */
  malformed: Extract<OutboxEntryResult, { ok: false }>[];
}

/**
 * Each outbox's entries as last parsed, by entry id, forgotten for an entry when anything in it
 * changes (an observer of the outbox, installed with the first scan). Why: the relay scans the whole
 * outbox on every change to it, and a person of some years has thousands of entries — parsing them
 * all again cost milliseconds per new post, for entries that had not changed.
 */
const parsedByOutbox = new WeakMap<Y.Doc, Map<string, OutboxEntryResult>>();

function parsedEntries(outbox: Y.Doc): Map<string, OutboxEntryResult> {
  let parsed = parsedByOutbox.get(outbox);
  if (parsed === undefined) {
    const cache = new Map<string, OutboxEntryResult>();
    const root = outboxEntries(outbox);
    root.observeDeep((events) => {
      for (const event of events) {
        if (event.target === root) for (const key of event.changes.keys.keys()) cache.delete(key);
        else cache.delete(String(event.path[0]));
      }
    });
    parsedByOutbox.set(outbox, (parsed = cache));
  }
  return parsed;
}

/**
 * Every entry of the outbox, split into readable and malformed. Never throws. The entries are shared
 * between scans (frozen): copy one to change it.
 */
export function scanOutbox(outbox: Y.Doc): OutboxScan {
  const scan: OutboxScan = { entries: [], malformed: [] };
  const root = outboxEntries(outbox);
  // In the middle of a transaction the observer has not yet heard of its changes: parse afresh.
  const cache = outbox._transaction === null ? parsedEntries(outbox) : null;
  for (const key of [...root.keys()].sort()) {
    let r = cache?.get(key);
    if (r === undefined) {
      r = parseEntryMap(key, root.get(key));
      if (r.ok) Object.freeze(r.entry);
      cache?.set(key, r);
    }
    if (r.ok) scan.entries.push(r.entry);
    else scan.malformed.push(r);
  }
  return scan;
}

/** The well-formed entries of the outbox, ordered by id; malformed ones are skipped. */
export function readOutbox(outbox: Y.Doc): OutboxEntry[] {
  return scanOutbox(outbox).entries;
}
