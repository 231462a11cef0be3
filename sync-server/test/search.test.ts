// The relay's full-text search (GET /api/search) through a real relay, on the engine under test:
// it finds posts and comments of old time buckets, and — from the attacker's side — never answers
// with a private space's words to a non-member, an item a moderator hid, a retracted one, or
// anything without a valid token; query syntax of either engine in the words is inert.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketRoomName, hideItem, noteBucketItem, publishInto, writeAcknowledgement, writeComment, writePost, editEntry, retractEntry } from '@hearth/core';
import { clientPool, runAdmin as admin, startTestRelay, waitFor } from './helpers.js';
import type { TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;
const OLD = Date.UTC(2024, 1, 14);

describe('relay search', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const http = () => relay.url.replace(/^ws/, 'http');
  const search = async (person: string | null, q: string, limit?: number) => {
    const headers: Record<string, string> = person === null ? {} : { authorization: `Bearer ${await relay.mintToken(person)}` };
    const res = await fetch(`${http()}/api/search?q=${encodeURIComponent(q)}${limit === undefined ? '' : `&limit=${limit}`}`, { headers });
    return { status: res.status, body: (await res.json()) as { results?: { id: string; kind: string; space: string; bucket: string | null; post: string; title: string; body: string }[]; error?: string } };
  };
  const ids = async (person: string, q: string) => ((await search(person, q)).body.results ?? []).map((r) => r.id).sort();

  beforeAll(async () => {
    relay = await startTestRelay({}, ['alice', 'bob', 'carol']);
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
    await admin(relay, 'space-create', { id: 'heron', name: 'Project Heron', visibility: 'private', facilitators: ['alice'], members: ['carol'] });
    // A post of two years ago, in its own time bucket (as the relay published it then).
    const old = { id: 'old-post', type: 'post', space: 'general', kind: 'discussion', title: 'Kingfisher survey results', body: 'The kingfisher census counted nine birds.', createdAt: OLD, editedAt: null, retracted: false } as const;
    const room = { kind: 'bucket', space: 'general', bucket: '2024-02' } as const;
    await relay.host.write(bucketRoomName('general', '2024-02'), (doc) => {
      const { note } = publishInto(doc, room, { author: 'bob', entry: old, version: 1, publishedAt: OLD });
      if (note !== null) void relay.host.write('space/general', (space) => void noteBucketItem(space, note.bucket, note));
    });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('finds published posts and comments, old buckets included, by words and prefixes', async () => {
    const alice = await clients.open('alice', 'outbox/alice');
    writeAcknowledgement(alice.doc, { policyVersion: 3 });
    const post = writePost(alice.doc, { space: 'general', title: 'Bike shed', body: 'The bike shed gets a new roof in spring.' });
    await waitFor(async () => (await ids('bob', 'roof')).includes(post), 10_000, 'the post is found');
    const bob = await clients.open('bob', 'outbox/bob');
    writeAcknowledgement(bob.doc, { policyVersion: 3 });
    const comment = writeComment(bob.doc, { space: 'general', post, body: 'Green tiles would be lovely.' });
    await waitFor(async () => (await ids('carol', 'tiles')).includes(comment), 10_000, 'the comment is found');
    const found = (await search('carol', 'lovel')).body.results ?? [];
    expect(found).toMatchObject([{ id: comment, kind: 'comment', space: 'general', post }]);
    const old = (await search('carol', 'kingfisher census')).body.results ?? [];
    expect(old).toMatchObject([{ id: 'old-post', kind: 'post', space: 'general', bucket: '2024-02', title: 'Kingfisher survey results' }]);
  });

  it('never answers a private space’s words to a non-member, but does to its members and facilitators', async () => {
    const alice = await clients.open('alice', 'outbox/alice');
    writeAcknowledgement(alice.doc, { policyVersion: 3 });
    const secret = writePost(alice.doc, { space: 'heron', title: 'Heron budget', body: 'The heron budget is four hundred thousand.' });
    await waitFor(async () => (await ids('carol', 'heron budget')).includes(secret), 10_000, 'the member finds it');
    expect(await ids('alice', 'heron')).toEqual([secret]);
    // Bob is no member: no word of it, however he asks.
    for (const q of ['heron', 'budget', 'four hundred thousand', 'heron*', '"heron" OR budget', 'NEAR(heron budget)', "heron' OR 1=1 --", 'heron:* | budget']) {
      const answer = await search('bob', q);
      expect(answer.status).toBe(200);
      expect(answer.body.results?.map((r) => r.id) ?? []).not.toContain(secret);
      expect(JSON.stringify(answer.body)).not.toContain('four hundred');
    }
    // Carol leaves (a facilitator removes her): from then on she finds nothing of it either.
    await admin(relay, 'space-remove-member', { space: 'heron', person: 'carol' });
    expect(await ids('carol', 'heron budget')).toEqual([]);
  });

  it('does not find what a moderator hid or its author retracted, and finds an edit by its new words', async () => {
    const alice = await clients.open('alice', 'outbox/alice');
    writeAcknowledgement(alice.doc, { policyVersion: 3 });
    const hidden = writePost(alice.doc, { space: 'general', title: 'Parking', body: 'Quarrelsome parking complaint.' });
    const retracted = writePost(alice.doc, { space: 'general', title: 'Lost umbrella', body: 'Striped umbrella lost in lobby.' });
    await waitFor(async () => (await ids('bob', 'quarrelsome')).length === 1 && (await ids('bob', 'striped')).length === 1, 10_000, 'both found');
    const [record] = await relay.storage.db.selectFrom('publication_state').select('target_room').where('entry_id', '=', hidden).execute();
    await relay.host.write(record!.target_room!, (doc) => void hideItem(doc, hidden, { now: Date.now() }));
    retractEntry(alice.doc, retracted);
    await waitFor(async () => (await ids('bob', 'quarrelsome')).length === 0 && (await ids('bob', 'striped')).length === 0, 10_000, 'neither found');
    const edited = writePost(alice.doc, { space: 'general', title: 'Canteen', body: 'Soup on Mondays.' });
    await waitFor(async () => (await ids('bob', 'soup')).includes(edited), 10_000, 'found');
    editEntry(alice.doc, edited, { body: 'Risotto on Mondays.' });
    await waitFor(async () => (await ids('bob', 'risotto')).includes(edited) && !(await ids('bob', 'soup')).includes(edited), 10_000, 'found by the new words only');
  });

  it('refuses without a valid token and answers bad input clearly', async () => {
    expect((await search(null, 'roof')).status).toBe(401);
    // Dave left the company: whatever his token still says, he finds nothing.
    const dave = await search('dave', 'roof');
    expect(dave.body.results ?? []).toEqual([]);
    expect((await search('bob', '')).status).toBe(400);
    expect((await search('bob', 'x'.repeat(201))).status).toBe(400);
    expect((await search('bob', 'roof', 51)).status).toBe(400);
    expect((await search('bob', '*** ((( """')).body).toEqual({ results: [] });
  });
});
