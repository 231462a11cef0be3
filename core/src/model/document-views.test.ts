import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DirectoryRecord } from '../identity/types.js';
import { readConversation, readDirectory, readInbox, readSpaces } from './document-views.js';
import { DIRECTORY_PEOPLE, INBOX_NOTICES, META, SPACE_COMMENTS, SPACE_POSTS } from './doc-layout.js';
import { hideItem, publishEntry } from './relay-publish.js';
import {
  addNotice,
  putDirectoryRecords,
  readPolicyRaw,
  setEntryStatus,
  setMemberships,
  setPolicyDocument,
} from './relay-inbox-writes.js';
import { initConversation, initSpace, putSpaceInCatalogue, removeSpaceFromCatalogue, setSpaceMembers } from './relay-space-writes.js';
import { readSpace } from './space-view.js';
import type { CommentEntry, Notice, PostEntry, SpaceMeta } from './types.js';

const T = 1_700_000_000_000;
const meta = (id: string, name: string, over: Partial<SpaceMeta> = {}): SpaceMeta => ({
  id, name, description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: T, ...over,
});
const person = (id: string, givenName: string, familyName: string): DirectoryRecord => ({
  id, email: `${id}@example.com`, givenName, familyName, title: 'Engineer', department: 'R&D', location: 'Lisbon', country: 'PT', manager: null, roles: ['employee'], status: 'active',
});
const notice = (id: string, createdAt: number): Notice => ({
  id, kind: 'mention', createdAt, message: 'You were mentioned', entryId: null, space: null, about: 'bo', findings: [],
});

describe('views of empty or partial documents', () => {
  it('never throws and gives empty views', () => {
    const empty = new Y.Doc();
    expect(readSpace(empty)).toEqual({ meta: null, members: [], posts: [] });
    expect(readInbox(empty)).toEqual({ notices: [], statuses: {}, memberships: [], joinRequests: {} });
    expect(readDirectory(empty)).toEqual([]);
    expect(readSpaces(empty)).toEqual([]);
    expect(readConversation(empty)).toEqual({ id: '', participants: [], createdAt: null, messages: [] });
    expect(readPolicyRaw(empty)).toBeNull();
  });

  it('skips junk values instead of failing the whole view', () => {
    const doc = new Y.Doc();
    doc.getMap(META).set('name', 'half a meta');
    doc.getMap(SPACE_POSTS).set('p1', { id: 'p1', title: 42 });
    doc.getMap(SPACE_POSTS).set('p2', 'not an object');
    doc.getMap(SPACE_COMMENTS).set('c1', null);
    const view = readSpace(doc);
    expect(view).toEqual({ meta: null, members: [], posts: [] });
  });
});

describe('readSpace', () => {
  const post = (id: string, createdAt: number): PostEntry =>
    ({ id, type: 'post', space: 's', kind: 'discussion', title: id, body: '', createdAt, editedAt: null, retracted: false });
  const comment = (id: string, replyTo: string | null, createdAt: number): CommentEntry =>
    ({ id, type: 'comment', space: 's', post: 'p1', replyTo, body: id, createdAt, editedAt: null, retracted: false });

  it('orders posts newest first, threads comments and aggregates reactions', () => {
    const doc = new Y.Doc();
    initSpace(doc, meta('s', 'S', { visibility: 'private' }));
    setSpaceMembers(doc, ['bo', 'ana']);
    publishEntry(doc, { author: 'ana', entry: post('p1', T), version: 1 });
    publishEntry(doc, { author: 'ana', entry: post('p2', T + 10), version: 1 });
    publishEntry(doc, { author: 'bo', entry: comment('c1', null, T + 1), version: 1 });
    publishEntry(doc, { author: 'ana', entry: comment('c2', 'c1', T + 2), version: 1 });
    publishEntry(doc, { author: 'bo', entry: comment('c3', 'c2', T + 3), version: 1 });
    publishEntry(doc, { author: 'cy', entry: comment('c4', null, T + 4), version: 1 });
    for (const [id, who, target, emoji] of [['r1', 'bo', 'p1', '🎉'], ['r2', 'cy', 'p1', '🎉'], ['r3', 'bo', 'p1', '🎉'], ['r4', 'ana', 'c1', '👍']] as const) {
      publishEntry(doc, { author: who, entry: { id, type: 'reaction', space: 's', target, emoji, createdAt: T, editedAt: null, retracted: false }, version: 1 });
    }
    const view = readSpace(doc);
    expect(view.meta?.name).toBe('S');
    expect(view.members).toEqual(['ana', 'bo']);
    expect(view.posts.map((p) => p.id)).toEqual(['p2', 'p1']);
    const p1 = view.posts[1];
    expect(p1?.commentCount).toBe(4);
    expect(p1?.reactions).toEqual({ '🎉': ['bo', 'cy'] });
    expect(p1?.comments.map((c) => c.id)).toEqual(['c1', 'c4']);
    expect(p1?.comments[0]?.reactions).toEqual({ '👍': ['ana'] });
    expect(p1?.comments[0]?.replies[0]?.id).toBe('c2');
    expect(p1?.comments[0]?.replies[0]?.replies[0]?.id).toBe('c3');
    expect(p1).not.toHaveProperty('version');

    // Hiding a comment leaves it out; its replies move up rather than vanish.
    hideItem(doc, 'c1');
    const after = readSpace(doc).posts[1];
    expect(after?.commentCount).toBe(3);
    expect(after?.comments.map((c) => c.id)).toEqual(['c2', 'c4']);
  });

  it('shows a reply cycle written by a hostile client without losing comments', () => {
    const doc = new Y.Doc();
    publishEntry(doc, { author: 'ana', entry: post('p1', T), version: 1 });
    publishEntry(doc, { author: 'bo', entry: comment('c1', 'c2', T + 1), version: 1 });
    publishEntry(doc, { author: 'bo', entry: comment('c2', 'c1', T + 2), version: 1 });
    const p1 = readSpace(doc).posts[0];
    expect(p1?.commentCount).toBe(2);
    expect(p1?.comments.map((c) => c.id)).toEqual(['c1']);
    expect(p1?.comments[0]?.replies.map((c) => c.id)).toEqual(['c2']);
  });
});

describe('inbox, directory, catalogue and policy', () => {
  it('keeps notices idempotent by id, newest first, with statuses and memberships', () => {
    const inbox = new Y.Doc();
    expect(addNotice(inbox, notice('n1', T))).toBe('applied');
    expect(addNotice(inbox, { ...notice('n1', T), message: 'changed' })).toBe('unchanged');
    addNotice(inbox, notice('n2', T + 1));
    inbox.getMap(INBOX_NOTICES).set('junk', { id: 'junk' });
    const status = { entryId: 'e1', state: 'held' as const, version: 1, findings: [], updatedAt: T };
    expect(setEntryStatus(inbox, status)).toBe('applied');
    expect(setEntryStatus(inbox, status)).toBe('unchanged');
    const newer = { ...status, version: 2, state: 'published' as const, updatedAt: T + 9 };
    expect(setEntryStatus(inbox, newer)).toBe('applied');
    expect(setEntryStatus(inbox, status)).toBe('unchanged');
    expect(readInbox(inbox).statuses.e1).toEqual(newer);
    inbox.transact(() => inbox.getMap('statuses').set('e1', status));
    setMemberships(inbox, ['zeta', 'alpha']);
    expect(setMemberships(inbox, ['alpha', 'zeta'])).toBe('unchanged');
    const view = readInbox(inbox);
    expect(view.notices.map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(view.notices[1]?.message).toBe('You were mentioned');
    expect(view.statuses).toEqual({ e1: status });
    expect(view.memberships).toEqual(['alpha', 'zeta']);
  });

  it('replaces the directory with minimal changes and sorts it by family then given name', () => {
    const dir = new Y.Doc();
    putDirectoryRecords(dir, [person('zoe', 'Zoë', 'Almeida'), person('ana', 'Ana', 'Lima'), person('bo', 'Bo', 'almeida')]);
    expect(readDirectory(dir).map((r) => r.id)).toEqual(['bo', 'zoe', 'ana']);
    const updates: Uint8Array[] = [];
    dir.on('update', (u: Uint8Array) => updates.push(u));
    expect(putDirectoryRecords(dir, [person('zoe', 'Zoë', 'Almeida'), person('bo', 'Bo', 'almeida'), person('ana', 'Ana', 'Lima')])).toBe('unchanged');
    expect(updates).toHaveLength(0);
    putDirectoryRecords(dir, [person('ana', 'Ana', 'Lima-Costa')]);
    expect(readDirectory(dir)).toEqual([person('ana', 'Ana', 'Lima-Costa')]);
    dir.getMap(DIRECTORY_PEOPLE).set('mallory', { id: 'mallory' });
    expect(readDirectory(dir).map((r) => r.id)).toEqual(['ana']);
  });

  it('creates a conversation once and refuses to repurpose its document', () => {
    const dm = new Y.Doc();
    expect(initConversation(dm, { id: 'c1', participants: ['bo', 'ana'], createdAt: T })).toEqual({ ok: true, outcome: 'applied' });
    expect(initConversation(dm, { id: 'c1', participants: ['ana', 'bo', 'bo'], createdAt: T })).toEqual({ ok: true, outcome: 'unchanged' });
    expect(initConversation(dm, { id: 'c2', participants: ['ana'], createdAt: T })).toEqual({ ok: false, error: 'different-conversation' });
    expect(readConversation(dm)).toMatchObject({ id: 'c1', participants: ['ana', 'bo'] });
  });

  it('lists the catalogue by name and removes spaces', () => {
    const spaces = new Y.Doc();
    putSpaceInCatalogue(spaces, meta('b', 'Beta'));
    putSpaceInCatalogue(spaces, meta('a', 'alpha'));
    expect(putSpaceInCatalogue(spaces, meta('a', 'alpha'))).toBe('unchanged');
    expect(readSpaces(spaces).map((s) => s.id)).toEqual(['a', 'b']);
    expect(removeSpaceFromCatalogue(spaces, 'a')).toBe('applied');
    expect(removeSpaceFromCatalogue(spaces, 'a')).toBe('unchanged');
    expect(readSpaces(spaces).map((s) => s.id)).toEqual(['b']);
  });

  it('stores and returns the policy JSON whole', () => {
    const policy = new Y.Doc();
    const json = { version: 3, rules: [{ id: 'respect', severity: 'hold' }] };
    expect(setPolicyDocument(policy, json)).toBe('applied');
    expect(setPolicyDocument(policy, { rules: [{ severity: 'hold', id: 'respect' }], version: 3 })).toBe('unchanged');
    expect(readPolicyRaw(policy)).toEqual(json);
  });
});
