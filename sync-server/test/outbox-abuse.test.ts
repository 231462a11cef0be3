// Outbox abuse the policy and the relay must stop, each tried the way an attacker would, with a
// modified client writing straight into their own outbox: a post dated in the future to stay on top
// of the feed, reacting and withdrawing in a loop to grow a public document, acknowledging a policy
// version that does not exist, mentioning the whole company at once. And a flagged author is told.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  readInbox,
  readSpace,
  retractEntry,
  roomName,
  writeAcknowledgement,
  writePost,
  writeReaction,
} from '@hearth/core';
import { clientPool, runAdmin as admin, startTestRelay, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

type Rule = Record<string, unknown>;
const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as { version: number; rules: Rule[] };
const STAFF = Array.from({ length: 60 }, (_, i) => `staff${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);

describe('outbox abuse through a real relay', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const open = clients.open;
  // The demo policy, with a small reaction rate and the language rule flagging insults.
  const policy = {
    ...demoPolicy,
    version: demoPolicy.version + 1,
    rules: [
      ...demoPolicy.rules
        .filter((r) => r.kind !== 'reaction-rate')
        .map((r) => (r.kind === 'language' ? { ...r, categories: { ...(r.categories as Rule), insult: 'flag' } } : r)),
      { id: 'reaction-rate', kind: 'reaction-rate', severity: 'reject', maxPerHour: 4, message: 'That is a lot of reactions.', guidance: 'Wait a little.' },
    ],
  };
  const inboxOf = async (person: string) => readInbox(await relay.host.open(roomName({ kind: 'inbox', person })));

  beforeAll(async () => {
    relay = await startTestRelay({}, ['alice', 'bob', 'mallory', 'eve', ...STAFF]);
    await admin(relay, 'policy-set', { source: policy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('acknowledging a policy version other than the current one counts for nothing', async () => {
    const out = await open('mallory', 'outbox/mallory');
    const inbox = await open('mallory', 'inbox/mallory');
    const space = await open('bob', bucketNow('general'));
    const ack = writeAcknowledgement(out.doc, { policyVersion: 999 });
    const post = writePost(out.doc, { space: 'general', body: 'Posting without reading the policy.' });
    await waitFor(() => readInbox(inbox.doc).statuses[ack]?.state === 'rejected', 5000, 'ack refused');
    expect(readInbox(inbox.doc).statuses[ack]?.findings.map((f) => f.rule)).toEqual(['validation.not-current-policy']);
    await waitFor(() => readInbox(inbox.doc).statuses[post]?.state === 'waiting-acknowledgement', 5000, 'post waits');
    expect(readSpace(space.doc).posts.some((p) => p.id === post)).toBe(false);
    // The current version is accepted, and the waiting post goes out.
    writeAcknowledgement(out.doc, { policyVersion: policy.version });
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === post), 5000, 'post published after the real acknowledgement');
  });

  it('a post dated in 2286 is dated when the relay published it and does not stay on top', async () => {
    const mallory = await open('mallory', 'outbox/mallory');
    const alice = await open('alice', 'outbox/alice');
    const space = await open('bob', bucketNow('general'));
    writeAcknowledgement(alice.doc, { policyVersion: policy.version });
    const before = Date.now();
    const pinned = writePost(mallory.doc, { space: 'general', body: 'Read me first, forever.' }, { now: Date.UTC(2286, 0, 1) });
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === pinned), 5000, 'future post');
    const dated = readSpace(space.doc).posts.find((p) => p.id === pinned);
    expect(dated?.createdAt).toBeGreaterThanOrEqual(before);
    expect(dated?.createdAt).toBeLessThanOrEqual(Date.now());
    const later = writePost(alice.doc, { space: 'general', body: 'Lunch is served.' });
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === later), 5000, 'later post');
    expect(readSpace(space.doc).posts[0]?.id).toBe(later);
  });

  it('reacting and withdrawing in a loop: withdrawn reactions are collected, and the rate stops the loop', async () => {
    const out = await open('mallory', 'outbox/mallory');
    const inbox = await open('mallory', 'inbox/mallory');
    const space = await open('bob', bucketNow('general'));
    const target = readSpace(space.doc).posts[0]?.id as string;
    const reactionsOnTarget = () => readSpace(space.doc).posts.find((p) => p.id === target)?.reactions['👍'] ?? [];
    const size = () => Y.encodeStateAsUpdate(space.doc).byteLength;
    const start = size();
    for (let round = 0; round < 4; round++) {
      const id = writeReaction(out.doc, { space: 'general', target, emoji: '👍' });
      await waitFor(() => reactionsOnTarget().includes('mallory'), 5000, `reaction ${round}`);
      retractEntry(out.doc, id);
      await waitFor(() => !reactionsOnTarget().includes('mallory') && !space.doc.getMap('reactions').has(id), 5000, `withdrawal ${round}`);
    }
    // A 'retracted' record per round cost ~200 bytes for ever; a deleted key leaves ~40.
    expect((size() - start) / 4).toBeLessThan(80);
    // The fifth reaction within the hour is refused, with the rule's words, and never published.
    const fifth = writeReaction(out.doc, { space: 'general', target, emoji: '👍' });
    await waitFor(() => readInbox(inbox.doc).statuses[fifth]?.state === 'rejected', 5000, 'fifth reaction refused');
    expect(readInbox(inbox.doc).statuses[fifth]?.findings).toEqual([expect.objectContaining({ rule: 'reaction-rate', severity: 'reject', guidance: 'Wait a little.' })]);
    expect(space.doc.getMap('reactions').has(fifth)).toBe(false);
    // Someone else's reactions are their own count.
    const bob = await open('bob', 'outbox/bob');
    writeAcknowledgement(bob.doc, { policyVersion: policy.version });
    writeReaction(bob.doc, { space: 'general', target, emoji: '🎉' });
    await waitFor(() => (readSpace(space.doc).posts.find((p) => p.id === target)?.reactions['🎉'] ?? []).includes('bob'), 5000, 'bob reacts');
  });

  it('one post mentioning 60 people notifies only as many as the policy lets through', async () => {
    const out = await open('alice', 'outbox/alice');
    const space = await open('bob', bucketNow('general'));
    const post = writePost(out.doc, { space: 'general', body: `Team photo at noon! ${STAFF.map((p) => `<@${p}>`).join(' ')}` });
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === post), 5000, 'mass mention published (the rule warns)');
    const limit = demoPolicy.rules.find((r) => r.kind === 'mass-mentions')?.maxMentions as number;
    // Mention notices go out after the post is in the space; the relay records the publication
    // once every one of them is written, so only then is "no more than the limit" a fact.
    await waitFor(async () => (await relay.storage.db.selectFrom('publication_state').select('outcome').where('entry_id', '=', post).executeTakeFirst())?.outcome === 'published', 5000, 'publication recorded');
    const notified: string[] = [];
    for (const p of STAFF) if ((await inboxOf(p)).notices.some((n) => n.kind === 'mention' && n.entryId === post)) notified.push(p);
    expect(notified).toEqual(STAFF.slice(0, limit));
  });

  it("copying the id of someone else's published post changes neither the post nor the relay's record of it", async () => {
    await admin(relay, 'space-create', { id: 'social', name: 'Social' });
    const alice = await open('alice', 'outbox/alice');
    const general = await open('bob', bucketNow('general'));
    const social = await open('bob', bucketNow('social'));
    writeAcknowledgement(alice.doc, { policyVersion: policy.version });
    const postId = writePost(alice.doc, { space: 'general', title: 'Canteen', body: 'The canteen opens at noon.' });
    await waitFor(() => readSpace(general.doc).posts.some((p) => p.id === postId), 5000, "alice's post published");
    const recordOf = (id: string) => relay.storage.db.selectFrom('publication_state').selectAll().where('entry_id', '=', id).executeTakeFirst();
    await waitFor(async () => (await recordOf(postId)) !== undefined, 5000, "alice's post recorded");
    const before = await recordOf(postId);

    // Eve's modified client writes a post of hers under alice's id, into another space, in one
    // update with a post of her own (so one pass judges both).
    const eve = await open('eve', 'outbox/eve');
    writeAcknowledgement(eve.doc, { policyVersion: policy.version });
    let own = '';
    eve.doc.transact(() => {
      writePost(eve.doc, { space: 'social', title: 'Canteen', body: 'Free lunch for everyone today, alice says.' }, { id: postId });
      own = writePost(eve.doc, { space: 'social', body: 'A post of my own.' });
    });
    await waitFor(async () => (await recordOf(own)) !== undefined, 5000, "eve's own post recorded");
    await new Promise((r) => setTimeout(r, 300));

    expect(readSpace(social.doc).posts.map((p) => p.id)).toEqual([own]);
    const original = readSpace(general.doc).posts.find((p) => p.id === postId);
    expect([original?.authorId, original?.body]).toEqual(['alice', 'The canteen opens at noon.']);
    expect(await recordOf(postId)).toEqual(before);
  });

  it('tells a flagged author why, with the guidance, in a notice', async () => {
    const out = await open('alice', 'outbox/alice');
    const space = await open('bob', bucketNow('general'));
    const post = writePost(out.doc, { space: 'general', body: 'The printer is a bastard again.' });
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === post), 5000, 'flagged post published');
    await waitFor(() => readInbox(readonlyInbox).notices.some((n) => n.entryId === post), 5000, 'notice');
    const notice = readInbox(readonlyInbox).notices.find((n) => n.entryId === post);
    const language = demoPolicy.rules.find((r) => r.kind === 'language') as Rule;
    expect(notice).toMatchObject({ kind: 'flagged', findings: [expect.objectContaining({ rule: 'respectful-language', severity: 'flag', guidance: language.guidance })] });
  });
  let readonlyInbox: Y.Doc;
  beforeAll(async () => {
    readonlyInbox = (await open('alice', 'inbox/alice')).doc;
  });
});
