// Publication through a real relay: outbox entries written with @hearth/core by the stock
// y-websocket provider are judged and published by the relay into spaces, conversations and inboxes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  editEntry,
  outboxEntries,
  readConversation,
  readInbox,
  readInboxConversations,
  readBucketIndex,
  readSpace,
  SPACE_POSTS,
  writeAcknowledgement,
  writeComment,
  writeJoinRequest,
  writeMessage,
  writePost,
  writeReaction,
} from '@hearth/core';
import { createLogger } from '../src/log.js';
import { startRelay } from '../src/server/relay.js';
import { clientPool, openTestStorage, rawClient, removeTestData, runAdmin as admin, startTestRelay, testStorageFor, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;

describe('publication', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const open = clients.open;

  beforeAll(async () => {
    relay = await startTestRelay({}, ['alice', 'bob', 'carol', 'erin', 'dana', 'femi', 'gus']);
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
    await admin(relay, 'space-create', { id: 'media-wing', name: 'Media wing', visibility: 'private', facilitators: ['bob'], members: ['alice'] });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('two people see each other\'s posts and comments, each authored by its outbox owner', async () => {
    const aliceOut = await open('alice', 'outbox/alice');
    const bobOut = await open('bob', 'outbox/bob');
    const aliceSpace = await open('alice', bucketNow('general'));
    const bobSpace = await open('bob', bucketNow('general'));
    writeAcknowledgement(aliceOut.doc, { policyVersion: 3 });
    writeAcknowledgement(bobOut.doc, { policyVersion: 3 });

    const postId = writePost(aliceOut.doc, { space: 'general', kind: 'question', title: 'Lunch and learn', body: 'Who is up for a session on survey weighting?' });
    await waitFor(() => readSpace(bobSpace.doc).posts.some((p) => p.id === postId), 5000, 'bob sees the post');
    const post = readSpace(bobSpace.doc).posts.find((p) => p.id === postId);
    expect(post).toMatchObject({ authorId: 'alice', kind: 'question', title: 'Lunch and learn', state: 'published' });

    const commentId = writeComment(bobOut.doc, { space: 'general', post: postId, body: 'Count me in!' });
    writeReaction(bobOut.doc, { space: 'general', target: postId, emoji: '🎉' });
    await waitFor(() => (readSpace(aliceSpace.doc).posts[0]?.comments.length ?? 0) > 0 && (readSpace(aliceSpace.doc).posts[0]?.reactions['🎉']?.length ?? 0) > 0, 5000, 'alice sees the comment');
    const seen = readSpace(aliceSpace.doc).posts[0];
    expect(seen?.comments[0]).toMatchObject({ id: commentId, authorId: 'bob', body: 'Count me in!' });
    expect(seen?.reactions['🎉']).toEqual(['bob']);

    // Alice is told of Bob's reply in her inbox.
    const aliceInbox = await open('alice', 'inbox/alice');
    await waitFor(() => readInbox(aliceInbox.doc).notices.some((n) => n.kind === 'reply'), 5000, 'reply notice');
  });

  it("a stream of posts keeps the space's bucket index right with a few writes, not one per post", async () => {
    await admin(relay, 'space-create', { id: 'digest', name: 'Digest' });
    const space = await open('bob', 'space/digest');
    const bucket = await open('bob', bucketNow('digest'));
    let spaceUpdates = 0;
    space.doc.on('update', () => spaceUpdates++);
    // People of their own: an acknowledgement here would change what the other tests see.
    const authors = await Promise.all(['dana', 'femi', 'gus'].map((p) => open(p, `outbox/${p}`)));
    for (const a of authors) writeAcknowledgement(a.doc, { policyVersion: 3 });
    // One post at a time, each published before the next is written (a trickle: nothing to batch).
    for (let i = 0; i < 15; i++) {
      writePost(authors[i % 3]!.doc, { space: 'digest', title: `Note ${i}`, body: `Daily note ${i}.` });
      await waitFor(() => bucket.doc.getMap(SPACE_POSTS).size === i + 1, 5000, `post ${i} published`);
    }
    const key = bucketNow('digest').split('/').pop();
    // Every device holding the space document learns the bucket's count (within about a second).
    await waitFor(() => readBucketIndex(space.doc).find((b) => b.key === key)?.posts === 15, 5000, 'the index counts 15');
    // The first post wrote the new bucket into the index at once; the rest followed a few at a time
    // (one write a second at most), not one write — and one broadcast to every member — per post.
    expect(spaceUpdates).toBeLessThan(8);
  });

  it('a comment whose id sorts before its post (a device clock behind) is published with the post, not refused', async () => {
    const bobOut = await open('bob', 'outbox/bob');
    const aliceSpace = await open('alice', bucketNow('general'));
    writeAcknowledgement(bobOut.doc, { policyVersion: 3 });
    // One offline burst: the post's id is later than its comment's, as with a clock that jumped back.
    const postId = '01KZZZZZZZZZZZZZZZZZZZZZZZ';
    const commentId = '01K00000000000000000000000';
    bobOut.doc.transact(() => {
      writePost(bobOut.doc, { space: 'general', title: 'Clock skew', body: 'Written on a laptop whose clock was wrong.' }, { id: postId });
      writeComment(bobOut.doc, { space: 'general', post: postId, body: 'And a first comment on it.' }, { id: commentId });
    });
    await waitFor(() => readSpace(aliceSpace.doc).posts.find((p) => p.id === postId)?.comments.some((c) => c.id === commentId) ?? false, 5000, 'alice sees the post and its comment');
  });

  it('an author-like field smuggled into an entry is ignored', async () => {
    const carolOut = await open('carol', 'outbox/carol');
    const space = await open('carol', bucketNow('general'));
    writeAcknowledgement(carolOut.doc, { policyVersion: 3 });
    const id = writePost(carolOut.doc, { space: 'general', body: 'Posting as myself, whatever the entry says.' });
    (outboxEntries(carolOut.doc).get(id) as Y.Map<unknown>).set('authorId', 'alice');
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === id), 5000, 'post');
    expect(readSpace(space.doc).posts.find((p) => p.id === id)?.authorId).toBe('carol');
  });

  it('holds a post that breaks the policy, tells its author why, and never sends its text to anyone else', async () => {
    const watcher = rawClient(relay.url, bucketNow('general'), await relay.mintToken('bob'));
    await watcher.opened;
    const aliceOut = await open('alice', 'outbox/alice');
    const aliceInbox = await open('alice', 'inbox/alice');
    const secret = 'Kick-off with Northwind on Monday';
    const id = writePost(aliceOut.doc, { space: 'general', title: 'Monday', body: `${secret}, bring the deck.` });
    await waitFor(() => readInbox(aliceInbox.doc).statuses[id]?.state === 'held', 5000, 'held status');
    const inbox = readInbox(aliceInbox.doc);
    expect(inbox.statuses[id]?.findings[0]).toMatchObject({ rule: 'client-names', severity: 'hold', field: 'body' });
    expect(inbox.notices.find((n) => n.entryId === id)?.kind).toBe('held');

    // A later, compliant post arrives; the held one never did.
    const okId = writePost(aliceOut.doc, { space: 'general', body: 'Deck is on the shared drive.' });
    const bobSpace = await open('bob', bucketNow('general'));
    await waitFor(() => readSpace(bobSpace.doc).posts.some((p) => p.id === okId), 5000, 'later post');
    expect(readSpace(bobSpace.doc).posts.some((p) => p.id === id)).toBe(false);
    const bytes = Buffer.concat(watcher.messages.map((m) => Buffer.from(m))).toString('latin1');
    expect(bytes).toContain('Deck is on the shared drive.');
    expect(bytes).not.toContain('Northwind');
    watcher.ws.close();
  });

  it('an edit that breaks the policy is held and the published post keeps its last compliant version', async () => {
    const aliceOut = await open('alice', 'outbox/alice');
    const aliceInbox = await open('alice', 'inbox/alice');
    const bobSpace = await open('bob', bucketNow('general'));
    const id = writePost(aliceOut.doc, { space: 'general', body: 'Draft agenda for the offsite.' });
    await waitFor(() => readSpace(bobSpace.doc).posts.some((p) => p.id === id), 5000, 'post');
    editEntry(aliceOut.doc, id, { body: 'Draft agenda for the Northwind offsite.' });
    await waitFor(() => readInbox(aliceInbox.doc).statuses[id]?.state === 'held', 5000, 'held edit');
    expect(readSpace(bobSpace.doc).posts.find((p) => p.id === id)?.body).toBe('Draft agenda for the offsite.');
  });

  it('a person\'s entries wait for their policy acknowledgement, then publish', async () => {
    const erinOut = await open('erin', 'outbox/erin');
    const erinInbox = await open('erin', 'inbox/erin');
    const space = await open('erin', bucketNow('general'));
    const id = writePost(erinOut.doc, { space: 'general', body: 'Hello from the Berlin office!' });
    await waitFor(() => readInbox(erinInbox.doc).statuses[id]?.state === 'waiting-acknowledgement', 5000, 'waiting');
    expect(readInbox(erinInbox.doc).notices[0]?.kind).toBe('waiting-acknowledgement');
    expect(readSpace(space.doc).posts.some((p) => p.id === id)).toBe(false);
    writeAcknowledgement(erinOut.doc, { policyVersion: 3 });
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === id), 5000, 'published after acknowledgement');
    // The author's status follows the post (a second relay write).
    await waitFor(() => readInbox(erinInbox.doc).statuses[id]?.state === 'published', 5000, 'status published');
  });

  it('a codename is allowed in its project space and held elsewhere; non-members are refused there', async () => {
    const aliceOut = await open('alice', 'outbox/alice');
    const aliceInbox = await open('alice', 'inbox/alice');
    const media = await open('alice', bucketNow('media-wing'));
    const inside = writePost(aliceOut.doc, { space: 'media-wing', body: 'Bluebird fieldwork starts next week.' });
    const outside = writePost(aliceOut.doc, { space: 'general', body: 'Bluebird fieldwork starts next week.' });
    await waitFor(() => readSpace(media.doc).posts.some((p) => p.id === inside), 5000, 'inside post');
    await waitFor(() => readInbox(aliceInbox.doc).statuses[outside]?.state === 'held', 5000, 'outside held');

    const carolOut = await open('carol', 'outbox/carol');
    const carolInbox = await open('carol', 'inbox/carol');
    const intruder = writePost(carolOut.doc, { space: 'media-wing', body: 'Can I see this?' });
    await waitFor(() => readInbox(carolInbox.doc).statuses[intruder]?.state === 'rejected', 5000, 'rejected');
    expect(readInbox(carolInbox.doc).statuses[intruder]?.findings[0]?.rule).toBe('validation.not-a-member');
    expect((await rawClient(relay.url, 'space/media-wing', await relay.mintToken('carol')).closed).code).toBe(4403);

    // Her request to join reaches the facilitator.
    writeJoinRequest(carolOut.doc, { space: 'media-wing' });
    const bobInbox = await open('bob', 'inbox/bob');
    await waitFor(() => readInbox(bobInbox.doc).notices.some((n) => n.kind === 'join-request' && n.about === 'carol'), 5000, 'join request');
  });

  it('removing a member closes their connections to the private space and takes it out of their inbox', async () => {
    await admin(relay, 'space-add-member', { space: 'media-wing', person: 'erin' });
    const erinInbox = await open('erin', 'inbox/erin');
    await waitFor(() => readInbox(erinInbox.doc).memberships.includes('media-wing'), 5000, 'membership');
    const erinSpace = await open('erin', bucketNow('media-wing'));
    await admin(relay, 'space-remove-member', { space: 'media-wing', person: 'erin' });
    await waitFor(() => erinSpace.closes.includes(4403), 5000, 'closed with 4403');
    await waitFor(() => !readInbox(erinInbox.doc).memberships.includes('media-wing'), 5000, 'membership removed');
    expect((await rawClient(relay.url, 'space/media-wing', await relay.mintToken('erin')).closed).code).toBe(4403);
  });

  it('a new conversation is readable by its participants only and reaches them through their inbox', async () => {
    const bobOut = await open('bob', 'outbox/bob');
    const { conversation } = writeMessage(bobOut.doc, { to: ['carol'], body: 'Coffee at three?' });
    const carolInbox = await open('carol', 'inbox/carol');
    await waitFor(() => readInboxConversations(carolInbox.doc).some((c) => c.id === conversation), 5000, 'conversation in inbox');
    const dm = await open('carol', `dm/${conversation}`);
    await waitFor(() => readConversation(dm.doc).messages.length === 1, 5000, 'message');
    expect(readConversation(dm.doc)).toMatchObject({ participants: ['bob', 'carol'], messages: [{ authorId: 'bob', body: 'Coffee at three?' }] });
    // An outsider is answered as for a conversation that does not exist: ids cannot be tested.
    expect((await rawClient(relay.url, `dm/${conversation}`, await relay.mintToken('alice')).closed).code).toBe(4404);
  });

  it('two devices of one person editing the same post offline merge, and the published post shows the merge', async () => {
    const deviceA = await open('bob', 'outbox/bob');
    const space = await open('alice', bucketNow('general'));
    const id = writePost(deviceA.doc, { space: 'general', title: 'Survey', body: 'Questions for the pilot.' });
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === id), 5000, 'post');
    const deviceB = await open('bob', 'outbox/bob');
    await waitFor(() => outboxEntries(deviceB.doc).has(id), 5000, 'device B has the post');
    deviceA.provider.disconnect();
    deviceB.provider.disconnect();
    editEntry(deviceA.doc, id, { body: 'Questions for the pilot. Deadline Friday.' });
    editEntry(deviceB.doc, id, { body: 'Draft questions for the pilot.' });
    deviceA.provider.connect();
    deviceB.provider.connect();
    await waitFor(() => readSpace(space.doc).posts.find((p) => p.id === id)?.body === 'Draft questions for the pilot. Deadline Friday.', 5000, 'merged body');
  });
});

describe('publication across restarts', () => {
  it('publishes entries stored while the relay was down without their author reconnecting, exactly once', async () => {
    const first = await startTestRelay({}, ['alice', 'bob']);
    const dataDir = first.dataDir;
    await admin(first, 'policy-set', { source: demoPolicy });
    await admin(first, 'space-create', { id: 'general', name: 'General' });
    await first.stop();

    // Alice's device had sent these and the relay had stored them, but it stopped before publishing.
    const device = new Y.Doc();
    writeAcknowledgement(device, { policyVersion: 3 });
    const id = writePost(device, { space: 'general', body: 'Written on the train, stored just before the relay went down.' });
    const storage = await openTestStorage(dataDir, { compactAfter: 500 });
    await storage.rooms.append('outbox/alice', [Y.encodeStateAsUpdate(device)]);
    await storage.close();

    for (let restart = 0; restart < 2; restart++) {
      const relay = await startRelay({ port: 0, host: '127.0.0.1', ...(await testStorageFor(dataDir)), logger: createLogger('silent') });
      try {
        const space = await relay.host.open(bucketNow('general'));
        await waitFor(() => readSpace(space).posts.some((p) => p.id === id), 5000, 'published after restart');
        expect(readSpace(space).posts.filter((p) => p.id === id)).toHaveLength(1);
        expect(space.getMap<{ version: number }>(SPACE_POSTS).get(id)?.version).toBe(1);
        expect(readInbox(await relay.host.open('inbox/alice')).notices).toEqual([]);
        // The record follows the document (exactly-once: stored only after the post is); one row per entry.
        const rows = () => relay.storage.db.selectFrom('publication_state').select(['entry_id', 'version']).where('entry_id', '=', id).execute();
        await waitFor(async () => (await rows()).length === 1, 5000, 'publication recorded');
        expect(await rows()).toEqual([{ entry_id: id, version: 1 }]);
      } finally {
        await relay.stop();
      }
    }
    await removeTestData(dataDir);
  });
});
