// Recognition and knowledge through a real relay: kudos written with @hearth/core into outboxes by
// the stock provider, published by the relay into the `recognition` room, badges awarded by the
// relay alone from core's rules, and the admin's switch refusing kudos for an organisation or country.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KUDOS_FOR_BADGE,
  putDirectoryRecords,
  readBestOf,
  readInbox,
  readRecognition,
  retractEntry,
  writeAcceptAnswer,
  writeAcknowledgement,
  writeBestOf,
  writeBookmark,
  writeComment,
  writeKudos,
  writeKudosConsent,
  writeLeaderboard,
  writePost,
  type InboxView,
} from '@hearth/core';
import { bucketNow, clientPool, person, runAdmin as admin, runCli, startTestRelay, storageArgs, waitFor } from './helpers.js';
import type { TestClient, TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;
const GIVERS = ['g1', 'g2'];
const PEOPLE = ['alice', 'bob', 'carol', ...GIVERS];
const DAY = 86_400_000;

describe('recognition', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const open = clients.open;
  const outboxes = new Map<string, TestClient>();
  const outbox = async (who: string): Promise<TestClient> => {
    const known = outboxes.get(who);
    if (known) return known;
    const c = await open(who, `outbox/${who}`);
    writeAcknowledgement(c.doc, { policyVersion: 3 });
    outboxes.set(who, c);
    return c;
  };
  const inbox = async (who: string): Promise<InboxView & { client: TestClient }> => {
    const c = await open(who, `inbox/${who}`);
    return Object.assign(readInbox(c.doc), { client: c });
  };
  const state = (c: TestClient, id: string) => readInbox(c.doc).statuses[id];
  const rejected = async (who: string, id: string): Promise<string | undefined> => {
    const box = (await inbox(who)).client;
    await waitFor(() => state(box, id) !== undefined, 5000, `status of ${id}`);
    return state(box, id)?.findings[0]?.rule;
  };
  let room: TestClient;
  const view = () => readRecognition(room.doc);
  const hasBadge = (p: string, badge: string) => view().badges.some((b) => b.person === p && b.badge === badge);

  beforeAll(async () => {
    relay = await startTestRelay({}, PEOPLE);
    await relay.host.write('directory', (doc) =>
      putDirectoryRecords(doc, [
        ...PEOPLE.map((p) => person(p)),
        person('lena', { country: 'DE', givenName: 'Lena', familyName: 'Vogel' }),
        person('fay', { roles: ['employee', 'facilitator'] }),
      ]),
    );
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General', facilitators: ['fay'] });
    room = await open('carol', 'recognition');
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('a kudos reaches the recognition room with its author from the outbox; kudos to oneself are refused', async () => {
    const out = await outbox('alice');
    const id = writeKudos(out.doc, { to: 'bob', message: 'Thanks for reviewing the rota at short notice.' });
    await waitFor(() => view().kudos.some((k) => k.id === id), 5000, 'kudos published');
    expect(view().kudos.find((k) => k.id === id)).toMatchObject({ authorId: 'alice', to: 'bob', space: null });
    const bobBox = (await inbox('bob')).client;
    await waitFor(() => readInbox(bobBox.doc).notices.some((n) => n.kind === 'kudos' && n.entryId === id && n.about === 'alice'), 5000, 'kudos notice');
    const own = writeKudos(out.doc, { to: 'alice', message: 'Well done me' });
    expect(await rejected('alice', own)).toBe('validation.own-kudos');
    expect(view().kudos.some((k) => k.id === own)).toBe(false);
  });

  it('the giver withdraws a kudos and it leaves the recognition room; nobody else can withdraw it', async () => {
    const out = await outbox('alice');
    const id = writeKudos(out.doc, { to: 'carol', message: 'Thanks for covering the Friday shift.' });
    await waitFor(() => view().kudos.some((k) => k.id === id), 5000, 'kudos published');
    // Attacker: bob puts a withdrawal under alice's kudos id in his own outbox, then a kudos of his
    // own; once his own is published, his pass has run over the forged one, which changed nothing.
    const bob = await outbox('bob');
    bob.doc.getMap('entries').set(id, { type: 'kudos', to: 'carol', message: '', space: null, createdAt: Date.now(), editedAt: Date.now(), retracted: true });
    const marker = writeKudos(bob.doc, { to: 'alice', message: 'Thanks for the rota.' });
    await waitFor(() => view().kudos.some((k) => k.id === marker), 5000, 'bob’s own kudos');
    expect(view().kudos.find((k) => k.id === id)).toMatchObject({ authorId: 'alice', message: 'Thanks for covering the Friday shift.' });
    // The giver can: the kudos leaves the room.
    retractEntry(out.doc, id);
    await waitFor(() => !view().kudos.some((k) => k.id === id), 5000, 'kudos withdrawn');
    retractEntry(bob.doc, marker); // leaves the badge counts of later tests as they were
    await waitFor(() => !view().kudos.some((k) => k.id === marker), 5000, 'marker withdrawn');
  });

  it('the message is judged by the behaviour policy like any text: a confidential name is held, never published', async () => {
    const out = await outbox('alice');
    const id = writeKudos(out.doc, { to: 'bob', message: 'Great pitch to Northwind yesterday!' });
    const box = (await inbox('alice')).client;
    await waitFor(() => state(box, id)?.state === 'held', 5000, 'held');
    expect(view().kudos.some((k) => k.id === id)).toBe(false);
  });

  it('badges come from the relay only: policy acknowledged, first post, and ten kudos received (the eleventh kudos of a day is refused)', async () => {
    const out = await outbox('carol');
    await waitFor(() => hasBadge('carol', 'policy-acknowledged'), 5000, 'acknowledged badge');
    writePost(out.doc, { space: 'general', title: 'Hello', body: 'First post here.' });
    await waitFor(() => hasBadge('carol', 'first-post'), 5000, 'first-post badge');

    const giver = await outbox('g1');
    const ids = Array.from({ length: KUDOS_FOR_BADGE }, (_, i) => writeKudos(giver.doc, { to: 'carol', message: `Thank you, number ${i + 1}` }));
    await waitFor(() => hasBadge('carol', 'ten-kudos'), 10_000, 'ten-kudos badge');
    expect(view().kudos.filter((k) => ids.includes(k.id))).toHaveLength(KUDOS_FOR_BADGE);
    const eleventh = writeKudos(giver.doc, { to: 'bob', message: 'One more' });
    expect(await rejected('g1', eleventh)).toBe('validation.too-many-kudos');
  });

  it('a month of helping in a space: five comments over thirty days', async () => {
    const out = await outbox('bob');
    const now = Date.now();
    // Written offline over six weeks: entry ids (ULIDs) carry their time, so the post sorts first.
    const post = writePost(out.doc, { space: 'general', title: 'Questions about the rota', body: 'Ask here.' }, { now: now - 41 * DAY });
    for (let i = 0; i < 5; i++) writeComment(out.doc, { space: 'general', post, body: `Answer ${i}` }, { now: now - (40 - i * 10) * DAY });
    await waitFor(() => view().badges.some((b) => b.person === 'bob' && b.badge === 'month-of-helping' && b.space === 'general'), 5000, 'helping badge');
  });

  it('an accepted answer earns its author (not the asker) a badge', async () => {
    const asker = await outbox('alice');
    const helper = await outbox('g2');
    const space = await open('carol', bucketNow('general'));
    const question = writePost(asker.doc, { space: 'general', kind: 'question', title: 'Where is the rota?', body: 'Cannot find it.' });
    const box = (await inbox('alice')).client;
    await waitFor(() => space.doc.getMap('posts').has(question) || state(box, question) !== undefined, 5000, 'question');
    expect(state(box, question)).toBeUndefined();
    const answer = writeComment(helper.doc, { space: 'general', post: question, body: 'On the team page.' });
    await waitFor(() => space.doc.getMap('comments').has(answer), 5000, 'answer');
    writeAcceptAnswer(asker.doc, { space: 'general', post: question, comment: answer });
    await waitFor(() => hasBadge('g2', 'first-accepted-answer'), 5000, 'accepted-answer badge');
    expect(hasBadge('alice', 'first-accepted-answer')).toBe(false);
  });

  it('shown in a space only with the recipient’s consent; leaderboards switched by facilitators only', async () => {
    const out = await outbox('g2');
    writeKudos(out.doc, { to: 'bob', message: 'Thanks for the rota answers', space: 'general' });
    writeKudosConsent((await outbox('bob')).doc, { inSpaces: true });
    await waitFor(() => view().consenting.has('bob') && view().kudos.some((k) => k.space === 'general' && k.to === 'bob'), 5000, 'consent');
    const notMine = writeLeaderboard((await outbox('alice')).doc, { space: 'general', enabled: true });
    expect(await rejected('alice', notMine)).toBe('validation.not-a-facilitator');
    expect(view().leaderboards.has('general')).toBe(false);
    writeLeaderboard((await outbox('fay')).doc, { space: 'general', enabled: true });
    await waitFor(() => view().leaderboards.has('general'), 5000, 'leaderboard on');
  });

  it('switched off for a country: kudos to or from there refused, no badges; off for the organisation: every kudos refused', async () => {
    await admin(relay, 'recognition-set', { offCountries: ['DE'] });
    await waitFor(() => view().settings.offCountries.includes('DE'), 5000, 'settings');
    const toLena = writeKudos((await outbox('alice')).doc, { to: 'lena', message: 'Danke!' });
    expect(await rejected('alice', toLena)).toBe('validation.recipient-recognition-off');
    const lena = await outbox('lena');
    const fromLena = writeKudos(lena.doc, { to: 'alice', message: 'Thanks' });
    expect(await rejected('lena', fromLena)).toBe('validation.recognition-off');
    writePost(lena.doc, { space: 'general', title: 'Hallo', body: 'Erster Beitrag' });
    await new Promise((r) => setTimeout(r, 500));
    expect(view().badges.filter((b) => b.person === 'lena')).toEqual([]);

    await admin(relay, 'recognition-set', { enabled: false });
    const off = writeKudos((await outbox('alice')).doc, { to: 'bob', message: 'Thanks again' });
    expect(await rejected('alice', off)).toBe('validation.recognition-off');
    await admin(relay, 'recognition-set', { enabled: true, offCountries: [] });
  });

  it('the admin switches it with the CLI, through the running relay', async () => {
    const r = await runCli('recognition', '--off-countries', 'fr,AT', ...storageArgs(relay.dataDir));
    expect(r.code, r.stderr).toBe(0);
    await waitFor(() => view().settings.offCountries.join() === 'AT,FR', 5000, 'countries');
    expect((await runCli('recognition', '--off-countries', 'France', ...storageArgs(relay.dataDir))).code).toBe(1);
    expect((await runCli('recognition', '--off-countries', '', ...storageArgs(relay.dataDir))).code).toBe(0);
    await waitFor(() => view().settings.offCountries.length === 0 && view().settings.enabled, 5000, 'cleared');
  });

  it('best-of picks are published into the space by facilitators; bookmarks are never published anywhere', async () => {
    const fay = await outbox('fay');
    const alice = await outbox('alice');
    const post = writePost(alice.doc, { space: 'general', title: 'How we run incident reviews', body: 'A write-up. #incidents' });
    const space = await open('carol', bucketNow('general'));
    await waitFor(() => space.doc.getMap('posts').has(post), 5000, 'post');
    const notMine = writeBestOf(alice.doc, { space: 'general', post });
    expect(await rejected('alice', notMine)).toBe('validation.not-a-facilitator');
    writeBestOf(fay.doc, { space: 'general', post });
    // Best-of picks live in the space document itself (small), the posts in its time buckets.
    const spaceDoc = await open('carol', 'space/general');
    await waitFor(() => readBestOf(spaceDoc.doc).some((i) => i.post === post && i.addedBy === 'fay'), 5000, 'best-of');
    const mark = writeBookmark(alice.doc, { space: 'general', post });
    // Entries of one outbox are judged in id order: once a later post is published, the bookmark was judged.
    const after = writePost(alice.doc, { space: 'general', title: 'Later', body: 'After the bookmark.' });
    await waitFor(() => space.doc.getMap('posts').has(after), 5000, 'later post');
    // toJSON lists only the root types a doc has named: name every one the space document can hold.
    for (const root of ['meta', 'members', 'posts', 'comments', 'reactions', 'moderation', 'bestOf', 'answers']) space.doc.getMap(root);
    for (const root of ['meta', 'members', 'buckets', 'bestOf', 'answers']) spaceDoc.doc.getMap(root);
    expect(JSON.stringify(space.doc.toJSON())).not.toContain(mark);
    expect(JSON.stringify(spaceDoc.doc.toJSON())).not.toContain(mark);
    expect(JSON.stringify(room.doc.toJSON())).not.toContain(mark);
  });
});
