import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attachmentKind, safeFileName } from './attachments.js';
import { canonicalEntry } from './canonical-json.js';
import { OUTBOX_ENTRIES } from './doc-layout.js';
import { readOutboxEntry, readOutboxEntryResult } from './outbox-schema.js';
import { writeComment, writeMessage, writePost } from './outbox-writes.js';
import { publishEntry } from './relay-publish.js';
import { readSpace } from './space-view.js';

const T = 1_700_000_000_000;
const HASH = 'a'.repeat(64);
const photo = { hash: HASH, name: 'harbour.png', mimeType: 'image/png', bytes: 1234 };

describe('attachments on entries', () => {
  it('are written on posts, comments and messages and read back as plain references', () => {
    const outbox = new Y.Doc();
    const post = writePost(outbox, { space: 'general', body: 'Look', attachments: [photo] }, { now: T });
    const comment = writeComment(outbox, { space: 'general', post, body: 'And this', attachments: [photo] }, { now: T });
    const { entryId } = writeMessage(outbox, { to: ['ben'], body: 'For you', attachments: [photo] }, { now: T });
    for (const id of [post, comment, entryId]) expect(readOutboxEntry(outbox, id)).toMatchObject({ attachments: [photo] });
  });

  it('leave an entry without files exactly as before (no field, same content identity)', () => {
    const outbox = new Y.Doc();
    const id = writePost(outbox, { space: 'general', body: 'Plain' }, { now: T });
    const entry = readOutboxEntry(outbox, id)!;
    expect('attachments' in entry).toBe(false);
    expect(canonicalEntry(entry)).not.toContain('attachments');
  });

  it('refuse a reference that is not a SHA-256 or whose name is a path (the entry is malformed)', () => {
    const outbox = new Y.Doc();
    const id = writePost(outbox, { space: 'general', body: 'x' }, { now: T });
    const entry = outbox.getMap<Y.Map<unknown>>(OUTBOX_ENTRIES).get(id)!;
    entry.set('attachments', [{ ...photo, hash: 'not-a-hash' }]);
    expect(readOutboxEntryResult(outbox, id)).toMatchObject({ ok: false, error: 'malformed' });
    entry.set('attachments', [{ ...photo, name: '../../etc/passwd' }]);
    expect(readOutboxEntryResult(outbox, id)).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('are published with the item and read by the space view; a retracted item drops them', () => {
    const outbox = new Y.Doc();
    const id = writePost(outbox, { space: 'general', body: 'Look', attachments: [photo] }, { now: T });
    const space = new Y.Doc();
    space.getMap('meta').set('id', 'general');
    const entry = readOutboxEntry(outbox, id)!;
    publishEntry(space, { author: 'ana', entry, version: 1, publishedAt: T });
    expect(readSpace(space).posts[0]?.attachments).toEqual([photo]);
    publishEntry(space, { author: 'ana', entry: { ...entry, retracted: true }, version: 2, publishedAt: T });
    expect(space.getMap<Record<string, unknown>>('posts').get(id)?.attachments).toBeUndefined();
  });

  it('name how a file is shown and keep only a base name', () => {
    expect([attachmentKind('image/png'), attachmentKind('image/svg+xml'), attachmentKind('video/mp4'), attachmentKind('application/pdf')]).toEqual(['image', 'file', 'video', 'file']);
    expect(safeFileName('C:\\Users\\ana\\report.pdf')).toBe('report.pdf');
    expect(safeFileName('/')).toBe('file');
  });
});
