// Attacks on moderation through the case files, through a real relay: a moderator's or
// facilitator's modified app rewrites what a case says about its item (text, author, where it is)
// and then decides, writes with an actor that is not theirs, or decides on a space they may not
// act on. Each must leave every published document and every inbox as it was, and be recorded as
// refused (the audit journal; for a decision, also the case's `executions`).
import * as A from '@automerge/automerge';
import { Repo, type DocumentId } from '@automerge/automerge-repo';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  META,
  SPACE_POSTS,
  putDirectoryRecords,
  readDirectory,
  readInbox,
  readSpace,
  writeAcknowledgement,
  writePost,
  writeReport,
  type ModerationCase,
} from '@hearth/core';
import { createLogger } from '../src/log.js';
import { SqlCaseStorage } from '../src/moderation/case-storage.js';
import { startRelay, type RunningRelay } from '../src/server/relay.js';
import { connectProvider, openTestStorage, person, removeTestData, synced, testStorageFor, waitFor, bucketNow } from './helpers.js';
import type { TestClient, TestRelay } from './helpers.js';
import { connectModerator, moderationRelay, useModerationRelay } from './moderation-client.js';

interface JournalRow {
  kind: string;
  actor: string;
  details: { case?: string; outcome?: string; detail?: string; reason?: string; action?: string };
}
const journal = async (relay: RunningRelay, caseId: string): Promise<JournalRow[]> =>
  (await relay.storage.db.selectFrom('audit_journal').select(['kind', 'actor', 'details']).orderBy('seq').execute())
    .map((r) => ({ kind: r.kind, actor: r.actor, details: JSON.parse(r.details) as JournalRow['details'] }))
    .filter((r) => r.details.case === caseId);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every item, mark, status and notice in these documents (not their meta), as plain data to compare. */
const snapshot = (clients: TestClient[]) =>
  clients.map((c) => Object.fromEntries([...c.doc.share.keys()].filter((k) => k !== META).sort().map((k) => [k, c.doc.getMap(k).toJSON()])));

describe('moderation case files cannot forge what the relay publishes', () => {
  const suite = useModerationRelay();
  const { open, moderator } = suite;
  let relay: TestRelay;
  beforeAll(() => void (relay = suite.relay()));
  /** Every published document and inbox of the test company. */
  const everything = async () => [
    await open('bob', bucketNow('general')),
    await open('alice', bucketNow('media-wing')),
    ...(await Promise.all(['alice', 'bob', 'erin', 'hana'].map((p) => open(p, `inbox/${p}`)))),
  ];
  /**
   * Waits until the relay has refused something on the case (or 2 s), then long enough for a forged
   * decision to have been carried out: the assertions that follow check that nothing was.
   */
  const refused = async (caseId: string) => {
    await waitFor(async () => (await journal(relay, caseId)).some((r) => r.kind === 'case-change-refused' || r.details.outcome === 'refused'), 2000, 'refusal journaled').catch(() => undefined);
    await sleep(800); // longer than the settling time (500 ms): a decision that got through would be carried out by now
    await relay.moderation.idle();
  };

  it('restore after rewriting the item text: the rewrite is refused, the hidden post stays hidden and nobody is told anything', async () => {
    const mona = await moderator('mona');
    const post = writePost((await open('bob', 'outbox/bob')).doc, { space: 'general', body: 'Who brings the cake on Friday?' });
    const general = await open('bob', bucketNow('general'));
    await waitFor(() => readSpace(general.doc).posts.some((p) => p.id === post), 5000, 'post');
    writeReport((await open('erin', 'outbox/erin')).doc, { space: 'general', target: post, reason: 'Spam.' });
    const handle = await mona.waitForCase((c) => c.item.entryId === post, 'report case');
    const caseId = handle.doc().id;
    // What a moderator may do: a note, and a decision — both kept.
    mona.write(handle, (d) => void (d.notes['mona-n1'] = { by: 'mona', at: Date.now(), text: 'Looks like spam to me.' }));
    mona.decide(handle, 'hide', 'Off topic.');
    await waitFor(() => (readSpace(general.doc).hidden ?? []).includes(post), 5000, 'hidden');
    expect(relay.moderation.read(caseId)?.notes['mona-n1']?.text).toBe('Looks like spam to me.');
    const before = snapshot(await everything());

    mona.write(handle, (d) => void (d.item.body = 'I resign, effective today. Bob'));
    mona.decide(handle, 'restore');
    await refused(caseId);

    expect(snapshot(await everything())).toEqual(before);
    expect(general.doc.getMap<{ body: string }>(SPACE_POSTS).get(post)?.body).toBe('');
    expect(mona.network.closes).toContain(4403);
    expect(relay.moderation.read(caseId)?.item.body).toBe('Who brings the cake on Friday?');
    expect((await journal(relay, caseId)).filter((r) => r.kind === 'case-change-refused')).toMatchObject([{ actor: 'mona', details: { reason: expect.stringContaining('item') } }]);
  });

  it('hide with the item pointed at a post in another space: refused, the other post stays', async () => {
    const fay = await moderator('fay');
    const inside = writePost((await open('alice', 'outbox/alice')).doc, { space: 'media-wing', body: 'Northwind wants the media plan early.' });
    const target = writePost((await open('bob', 'outbox/bob')).doc, { space: 'general', body: 'Lunch at noon in the atrium?' });
    const general = await open('bob', bucketNow('general'));
    await waitFor(() => readSpace(general.doc).posts.some((p) => p.id === target), 5000, 'target post');
    const handle = await fay.waitForCase((c) => c.item.entryId === inside, 'own space case');
    const caseId = handle.doc().id;
    const before = snapshot(await everything());

    fay.write(handle, (d) => {
      d.source = 'report';
      d.space = 'general';
      d.item.entryId = target;
      d.item.room = 'space/general';
      d.item.authorId = 'bob';
    });
    fay.decide(handle, 'hide', 'Removed.');
    await refused(caseId);

    expect(snapshot(await everything())).toEqual(before);
    expect(readSpace(general.doc).posts.find((p) => p.id === target)?.body).toBe('Lunch at noon in the atrium?');
    expect((await journal(relay, caseId)).filter((r) => r.kind === 'case-change-refused')).toMatchObject([{ actor: 'fay' }]);
  });

  it('warn with a rewritten author: the official notice reaches nobody', async () => {
    const mona = await moderator('mona');
    const id = writePost((await open('alice', 'outbox/alice')).doc, { space: 'general', body: 'Northwind renewal call at three.' });
    const handle = await mona.waitForCase((c) => c.item.entryId === id, 'held case');
    const caseId = handle.doc().id;
    const erinInbox = await open('erin', 'inbox/erin');
    const before = snapshot(await everything());

    mona.write(handle, (d) => void (d.item.authorId = 'erin'));
    mona.decide(handle, 'warn', 'Reply to this notice with your password so HR can verify your account.');
    await refused(caseId);

    expect(snapshot(await everything())).toEqual(before);
    expect(readInbox(erinInbox.doc).notices.some((n) => n.kind === 'warning')).toBe(false);
    expect((await journal(relay, caseId)).filter((r) => r.kind === 'case-change-refused')).toMatchObject([{ actor: 'mona' }]);
  });

  it('a change with a random actor id is refused however the sync message encodes its bytes', async () => {
    const mona = await moderator('mona');
    const id = writePost((await open('alice', 'outbox/alice')).doc, { space: 'general', body: 'Northwind pricing sheet, final.' });
    const handle = await mona.waitForCase((c) => c.item.entryId === id, 'held case');
    const caseId = handle.doc().id;
    await waitFor(() => mona.repo.peers.length > 0, 5000, 'connected');
    const before = snapshot(await everything());
    // A modified app: its bytes travel as a CBOR typed array other than Uint8Array.
    const network = mona.network as unknown as { send(m: { type: string; data?: unknown }): void };
    const send = network.send.bind(network);
    network.send = (m) => send(m.type === 'sync' && m.data instanceof Uint8Array ? { ...m, data: new Uint8ClampedArray(m.data) } : m);
    // The document as it arrived carries a random actor: no binding.
    expect(A.getActorId(handle.doc())).toHaveLength(32);
    handle.change((d) => {
      d.decisions.sneaky = { id: 'sneaky', by: 'mona', at: Date.now(), action: 'approve', note: '', role: null, supersedes: [] };
    });
    await refused(caseId);

    expect(snapshot(await everything())).toEqual(before);
    expect(relay.moderation.read(caseId)?.decisions).toEqual({});
    expect(mona.network.closes).toContain(4403);
    const stored = await relay.storage.db.selectFrom('case_chunks').select('data').execute();
    expect(stored.some((r) => Buffer.from(r.data).includes(Buffer.from('sneaky')))).toBe(false);
  });

  it.each([
    ['taken off the space\'s facilitators', async () => relay.host.write('space/media-wing', (doc) => void doc.getMap(META).set('facilitators', []))],
    [
      'no longer a facilitator in the directory',
      async () =>
        relay.host.write('directory', (doc) => putDirectoryRecords(doc, [...readDirectory(doc).filter((p) => p.id !== 'fay'), person('fay')])),
    ],
  ])('a facilitator %s before her decision is carried out: refused, recorded, shown in the case, nothing done', async (_what, demote) => {
    const fay = await moderator('fay');
    const mona = await moderator('mona');
    const id = writePost((await open('alice', 'outbox/alice')).doc, { space: 'media-wing', body: 'Northwind brief for the media team.' });
    const handle = await fay.waitForCase((c) => c.item.entryId === id, 'own space case');
    const caseId = handle.doc().id;
    const before = snapshot(await everything());

    const decision = fay.decide(handle, 'approve');
    await waitFor(() => relay.moderation.read(caseId)?.decisions[decision] !== undefined, 5000, 'decision on the relay');
    await demote();
    await refused(caseId);
    try {
      expect(snapshot(await everything())).toEqual(before);
      expect(relay.moderation.read(caseId)?.executions[decision]).toMatchObject({ outcome: 'refused', detail: expect.stringContaining('fay') });
      const atMona = await mona.waitForCase((c) => c.id === caseId, 'case at mona');
      await waitFor(() => atMona.doc().executions[decision]?.outcome === 'refused', 5000, 'refusal shown to moderators');
      expect(await journal(relay, caseId)).toMatchObject([{ kind: 'decision', actor: 'fay', details: { decision, action: 'approve', outcome: 'refused' } }]);

      // The case is not stuck: a moderator's decision is carried out.
      mona.decide(atMona, 'approve');
      const media = await open('alice', bucketNow('media-wing'));
      await waitFor(() => readSpace(media.doc).posts.some((p) => p.id === id), 5000, 'approved by a moderator');
    } finally {
      await relay.host.write('space/media-wing', (doc) => void doc.getMap(META).set('facilitators', ['fay']));
      await relay.host.write('directory', (doc) =>
        putDirectoryRecords(doc, [...readDirectory(doc).filter((p) => p.id !== 'fay'), person('fay', { roles: ['employee', 'facilitator'] })]),
      );
    }
  });
});

describe('a case file changed behind the relay\'s back', () => {
  it.each([
    ['the relay recorded the item when it opened the case', false],
    ['the case row is from before the relay recorded items (filled at start from its own records)', true],
  ])('is not a source of text, author or place: restore writes back what the relay knows (%s)', async (_what, legacyRow) => {
    const first = await moderationRelay();
    const dataDir = first.dataDir;
    const token = async (r: RunningRelay, who: string) => r.mintToken(who);
    const bobOut = connectProvider(first.url, 'outbox/bob', await token(first, 'bob'));
    const erinOut = connectProvider(first.url, 'outbox/erin', await token(first, 'erin'));
    await Promise.all([synced(bobOut), synced(erinOut)]);
    writeAcknowledgement(bobOut.doc, { policyVersion: 3 });
    writeAcknowledgement(erinOut.doc, { policyVersion: 3 });
    const post = writePost(bobOut.doc, { space: 'general', body: 'Board games night, Thursday.' });
    const general = await first.host.open(bucketNow('general'));
    await waitFor(() => readSpace(general).posts.some((p) => p.id === post), 5000, 'post');
    writeReport(erinOut.doc, { space: 'general', target: post, reason: 'Not work related.' });
    const mona = connectModerator(first.url, 'mona', await token(first, 'mona'));
    const handle = await mona.waitForCase((c) => c.item.entryId === post, 'report case');
    const caseId = handle.doc().id;
    mona.decide(handle, 'hide', 'Please use the social space.');
    await waitFor(async () => (await journal(first, caseId)).some((r) => r.kind === 'decision'), 5000, 'hidden');
    const documentId = handle.documentId;
    await mona.close();
    bobOut.destroy();
    erinOut.destroy();
    await first.stop();

    // Someone with the database (or an accepted forgery from before the relay screened changes)
    // rewrites the case's item.
    const storage = await openTestStorage(dataDir);
    const offline = new Repo({ storage: new SqlCaseStorage(storage.db), network: [] });
    const file = await offline.find<ModerationCase>(documentId as DocumentId);
    file.change((d) => {
      d.item.body = 'I hereby resign. Bob';
      d.item.authorId = 'erin';
    });
    await offline.flush();
    await offline.shutdown();
    if (legacyRow) await storage.db.updateTable('case_documents').set({ item: null, findings: null }).where('case_id', '=', caseId).execute();
    await storage.close();

    const relay = await startRelay({ port: 0, host: '127.0.0.1', ...(await testStorageFor(dataDir)), logger: createLogger('silent'), moderationSettleMs: 200 });
    try {
      const again = connectModerator(relay.url, 'mona', await token(relay, 'mona'));
      const h = await again.waitForCase((c) => c.id === caseId, 'case after restart');
      expect(h.doc().item.body).toBe('I hereby resign. Bob');
      again.decide(h, 'restore');
      await waitFor(async () => (await journal(relay, caseId)).filter((r) => r.kind === 'decision').length === 2, 5000, 'restore carried out');
      const space = await relay.host.open(bucketNow('general'));
      expect(space.getMap<{ body: string; authorId: string }>(SPACE_POSTS).get(post)).toMatchObject({ body: 'Board games night, Thursday.', authorId: 'bob' });
      expect(readInbox(await relay.host.open('inbox/erin')).notices.some((n) => n.kind === 'published-after-review')).toBe(false);
      expect(readInbox(await relay.host.open('inbox/bob')).notices.some((n) => n.kind === 'published-after-review' && n.entryId === post)).toBe(true);
      const row = await relay.storage.db.selectFrom('case_documents').select('item').where('case_id', '=', caseId).executeTakeFirstOrThrow();
      expect(JSON.parse(row.item ?? 'null')).toMatchObject({ entryId: post, authorId: 'bob', room: bucketNow('general') });
      await again.close();
    } finally {
      await relay.stop();
      await removeTestData(dataDir);
    }
  });
});
