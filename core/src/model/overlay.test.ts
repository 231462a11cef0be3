import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readConversation } from './document-views.js';
import { overlayConversation, overlayOutbox } from './overlay.js';
import { readOutbox, readOutboxEntry } from './outbox-schema.js';
import { editEntry, retractEntry, writeComment, writeMessage, writePost, writeReaction } from './outbox-writes.js';
import { hideItem, publishEntry } from './relay-publish.js';
import { initConversation, initSpace } from './relay-space-writes.js';
import { readSpace } from './space-view.js';
import type { EntryStatus, OutboxEntry } from './types.js';

const T = 1_700_000_000_000;

function setup() {
  const spaceDoc = new Y.Doc();
  initSpace(spaceDoc, { id: 's', name: 'S', description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: T });
  const outbox = new Y.Doc();
  const publish = (id: string, version = 1) => {
    const entry = readOutboxEntry(outbox, id) as OutboxEntry;
    publishEntry(spaceDoc, { author: 'me', entry, version });
  };
  return { spaceDoc, outbox, publish };
}

describe('overlayOutbox', () => {
  it('shows an own unpublished post and comment in place, marked pending', () => {
    const { spaceDoc, outbox } = setup();
    const post = writePost(outbox, { space: 's', title: 'Hi', body: 'there' }, { now: T, id: 'p1' });
    writeComment(outbox, { space: 's', post, body: 'first' }, { now: T + 1, id: 'c1' });
    writePost(outbox, { space: 'elsewhere', body: 'not here' }, { now: T + 2 });
    const view = overlayOutbox(readSpace(spaceDoc), outbox, { me: 'me' });
    expect(view.posts).toHaveLength(1);
    expect(view.posts[0]).toMatchObject({ id: 'p1', authorId: 'me', title: 'Hi', pending: 'pending', commentCount: 1 });
    expect(view.posts[0]?.comments[0]).toMatchObject({ id: 'c1', pending: 'pending' });
  });

  it('drops the mark once published, and marks an unpublished edit (held when the inbox says so)', () => {
    const { spaceDoc, outbox, publish } = setup();
    writePost(outbox, { space: 's', title: 'Hi', body: 'there' }, { now: T, id: 'p1' });
    publish('p1');
    expect(overlayOutbox(readSpace(spaceDoc), outbox, { me: 'me' }).posts[0]).not.toHaveProperty('pending');
    editEntry(outbox, 'p1', { body: 'there, everyone' }, { now: T + 5 });
    const pending = overlayOutbox(readSpace(spaceDoc), outbox, { me: 'me' }).posts[0];
    expect(pending).toMatchObject({ body: 'there, everyone', pending: 'pending' });
    const statuses: Record<string, EntryStatus> = { p1: { entryId: 'p1', state: 'held', version: 2, findings: [], updatedAt: T + 6 } };
    expect(overlayOutbox(readSpace(spaceDoc), outbox, { me: 'me', statuses }).posts[0]?.pending).toBe('held');
    // A newer edit than the held verdict is pending again.
    editEntry(outbox, 'p1', { body: 'there, all' }, { now: T + 7 });
    expect(overlayOutbox(readSpace(spaceDoc), outbox, { me: 'me', statuses }).posts[0]?.pending).toBe('pending');
  });

  it('hides own retractions at once and shows own reactions at once', () => {
    const { spaceDoc, outbox, publish } = setup();
    writePost(outbox, { space: 's', body: 'a' }, { now: T, id: 'p1' });
    writePost(outbox, { space: 's', body: 'b' }, { now: T + 1, id: 'p2' });
    const r1 = writeReaction(outbox, { space: 's', target: 'p1', emoji: '🎉' }, { now: T + 2, id: 'r1' });
    for (const id of ['p1', 'p2', 'r1']) publish(id);
    writeReaction(outbox, { space: 's', target: 'p1', emoji: '👍' }, { now: T + 3, id: 'r2' });
    retractEntry(outbox, r1);
    retractEntry(outbox, 'p2');
    const view = overlayOutbox(readSpace(spaceDoc), outbox, { me: 'me' });
    expect(view.posts.map((p) => p.id)).toEqual(['p1']);
    expect(view.posts[0]?.reactions).toEqual({ '👍': ['me'] });
  });

  it('accepts entries already read, and a space not synced yet', () => {
    const outbox = new Y.Doc();
    writePost(outbox, { space: 's', body: 'offline' }, { now: T, id: 'p1' });
    const view = overlayOutbox(readSpace(new Y.Doc()), readOutbox(outbox), { me: 'me', space: 's' });
    expect(view.posts.map((p) => p.id)).toEqual(['p1']);
  });

  it('never takes over someone else’s item with the same id', () => {
    const { spaceDoc, outbox } = setup();
    publishEntry(spaceDoc, { author: 'bo', entry: { id: 'p1', type: 'post', space: 's', kind: 'discussion', title: 'bo', body: 'bo', createdAt: T, editedAt: null, retracted: false }, version: 1 });
    writePost(outbox, { space: 's', body: 'mine' }, { now: T, id: 'p1' });
    retractEntry(outbox, 'p1');
    expect(overlayOutbox(readSpace(spaceDoc), outbox, { me: 'me' }).posts[0]).toMatchObject({ authorId: 'bo', body: 'bo' });
  });
});

describe('overlayConversation', () => {
  it('shows a new conversation before the relay has created it', () => {
    const outbox = new Y.Doc();
    const { conversation } = writeMessage(outbox, { to: ['bo'], body: 'hello' }, { now: T, id: 'm1' });
    const view = overlayConversation(readConversation(new Y.Doc()), outbox, { me: 'me', conversation });
    expect(view).toMatchObject({ id: conversation, participants: ['bo', 'me'], createdAt: T });
    expect(view.messages).toEqual([{ id: 'm1', authorId: 'me', body: 'hello', createdAt: T, editedAt: null, state: 'published', pending: 'pending' }]);
  });

  it('merges published and pending messages oldest first and hides retractions', () => {
    const dm = new Y.Doc();
    initConversation(dm, { id: 'c1', participants: ['me', 'bo'], createdAt: T });
    const outbox = new Y.Doc();
    writeMessage(outbox, { conversation: 'c1', body: 'one' }, { now: T + 1, id: 'm1' });
    publishEntry(dm, { author: 'me', entry: readOutboxEntry(outbox, 'm1') as OutboxEntry, version: 1 });
    publishEntry(dm, { author: 'bo', entry: { id: 'm2', type: 'message', conversation: 'c1', to: null, body: 'two', createdAt: T + 2, editedAt: null, retracted: false }, version: 1 });
    writeMessage(outbox, { conversation: 'c1', body: 'three' }, { now: T + 3, id: 'm3' });
    writeMessage(outbox, { conversation: 'c1', body: 'gone' }, { now: T + 4, id: 'm4' });
    retractEntry(outbox, 'm4');
    const statuses: Record<string, EntryStatus> = { m3: { entryId: 'm3', state: 'rejected', version: 1, findings: [], updatedAt: T + 5 } };
    const view = overlayConversation(readConversation(dm), outbox, { me: 'me', statuses });
    expect(view.messages.map((m) => [m.id, m.pending])).toEqual([['m1', undefined], ['m2', undefined], ['m3', 'rejected']]);
  });
});

describe('moderated items in the overlay', () => {
  it('does not bring back an own post, reaction or message a moderator hid', () => {
    const { spaceDoc, outbox, publish } = setup();
    writePost(outbox, { space: 's', body: 'a' }, { now: T, id: 'p1' });
    writePost(outbox, { space: 's', body: 'b' }, { now: T + 1, id: 'p2' });
    writeReaction(outbox, { space: 's', target: 'p2', emoji: '🎉' }, { now: T + 2, id: 'r1' });
    for (const id of ['p1', 'p2', 'r1']) publish(id);
    hideItem(spaceDoc, 'p1');
    hideItem(spaceDoc, 'r1');
    editEntry(outbox, 'p1', { body: 'a, edited' }, { now: T + 3 });
    const view = overlayOutbox(readSpace(spaceDoc), outbox, { me: 'me' });
    expect(view.hidden).toEqual(['p1', 'r1']);
    expect(view.posts.map((p) => p.id)).toEqual(['p2']);
    expect(view.posts[0]?.reactions).toEqual({});

    const dm = new Y.Doc();
    initConversation(dm, { id: 'c1', participants: ['me', 'bo'], createdAt: T });
    writeMessage(outbox, { conversation: 'c1', body: 'rude' }, { now: T + 4, id: 'm1' });
    publishEntry(dm, { author: 'me', entry: readOutboxEntry(outbox, 'm1') as OutboxEntry, version: 1 });
    hideItem(dm, 'm1');
    expect(overlayConversation(readConversation(dm), outbox, { me: 'me' }).messages).toEqual([]);
  });
});
