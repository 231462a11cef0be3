// Notices to people other than the author, through a real relay: reactions batched per item and
// hour, direct messages, replies and mentions naming the space by its name and pointing at the
// item's post — and, from the attacker's side, nothing about a private space ever reaches someone
// who cannot read it, whatever the attacker's outbox says.
import { readFileSync } from 'node:fs';
import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInbox, readSpace, roomName, writeAcknowledgement, writeComment, writeMessage, writePost, writeReaction } from '@hearth/core';
import { clientPool, runAdmin as admin, startTestRelay, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as { version: number };

describe('notices to other people', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const open = clients.open;
  const inboxOf = async (person: string) => readInbox(await relay.host.open(roomName({ kind: 'inbox', person })));
  const outboxes = new Map<string, Y.Doc>();
  const outboxOf = async (person: string) => {
    let doc = outboxes.get(person);
    if (doc === undefined) {
      doc = (await open(person, `outbox/${person}`)).doc;
      writeAcknowledgement(doc, { policyVersion: demoPolicy.version });
      outboxes.set(person, doc);
    }
    return doc;
  };
  const published = async (space: string, id: string) => {
    await waitFor(async () => JSON.stringify(readSpace(await relay.host.open(bucketNow(space)))).includes(id), 10_000, `${id} published`);
  };

  beforeAll(async () => {
    relay = await startTestRelay({}, ['alice', 'bob', 'carol', 'erin', 'mallory']);
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
    await admin(relay, 'space-create', { id: 'project-x', name: 'Project X', visibility: 'private', facilitators: ['carol'], members: ['alice', 'mallory', 'erin'] });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('reactions to one item within the hour make one notice naming who reacted', async () => {
    const alice = await outboxOf('alice');
    const post = writePost(alice, { space: 'general', body: 'New coffee machine on floor 3.' });
    await published('general', post);
    for (const p of ['bob', 'carol', 'erin']) writeReaction(await outboxOf(p), { space: 'general', target: post, emoji: '🎉' });
    await waitFor(async () => ((await inboxOf('alice')).notices.find((n) => n.kind === 'reaction')?.people?.length ?? 0) === 3, 10_000, 'three reactors in one notice');
    const reactions = (await inboxOf('alice')).notices.filter((n) => n.kind === 'reaction');
    expect(reactions).toHaveLength(1);
    expect(reactions[0]).toMatchObject({ entryId: post, post, space: 'general', message: expect.stringMatching(/ and 2 others reacted to your item\.$/) });
    // One's own reaction tells no one.
    writeReaction(alice, { space: 'general', target: post, emoji: '👍' });
    await waitFor(async () => (readSpace(await relay.host.open(bucketNow('general'))).posts.find((p) => p.id === post)?.reactions['👍'] ?? []).includes('alice'), 10_000, 'own reaction');
    expect([...((await inboxOf('alice')).notices.find((n) => n.kind === 'reaction')?.people ?? [])].sort()).toEqual(['bob', 'carol', 'erin']);
  });

  it('a direct message tells each recipient, with the conversation to open', async () => {
    const bob = await outboxOf('bob');
    const { entryId: id, conversation } = writeMessage(bob, { to: ['alice', 'carol'], body: 'Lunch at one?' });
    for (const p of ['alice', 'carol']) {
      await waitFor(async () => (await inboxOf(p)).notices.some((n) => n.id === `${id}:message`), 10_000, `${p} told`);
      expect((await inboxOf(p)).notices.find((n) => n.id === `${id}:message`)).toMatchObject({ kind: 'message', about: 'bob', conversation, space: null, entryId: id });
    }
    expect((await inboxOf('bob')).notices.some((n) => n.kind === 'message')).toBe(false);
  });

  it('a reply and a mention name the space by its name and point at the post of the comment', async () => {
    const alice = await outboxOf('alice');
    const post = writePost(alice, { space: 'general', kind: 'question', body: 'Where are the meeting rooms booked?' });
    await published('general', post);
    const comment = writeComment(await outboxOf('bob'), { space: 'general', post, body: 'In the calendar, <@carol> knows more.' });
    await waitFor(async () => (await inboxOf('carol')).notices.some((n) => n.id === `${comment}:mention`), 10_000, 'mention');
    await waitFor(async () => (await inboxOf('alice')).notices.some((n) => n.id === `${comment}:reply`), 10_000, 'reply');
    expect((await inboxOf('carol')).notices.find((n) => n.id === `${comment}:mention`)).toMatchObject({ entryId: comment, post, message: expect.stringContaining('in General') });
    expect((await inboxOf('alice')).notices.find((n) => n.id === `${comment}:reply`)).toMatchObject({ entryId: comment, post });
  });

  it('attacker side: nothing about a private space reaches anyone who may not read it', async () => {
    // Erin posts in Project X, then leaves the project (removed by an admin).
    const erin = await outboxOf('erin');
    const erinsPost = writePost(erin, { space: 'project-x', body: 'Draft timeline for the launch.' });
    await published('project-x', erinsPost);
    await admin(relay, 'space-remove-member', { space: 'project-x', person: 'erin' });
    // Mallory, still a member, replies to Erin's post, reacts to it, mentions Erin and Bob (never
    // members), and sends a message in a conversation Bob is not in.
    const mallory = await outboxOf('mallory');
    const reply = writeComment(mallory, { space: 'project-x', post: erinsPost, body: 'Launch moves to May, <@erin> <@bob> <@alice>.' });
    writeReaction(mallory, { space: 'project-x', target: erinsPost, emoji: '👀' });
    await published('project-x', reply);
    // Alice, a member, is told (so notices were written at all) ...
    await waitFor(async () => (await inboxOf('alice')).notices.some((n) => n.id === `${reply}:mention`), 10_000, 'member told');
    await waitFor(async () => (readSpace(await relay.host.open(bucketNow('project-x'))).posts.find((p) => p.id === erinsPost)?.reactions['👀'] ?? []).length === 1, 10_000, 'reaction published');
    // Mallory's entries are judged in order, one pass at a time: once a later one is through, so are these.
    const marker = writePost(mallory, { space: 'general', body: 'Marker, <@alice>.' });
    await waitFor(async () => (await inboxOf('alice')).notices.some((n) => n.id === `${marker}:mention`), 10_000, 'later entry judged');
    // ... Erin and Bob hear nothing: no reply, no mention, no reaction, no space name.
    for (const p of ['erin', 'bob']) {
      const inbox = await inboxOf(p);
      expect(inbox.notices.filter((n) => n.space === 'project-x' || n.message.includes('Project X'))).toEqual([]);
      expect(JSON.stringify(inbox.notices)).not.toContain('Launch moves');
    }
  });
});
