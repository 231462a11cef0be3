import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalEntry } from './canonical-json.js';
import { checkEntryLimits } from './entry-limits.js';
import { OUTBOX_ENTRIES } from './doc-layout.js';
import { readOutbox, readOutboxEntry, readOutboxEntryResult, scanOutbox } from './outbox-schema.js';
import {
  OutboxWriteError,
  editEntry,
  retractEntry,
  writeAcknowledgement,
  writeComment,
  writeJoinRequest,
  writeMessage,
  writePost,
  writeReaction,
  writeReport,
} from './outbox-writes.js';
import { device, syncAll } from './test-sync.js';
import { LIMITS } from './types.js';

const T = 1_700_000_000_000;

describe('writing to the outbox', () => {
  it('stores a post with a ULID, defaults and Y.Text title and body', () => {
    const outbox = new Y.Doc();
    const id = writePost(outbox, { space: 'media-wing', body: 'Hello' }, { now: T });
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(readOutboxEntry(outbox, id)).toEqual({
      id, type: 'post', space: 'media-wing', kind: 'discussion', title: '', body: 'Hello', createdAt: T, editedAt: null, retracted: false,
    });
    const raw = outbox.getMap(OUTBOX_ENTRIES).get(id) as Y.Map<unknown>;
    expect(raw.get('body')).toBeInstanceOf(Y.Text);
    expect(raw.get('title')).toBeInstanceOf(Y.Text);
  });

  it('writes every entry type, read back in id order', () => {
    const outbox = new Y.Doc();
    writePost(outbox, { space: 's', kind: 'question', title: 'Q', body: 'B' }, { id: 'e1', now: T });
    writeComment(outbox, { space: 's', post: 'e1', body: 'c' }, { id: 'e2', now: T });
    writeReaction(outbox, { space: 's', target: 'e1', emoji: '🎉' }, { id: 'e3', now: T });
    writeReport(outbox, { space: null, target: 'm1', reason: 'rude' }, { id: 'e4', now: T });
    writeAcknowledgement(outbox, { policyVersion: 3 }, { id: 'e5', now: T });
    writeJoinRequest(outbox, { space: 's' }, { id: 'e6', now: T });
    const { entryId, conversation } = writeMessage(outbox, { to: ['bo', 'bo', 'cy'], body: 'hi' }, { id: 'e7', now: T });
    expect(entryId).toBe('e7');
    const entries = readOutbox(outbox);
    expect(entries.map((e) => e.type)).toEqual(['post', 'comment', 'reaction', 'report', 'ack', 'join', 'message']);
    expect(entries[1]).toMatchObject({ replyTo: null });
    expect(entries[6]).toMatchObject({ conversation, to: ['bo', 'cy'], body: 'hi' });
  });

  it('continues a conversation without recipients, and refuses a message to nobody', () => {
    const outbox = new Y.Doc();
    const r = writeMessage(outbox, { conversation: 'c1', body: 'again' });
    expect(r.conversation).toBe('c1');
    expect(readOutboxEntry(outbox, r.entryId)).toMatchObject({ conversation: 'c1', to: null });
    expect(() => writeMessage(outbox, { to: [], body: 'x' })).toThrow(OutboxWriteError);
  });

  it('edits as data: ok, not-found, not-editable, retracted', () => {
    const outbox = new Y.Doc();
    const post = writePost(outbox, { space: 's', title: 'Old', body: 'Body' }, { now: T });
    const ack = writeAcknowledgement(outbox, { policyVersion: 1 });
    const comment = writeComment(outbox, { space: 's', post, body: 'c' });
    expect(editEntry(outbox, post, { title: 'New' }, { now: T + 5 })).toEqual({ ok: true, changed: true });
    expect(readOutboxEntry(outbox, post)).toMatchObject({ title: 'New', body: 'Body', editedAt: T + 5 });
    expect(editEntry(outbox, post, { title: 'New' }, { now: T + 9 })).toEqual({ ok: true, changed: false });
    expect(readOutboxEntry(outbox, post)?.editedAt).toBe(T + 5);
    expect(editEntry(outbox, 'nope', { body: 'x' })).toEqual({ ok: false, error: 'not-found' });
    expect(editEntry(outbox, ack, { body: 'x' })).toEqual({ ok: false, error: 'not-editable' });
    expect(editEntry(outbox, comment, { title: 'x', body: 'y' })).toEqual({ ok: false, error: 'not-editable' });
    expect(readOutboxEntry(outbox, comment)).toMatchObject({ body: 'c' });
    expect(retractEntry(outbox, post)).toEqual({ ok: true });
    expect(retractEntry(outbox, post)).toEqual({ ok: true });
    expect(editEntry(outbox, post, { body: 'x' })).toEqual({ ok: false, error: 'retracted' });
    expect(retractEntry(outbox, ack)).toEqual({ ok: false, error: 'not-retractable' });
    expect(retractEntry(outbox, 'nope')).toEqual({ ok: false, error: 'not-found' });
  });

  it('merges offline edits of one post from two devices character by character', () => {
    const laptop = device(1);
    const phone = device(2);
    const id = writePost(laptop, { space: 's', title: 'Plan', body: 'Meet on Monday.' }, { now: T });
    syncAll(laptop, phone);
    editEntry(laptop, id, { body: 'Meet on Monday at 10.' }, { now: T + 1 });
    editEntry(phone, id, { body: 'Let us meet on Monday.' }, { now: T + 2 });
    syncAll(laptop, phone);
    expect(readOutboxEntry(laptop, id)).toMatchObject({ body: 'Let us meet on Monday at 10.' });
    expect(readOutbox(laptop)).toEqual(readOutbox(phone));
  });
});

describe('reading a hostile outbox', () => {
  it('skips malformed entries and says why, dropping unknown fields', () => {
    const outbox = new Y.Doc();
    const good = writePost(outbox, { space: 's', body: 'fine' }, { id: 'good', now: T });
    const entries = outbox.getMap<unknown>(OUTBOX_ENTRIES);
    outbox.transact(() => {
      entries.set('plain', { type: 'post' });
      entries.set('bad id!', new Y.Map());
      const noType = new Y.Map<unknown>();
      entries.set('notype', noType);
      noType.set('body', 'x');
      const wrongEmoji = new Y.Map<unknown>();
      entries.set('emoji', wrongEmoji);
      for (const [k, v] of Object.entries({ type: 'reaction', space: 's', target: 't', emoji: '💩', createdAt: T })) wrongEmoji.set(k, v);
      (entries.get(good) as Y.Map<unknown>).set('authorId', 'someone-else');
    });
    expect(readOutbox(outbox).map((e) => e.id)).toEqual([good]);
    expect(readOutboxEntry(outbox, good)).not.toHaveProperty('authorId');
    const scan = scanOutbox(outbox);
    expect(scan.malformed.map((m) => [m.id, m.error])).toEqual([
      ['bad id!', 'bad-id'],
      ['emoji', 'malformed'],
      ['notype', 'malformed'],
      ['plain', 'not-a-map'],
    ]);
    const why = readOutboxEntryResult(outbox, 'emoji');
    expect(why.ok).toBe(false);
    if (!why.ok) expect(why.issues.join()).toMatch(/emoji/);
  });
});

describe('canonical entries and limits', () => {
  it('gives the same text whatever the key order', () => {
    const outbox = new Y.Doc();
    const id = writePost(outbox, { space: 's', title: 't', body: 'b' }, { now: T });
    const entry = readOutboxEntry(outbox, id);
    if (!entry) throw new Error('missing');
    const shuffled = Object.fromEntries(Object.entries(entry).reverse()) as typeof entry;
    expect(canonicalEntry(shuffled)).toBe(canonicalEntry(entry));
    expect(canonicalEntry(entry)).toBe(JSON.stringify(Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1)))));
  });

  it('reports content over the limits without refusing to write it', () => {
    const outbox = new Y.Doc();
    const id = writePost(outbox, { space: 's', title: 'x'.repeat(LIMITS.titleChars + 1), body: 'ok' });
    const entry = readOutboxEntry(outbox, id);
    expect(entry).not.toBeNull();
    if (entry) expect(checkEntryLimits(entry).map((p) => p.code)).toEqual(['title-too-long']);
  });
});

describe('entry ids', () => {
  it('entries written in the same millisecond keep the order they were written in (the relay judges by id)', () => {
    const doc = new Y.Doc();
    const now = Date.UTC(2026, 10, 25, 12);
    const ids = Array.from({ length: 500 }, (_, i) => writePost(doc, { space: 'general', body: `Post ${i}` }, { now }));
    expect([...ids].sort()).toEqual(ids);
    // An entry dated in the past still carries its own time (buckets and links read it).
    const old = writePost(doc, { space: 'general', body: 'Imported' }, { now: now - 86_400_000 });
    expect(old < ids[0]!).toBe(true);
  });
});

describe('scanOutbox remembers parsed entries', () => {
  const bodyOf = (doc: Y.Doc, id: string) => scanOutbox(doc).entries.find((e) => e.id === id);

  it('sees every later change: a body spliced in place, a field set, an entry added, removed or made malformed — synced from another device too', () => {
    const [laptop, relayCopy] = [device(1), device(2)];
    const first = writePost(laptop, { space: 'general', title: 'Lunch', body: 'Pizza on Friday' });
    const second = writePost(laptop, { space: 'general', body: 'Second' });
    syncAll(laptop, relayCopy);
    expect(scanOutbox(relayCopy).entries.map((e) => e.id)).toEqual([first, second].sort());

    // Only the Y.Text changes (no other field): the parsed entry must not be the remembered one.
    const entries = relayCopy.getMap<Y.Map<unknown>>(OUTBOX_ENTRIES);
    (entries.get(first)!.get('body') as Y.Text).insert(0, 'Vegan ');
    expect(bodyOf(relayCopy, first)).toMatchObject({ body: 'Vegan Pizza on Friday' });

    editEntry(laptop, second, { body: 'Second, edited' });
    syncAll(laptop, relayCopy);
    expect(bodyOf(relayCopy, second)).toMatchObject({ body: 'Second, edited' });

    retractEntry(laptop, second);
    const third = writePost(laptop, { space: 'general', body: 'Third' });
    syncAll(laptop, relayCopy);
    expect(bodyOf(relayCopy, second)).toMatchObject({ retracted: true });
    expect(bodyOf(relayCopy, third)).toMatchObject({ body: 'Third' });

    entries.get(first)!.set('space', 42);
    expect(scanOutbox(relayCopy).malformed.map((m) => m.id)).toEqual([first]);
    entries.delete(first);
    expect(scanOutbox(relayCopy).malformed).toEqual([]);
    expect(bodyOf(relayCopy, first)).toBeUndefined();
  });

  it('inside a transaction that changed the outbox, reads the change', () => {
    const doc = new Y.Doc();
    const post = writePost(doc, { space: 'general', body: 'Before' });
    expect(bodyOf(doc, post)).toMatchObject({ body: 'Before' });
    doc.transact(() => {
      editEntry(doc, post, { body: 'After' });
      expect(bodyOf(doc, post)).toMatchObject({ body: 'After' });
    });
    expect(bodyOf(doc, post)).toMatchObject({ body: 'After' });
  });

  it('hands out entries that cannot be changed in place (they are shared between scans)', () => {
    const doc = new Y.Doc();
    writePost(doc, { space: 'general', body: 'Shared' });
    const [entry] = scanOutbox(doc).entries;
    expect(() => Object.assign(entry!, { body: 'changed' })).toThrow(TypeError);
    expect(scanOutbox(doc).entries[0]).toMatchObject({ body: 'Shared' });
  });
});
