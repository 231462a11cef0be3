// The only writes a client makes: entries in its own person's outbox. Why this shape: the outbox is
// the one document written by several parties (the person's devices), so every entry is a Y.Map
// under a client-made ULID (no server needed offline, no id clash between devices) and the texts a
// person edits (title, body) are Y.Text, edited by minimal splices so two devices' offline edits
// interleave instead of duplicating. No entry ever carries an author: the outbox owner is the
// author. Content limits are not enforced here (see entry-limits.ts): validation reports them.
import * as Y from 'yjs';
import { monotonicFactory } from 'ulid';
import { outboxEntries, parseEntryMap } from './outbox-schema.js';
import { applyTextChange } from './text-diff.js';
import type {
  AttachmentRef,
  ConversationId,
  EntryId,
  EntryType,
  JoinDecision,
  PersonId,
  PostKind,
  Reaction,
  SpaceId,
} from './types.js';

// Entry ids are ULIDs: they sort by time, and the relay judges one outbox in id order. Two entries
// written in the same millisecond (accept one answer, then another) must keep the order they were
// written in, so ids from this device are monotonic; an explicit earlier time (entries dated in the
// past, e.g. imports and tests) still gets an id of that time.
let monotonic = monotonicFactory();
let lastIdTime = -Infinity;
function nextEntryId(now: number): string {
  // A factory only counts up from the latest time it saw: going back in time starts a new one.
  if (now < lastIdTime) monotonic = monotonicFactory();
  lastIdTime = now;
  return monotonic(now);
}

/** For deterministic tests and imports: the clock reading and the entry id to use. */
export interface WriteOptions {
  now?: number;
  id?: string;
}

/** Thrown only for calls the types already forbid (a programming error, never user input). */
export class OutboxWriteError extends Error {
  override name = 'OutboxWriteError';
}

type Fields = Record<string, string | number | boolean | null | string[] | AttachmentRef[]>;

/** The attachments field: set only when there are files (see outbox-schema.ts), as plain values. */
function files(list: readonly AttachmentRef[] | undefined): Fields {
  if (list === undefined || list.length === 0) return {};
  return { attachments: list.map((a) => ({ hash: a.hash, name: a.name, mimeType: a.mimeType, bytes: a.bytes })) };
}

/** Creates an entry of any type (for the write modules of other kinds, e.g. engagement-writes.ts). */
export function createEntry(outbox: Y.Doc, type: EntryType, fields: Fields, texts: Record<string, string>, opts?: WriteOptions): EntryId {
  const now = opts?.now ?? Date.now();
  const id = opts?.id ?? nextEntryId(now);
  outbox.transact(() => {
    const entry = new Y.Map<unknown>();
    outboxEntries(outbox).set(id, entry);
    entry.set('type', type);
    entry.set('createdAt', now);
    entry.set('editedAt', null);
    entry.set('retracted', false);
    for (const [k, v] of Object.entries(fields)) entry.set(k, v);
    for (const [k, v] of Object.entries(texts)) entry.set(k, new Y.Text(v));
  });
  return id;
}

export function writePost(
  outbox: Y.Doc,
  p: { space: SpaceId; kind?: PostKind; title?: string; body: string; mustRead?: boolean; attachments?: readonly AttachmentRef[] },
  opts?: WriteOptions,
): EntryId {
  // mustRead is written only when set: see PostEntry.
  const fields: Fields = { space: p.space, kind: p.kind ?? 'discussion', ...(p.mustRead === true ? { mustRead: true } : {}), ...files(p.attachments) };
  return createEntry(outbox, 'post', fields, { title: p.title ?? '', body: p.body }, opts);
}

/** Accept `comment` as the answer to the question `post` (null: take the acceptance back). */
export function writeAcceptAnswer(outbox: Y.Doc, p: { space: SpaceId; post: EntryId; comment: EntryId | null }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'accept-answer', { space: p.space, post: p.post, comment: p.comment }, {}, opts);
}

/** Marks the course module `post` done (retractEntry on the returned id takes the mark back). */
export function writeModuleDone(outbox: Y.Doc, p: { space: SpaceId; post: EntryId }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'module-done', { space: p.space, post: p.post }, {}, opts);
}

/** "I have read it": acknowledges the must-read announcement `post`. */
export function writeReadAck(outbox: Y.Doc, p: { space: SpaceId; post: EntryId }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'read-ack', { space: p.space, post: p.post }, {}, opts);
}

export function writeComment(
  outbox: Y.Doc,
  p: { space: SpaceId; post: EntryId; body: string; replyTo?: EntryId | null; attachments?: readonly AttachmentRef[] },
  opts?: WriteOptions,
): EntryId {
  return createEntry(outbox, 'comment', { space: p.space, post: p.post, replyTo: p.replyTo ?? null, ...files(p.attachments) }, { body: p.body }, opts);
}

/** One reaction entry per click; taking it back is retractEntry on the returned id. */
export function writeReaction(outbox: Y.Doc, p: { space: SpaceId; target: EntryId; emoji: Reaction }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'reaction', { space: p.space, target: p.target, emoji: p.emoji }, {}, opts);
}

/** A report on a post, comment or (space null) a direct message. The reason is plain text. */
export function writeReport(outbox: Y.Doc, p: { space: SpaceId | null; target: EntryId; reason: string }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'report', { space: p.space, target: p.target, reason: p.reason }, {}, opts);
}

export function writeAcknowledgement(outbox: Y.Doc, p: { policyVersion: number }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'ack', { policyVersion: p.policyVersion }, {}, opts);
}

/** Join a public space, or ask to join a private one (retractEntry withdraws a waiting request). */
export function writeJoinRequest(outbox: Y.Doc, p: { space: SpaceId }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'join', { space: p.space }, {}, opts);
}

export function writeLeave(outbox: Y.Doc, p: { space: SpaceId }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'leave', { space: p.space }, {}, opts);
}

/** A facilitator's answer to the join request `request` (its entry id) in `space`. */
export function writeJoinDecision(outbox: Y.Doc, p: { space: SpaceId; request: EntryId; decision: JoinDecision }, opts?: WriteOptions): EntryId {
  return createEntry(outbox, 'join-decision', { space: p.space, request: p.request, decision: p.decision }, {}, opts);
}

/**
 * A direct message. With `conversation`, it goes to that existing conversation. Without it, it
 * starts a new one: `to` (everyone in it except the author, at least one person) is required, and a
 * new conversation id (a ULID) is made on the client. Returns the entry id and the conversation id
 * (new or given), so the app can open `dm/<conversation>` at once. Throws OutboxWriteError when
 * neither a conversation nor a recipient is given.
 */
export function writeMessage(
  outbox: Y.Doc,
  p: { conversation?: ConversationId; to?: PersonId[]; body: string; attachments?: readonly AttachmentRef[] },
  opts?: WriteOptions,
): { entryId: EntryId; conversation: ConversationId } {
  const to = p.to ? [...new Set(p.to)] : null;
  if (p.conversation === undefined && (to === null || to.length === 0)) {
    throw new OutboxWriteError('writeMessage needs a conversation or at least one recipient');
  }
  const now = opts?.now ?? Date.now();
  const conversation = p.conversation ?? nextEntryId(now);
  const entryId = createEntry(outbox, 'message', { conversation, to, ...files(p.attachments) }, { body: p.body }, { ...opts, now });
  return { entryId, conversation };
}

export type EditResult =
  | { ok: true; changed: boolean }
  | { ok: false; error: 'not-found' | 'malformed' | 'retracted' | 'not-editable' };

const EDITABLE: Partial<Record<EntryType, readonly ('title' | 'body')[]>> = {
  post: ['title', 'body'],
  comment: ['body'],
  message: ['body'],
};

/**
 * Changes the title and/or body of a post, comment or message, each as one minimal splice of its
 * Y.Text. Sets editedAt when something changed. A field the entry type does not have (a title on a
 * comment) makes the whole edit 'not-editable'; nothing is written then.
 */
export function editEntry(
  outbox: Y.Doc,
  entryId: EntryId,
  change: { title?: string; body?: string },
  opts?: Pick<WriteOptions, 'now'>,
): EditResult {
  const found = editableMap(outbox, entryId);
  if (!found.ok) return found;
  const allowed = EDITABLE[found.type] ?? [];
  const fields = (['title', 'body'] as const).filter((f) => change[f] !== undefined);
  if (fields.some((f) => !allowed.includes(f))) return { ok: false, error: 'not-editable' };
  let changed = false;
  outbox.transact(() => {
    for (const field of fields) {
      const next = change[field] ?? '';
      const current = found.map.get(field);
      if (current instanceof Y.Text) {
        changed = applyTextChange(current, next) || changed;
      } else if (current !== next) {
        found.map.set(field, new Y.Text(next)); // a tolerated plain string becomes a Y.Text
        changed = true;
      }
    }
    if (changed) found.map.set('editedAt', opts?.now ?? Date.now());
  });
  return { ok: true, changed };
}

export type RetractResult = { ok: true } | { ok: false; error: 'not-found' | 'malformed' | 'not-retractable' };

/**
 * Withdraws an entry: the relay removes the published item (reactions: takes the reaction back;
 * join requests: cancels). The outbox keeps the content, so nothing is lost. Idempotent.
 * Acknowledgements cannot be withdrawn.
 */
export function retractEntry(outbox: Y.Doc, entryId: EntryId): RetractResult {
  const found = editableMap(outbox, entryId);
  if (!found.ok) return found.error === 'retracted' ? { ok: true } : { ok: false, error: found.error };
  // What was acknowledged was read: an acknowledgement is a record, not an opinion to take back.
  if (found.type === 'ack' || found.type === 'read-ack') return { ok: false, error: 'not-retractable' };
  outbox.transact(() => found.map.set('retracted', true));
  return { ok: true };
}

function editableMap(
  outbox: Y.Doc,
  entryId: EntryId,
): { ok: true; map: Y.Map<unknown>; type: EntryType } | { ok: false; error: 'not-found' | 'malformed' | 'retracted' } {
  const value = outboxEntries(outbox).get(entryId);
  if (value === undefined) return { ok: false, error: 'not-found' };
  const parsed = parseEntryMap(entryId, value);
  if (!parsed.ok || !(value instanceof Y.Map)) return { ok: false, error: 'malformed' };
  if (parsed.entry.retracted) return { ok: false, error: 'retracted' };
  return { ok: true, map: value as Y.Map<unknown>, type: parsed.entry.type };
}
