// What each moderation decision does to the published documents and the author's inbox, as the
// relay's own writes. Everything about the item — author, room, entry, version, text, findings —
// comes from the relay's case row (the item as it opened the case), the publication state and the
// author's outbox; from the decision only its action, its words (`note`, shown to the author as the
// moderator's) and the escalation role are used. The case file is never read here: it is
// multi-writer, and a moderator's copy may say anything.
// Why every write here may run twice: the decision is recorded as carried out only after these
// writes are stored (case-executor.ts), so a crash in between replays them — and each is idempotent
// (publishEntry per version, hide/restore marks, notices keyed by the decision).
import type { AttachmentGate } from '../attachments/attachment-gate.js';
import type * as Y from 'yjs';
import {
  ITEM_MAPS,
  addConversation,
  addNotice,
  hideItem,
  attachmentsOf,
  initConversation,
  parseRoomName,
  readDirectory,
  restoreItem,
  roomName,
  scanOutbox,
  setEntryStatus,
  type CaseDecision,
  type CaseExecution,
  type CaseItem,
  type Notice,
  type NoticeKind,
} from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';
import { fingerprint } from '../publication/fingerprint.js';
import type { EntryRecord } from '../publication/publication-store.js';
import { placeEntry, publishIntoRoom, sameHome, type RecordOf } from '../publication/space-buckets.js';
import type { CaseRow } from './case-store.js';

/** A case row whose item the relay has recorded (the executor refuses to act on one without). */
export type RecordedCase = CaseRow & { item: CaseItem };

export interface ActionContext {
  host: DocHost;
  now: number;
  /** The publication state of the case's entry (approve checks it still stands for the case's version). */
  record: EntryRecord | null;
  /** Files: an approved item is published with the relay's facts of its files, and its readers may read them. */
  attachments?: AttachmentGate;
  /** The publication state of any entry: where a held comment's post was published (its bucket). */
  recordOf?: RecordOf;
}

export interface ActionResult {
  outcome: CaseExecution['outcome'];
  detail?: string;
  /** Set by approve: the publication state to store with the decision, in the same transaction. */
  published?: EntryRecord;
}

const WHAT: Record<string, string> = { post: 'post', comment: 'comment', message: 'message', reaction: 'reaction' };

export async function carryOut(c: RecordedCase, d: CaseDecision, ctx: ActionContext): Promise<ActionResult> {
  const { item } = c;
  const what = WHAT[item.type] ?? 'item';
  const words = d.note.trim();
  const notice = (kind: NoticeKind, message: string, to = item.authorId): Promise<void> =>
    ctx.host.write(roomName({ kind: 'inbox', person: to }), (doc) => {
      addNotice(doc, noticeOf(c, d, kind, message, ctx.now));
    });
  // Where the item is published now, if it is. A case opened from a hold starts with nothing
  // published, but an approval (this case's or the publisher's, after an edit) may have published it
  // since: hide and restore then act on the document the relay's record names, not on the inbox
  // status alone — else a "hide" would leave the post visible to every reader.
  const publishedIn = c.source !== 'hold' ? currentRoom(item, ctx.record) : publishedRoom(c, ctx.record);
  const published = publishedIn !== null;
  const room = publishedIn ?? item.room;
  switch (d.action) {
    case 'approve': {
      if (c.source !== 'hold') return { outcome: 'done', detail: 'kept published' };
      return approve(c, d, ctx, `Your ${what} was published after review.`);
    }
    case 'hide':
      if (published) {
        await ctx.host.write(room, (doc) => {
          hideItem(doc, item.entryId, { now: ctx.now });
          setItemText(doc, item.entryId, null, c.author);
        });
      }
      // The held version itself never reached readers (a held edit of a published post): the
      // author's status for it says rejected.
      if (c.source === 'hold' && ctx.record?.publishedVersion !== item.version) {
        await ctx.host.write(roomName({ kind: 'inbox', person: item.authorId }), (doc) => {
          setEntryStatus(doc, { entryId: item.entryId, state: 'rejected', version: item.version, findings: c.findings, updatedAt: ctx.now });
        });
      }
      await notice('hidden', `A moderator removed your ${what}${words ? `: ${words}` : '.'} Your text is still in your outbox: you can edit it and send it again.`);
      return { outcome: 'done' };
    case 'restore':
      if (!published) return { outcome: 'done', detail: 'nothing was hidden' };
      {
        const texts = await recordedTexts(c, ctx);
        await ctx.host.write(room, (doc) => {
          restoreItem(doc, item.entryId);
          setItemText(doc, item.entryId, texts, c.author);
        });
      }
      await notice('published-after-review', `Your ${what} is visible again after review.`);
      return { outcome: 'done' };
    case 'warn':
      await notice('warning', words || `A moderator asks you to review the behaviour policy about your ${what}.`);
      return { outcome: 'done' };
    case 'escalate': {
      const role = (d.role ?? '').trim().toLowerCase();
      const people = readDirectory(await ctx.host.open('directory')).filter(
        (p) => p.status === 'active' && ((p.roles as string[]).includes(role) || p.department.toLowerCase() === role),
      );
      for (const p of people) await notice('escalated', `A moderator escalated a case about a ${what} to you (${role})${words ? `: ${words}` : '.'}`, p.id);
      return { outcome: 'done', detail: `escalated to ${role}: ${people.map((p) => p.id).join(', ') || 'nobody has that role'}` };
    }
  }
}

/** The room the relay's record says the case's item is published in, null when it is not published. */
function publishedRoom(c: RecordedCase, record: EntryRecord | null): string | null {
  if (record === null || record.owner !== c.item.authorId || record.publishedVersion === null) return null;
  return record.targetRoom;
}

async function approve(c: RecordedCase, d: CaseDecision, ctx: ActionContext, message: string): Promise<ActionResult> {
  const { item } = c;
  const record = ctx.record;
  if (record === null || record.version !== item.version || record.owner !== item.authorId) {
    return { outcome: 'stale', detail: 'the author changed the item after it was held' };
  }
  const outbox = await ctx.host.open(roomName({ kind: 'outbox', person: item.authorId }));
  const entry = scanOutbox(outbox).entries.find((e) => e.id === item.entryId);
  if (entry === undefined || fingerprint(entry) !== record.fingerprint) return { outcome: 'stale', detail: 'the author changed the item after it was held' };
  if (entry.type === 'message' && entry.to !== null && !(await ctx.host.exists(item.room))) {
    // A held first message: the conversation starts now, as the publisher would have started it.
    const conversation = { id: entry.conversation, participants: [...new Set([item.authorId, ...entry.to])].sort(), createdAt: entry.createdAt };
    await ctx.host.write(item.room, (doc) => void initConversation(doc, conversation));
    for (const p of conversation.participants) await ctx.host.write(roomName({ kind: 'inbox', person: p }), (doc) => void addConversation(doc, conversation));
  }
  // Files as the publisher would publish them: the relay's sniffed type and real size, never the client's claims.
  let published = entry;
  const refs = attachmentsOf(entry);
  if (refs.length > 0 && (entry.type === 'post' || entry.type === 'comment' || entry.type === 'message')) {
    const checked = ctx.attachments === undefined ? null : await ctx.attachments.check(item.authorId, refs);
    if (checked === null || !checked.ok) return { outcome: 'failed', detail: 'its files are not on the relay' };
    published = { ...entry, attachments: checked.checked };
  }
  // Into the room the publisher would have chosen: a space item's time bucket (space-buckets.ts).
  const placed = entry.type === 'message' ? null : await placeEntry(entry, ctx.now, ctx.recordOf ?? (() => Promise.resolve(null)), record);
  const target = placed ?? parseRoomName(item.room);
  const room = target === null ? item.room : roomName(target);
  const ok = target !== null && (await publishIntoRoom(ctx.host, target, { author: item.authorId, entry: published, version: item.version, publishedAt: ctx.now })).ok;
  if (!ok) return { outcome: 'failed', detail: 'cannot be published where it is addressed' };
  if (refs.length > 0) await ctx.attachments?.referenced(room, item.entryId, refs.map((r) => r.hash));
  await ctx.host.write(roomName({ kind: 'inbox', person: item.authorId }), (doc) => {
    setEntryStatus(doc, { entryId: item.entryId, state: 'published', version: item.version, findings: [], updatedAt: ctx.now });
    addNotice(doc, noticeOf(c, d, 'published-after-review', message, ctx.now));
  });
  return {
    outcome: 'done',
    published: { ...record, outcome: 'published', targetRoom: room, publishedVersion: item.version, entryType: record.entryType ?? entry.type, updatedAt: ctx.now },
  };
}

type ItemText = Pick<CaseItem, 'title' | 'body' | 'version'>;

/**
 * The texts the relay knows for the item, by version: the author's outbox entry when the publication
 * state says that exact content (same fingerprint) is the version published, and the text the relay
 * recorded when it opened the case. Both are the author's own words, from the relay's own records.
 */
async function recordedTexts(c: RecordedCase, ctx: ActionContext): Promise<ItemText[]> {
  const texts: ItemText[] = [];
  const record = ctx.record;
  if (record !== null && record.owner === c.author && record.publishedVersion === record.version) {
    const outbox = await ctx.host.open(roomName({ kind: 'outbox', person: c.author }));
    const entry = scanOutbox(outbox).entries.find((e) => e.id === c.entryId);
    if (entry !== undefined && 'body' in entry && fingerprint(entry) === record.fingerprint) {
      texts.push({ version: record.version, title: entry.type === 'post' ? entry.title : null, body: entry.body });
    }
  }
  texts.push(c.item);
  return texts;
}

/**
 * A hidden item leaves the published document's text: its title and body are blanked there (the
 * relay's records keep them), so members' apps stop holding words a moderator removed. Restoring
 * writes the recorded text of the version now published back; a version the relay has no text for
 * stays as it is.
 */
function setItemText(doc: Y.Doc, id: string, texts: ItemText[] | null, author: string): void {
  for (const name of ITEM_MAPS) {
    const map = doc.getMap<unknown>(name);
    const current = map.get(id) as Record<string, unknown> | undefined;
    if (current === undefined || typeof current !== 'object' || typeof current.body !== 'string' || current.authorId !== author) continue;
    const text = texts === null ? null : texts.find((t) => t.version === current.version);
    if (texts !== null && (text === undefined || current.state !== 'published')) continue;
    const next: Record<string, unknown> = { ...current, body: text?.body ?? '' };
    if (typeof current.title === 'string') next.title = text?.title ?? '';
    if (next.body !== current.body || next.title !== current.title) map.set(id, next);
  }
}

function noticeOf(c: RecordedCase, d: Pick<CaseDecision, 'id'> & { by?: string }, kind: NoticeKind, message: string, now: number): Notice {
  return {
    id: `case:${c.caseId}:${d.id}:${kind}`,
    kind,
    createdAt: now,
    message,
    entryId: c.entryId,
    space: c.space,
    about: d.by ?? null,
    findings: kind === 'hidden' ? c.findings : [],
  };
}

/**
 * Where a published item is now: the room of its publication record when that is in the case's
 * space or conversation (a space item lives in a time bucket; a case opened before the bucket
 * migration names the space document), else the room the case recorded.
 */
function currentRoom(item: CaseItem, record: EntryRecord | null): string {
  const recorded = record?.targetRoom ?? null;
  return recorded !== null && sameHome(recorded, item.room) ? recorded : item.room;
}
