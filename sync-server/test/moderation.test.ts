// Moderation cases end to end through a real relay: holds, flags and reports open Automerge case
// files that moderators' automerge-repo clients receive over `/automerge`; their decisions are
// carried out on the published documents, once; disagreements made blind to each other are shown
// and carried out by nobody until resolved; facilitators see their own spaces only.
import { beforeAll, describe, expect, it } from 'vitest';
import * as A from '@automerge/automerge';
import { cbor } from '@automerge/automerge-repo';
import {
  deriveCaseState,
  moderatorActorId,
  putDirectoryRecords,
  readConversation,
  readDirectory,
  readInbox,
  readInboxConversations,
  readSpace,
  SPACE_COMMENTS,
  writeAcknowledgement,
  writeComment,
  writeMessage,
  writePost,
  writeReport,
  type ModerationCase,
} from '@hearth/core';
import { createLogger } from '../src/log.js';
import { startRelay, type RunningRelay } from '../src/server/relay.js';
import { connectProvider, openTestStorage, person, rawClient, removeTestData, synced, testStorageFor, waitFor, bucketNow } from './helpers.js';
import type { TestClient, TestRelay } from './helpers.js';
import { connectModerator, moderationRelay, useModerationRelay } from './moderation-client.js';

const decisionsOf = async (relay: RunningRelay, caseId: string) =>
  (await relay.storage.db.selectFrom('audit_journal').select('details').where('kind', '=', 'decision').orderBy('seq').execute())
    .map((r) => JSON.parse(r.details) as { case: string; action: string; outcome: string })
    .filter((d) => d.case === caseId);

describe('moderation cases', () => {
  const suite = useModerationRelay();
  const { open, moderator } = suite;
  let relay: TestRelay;
  beforeAll(() => void (relay = suite.relay()));


  it('a held post opens a case that a moderator receives; approving publishes it with its author', async () => {
    const mona = await moderator('mona');
    const out = await open('alice', 'outbox/alice');
    const inbox = await open('alice', 'inbox/alice');
    const space = await open('bob', bucketNow('general'));
    const id = writePost(out.doc, { space: 'general', title: 'Monday', body: 'Kick-off with Northwind on Monday.' });
    const handle = await mona.waitForCase((c) => c.item.entryId === id, 'held case');
    expect(handle.doc()).toMatchObject({ source: 'hold', space: 'general', item: { authorId: 'alice', title: 'Monday', body: 'Kick-off with Northwind on Monday.', version: 1 } });
    expect(handle.doc().findings[0]?.rule).toBe('client-names');
    expect(readSpace(space.doc).posts.some((p) => p.id === id)).toBe(false);

    const decision = mona.decide(handle, 'approve', 'A customer name in an internal space is fine.');
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === id), 5000, 'published after approval');
    expect(readSpace(space.doc).posts.find((p) => p.id === id)).toMatchObject({ authorId: 'alice', body: 'Kick-off with Northwind on Monday.' });
    await waitFor(() => readInbox(inbox.doc).notices.some((n) => n.kind === 'published-after-review' && n.entryId === id), 5000, 'author told');
    expect(readInbox(inbox.doc).statuses[id]?.state).toBe('published');
    await waitFor(() => handle.doc().executions[decision]?.outcome === 'done', 5000, 'execution shown in the case');
    expect(await decisionsOf(relay, handle.doc().id)).toMatchObject([{ action: 'approve', outcome: 'done' }]);
  });

  it('hiding a held post that was approved meanwhile removes it for readers, not only in the author\'s inbox', async () => {
    const mona = await moderator('mona');
    const out = await open('alice', 'outbox/alice');
    const inbox = await open('alice', 'inbox/alice');
    const views = [await open('bob', bucketNow('general')), await open('erin', bucketNow('general'))];
    const id = writePost(out.doc, { space: 'general', title: 'Visit', body: 'Northwind visits the plant on Friday.' });
    const handle = await mona.waitForCase((c) => c.item.entryId === id, 'held case');
    const visible = (v: TestClient) => readSpace(v.doc).posts.some((p) => p.id === id);
    mona.decide(handle, 'approve');
    await waitFor(() => views.every(visible), 5000, 'published after approval');

    // On second thought: the case, opened from the hold, is decided again.
    const hide = mona.decide(handle, 'hide', 'The visit is confidential.');
    await waitFor(() => views.every((v) => !visible(v)), 5000, 'hidden for every reader');
    for (const v of views) expect(readSpace(v.doc).hidden).toContain(id);
    await waitFor(() => readInbox(inbox.doc).notices.some((n) => n.kind === 'hidden' && n.entryId === id), 5000, 'author told');
    await waitFor(() => handle.doc().executions[hide]?.outcome === 'done', 5000, 'execution shown in the case');

    // And restoring it brings it back: it is published, so there is something to restore.
    mona.decide(handle, 'restore');
    await waitFor(() => views.every(visible), 5000, 'restored for every reader');
    expect(readSpace(views[0]!.doc).posts.find((p) => p.id === id)?.body).toBe('Northwind visits the plant on Friday.');
  });

  it('a report on a published comment opens a case; hiding it removes it from every member\'s document', async () => {
    const mona = await moderator('mona');
    const bobOut = await open('bob', 'outbox/bob');
    const aliceOut = await open('alice', 'outbox/alice');
    const erinOut = await open('erin', 'outbox/erin');
    const aliceInbox = await open('alice', 'inbox/alice');
    const views = [await open('bob', bucketNow('general')), await open('erin', bucketNow('general')), await open('alice', bucketNow('general'))];
    const post = writePost(bobOut.doc, { space: 'general', body: 'Who runs the quiz on Friday?' });
    await waitFor(() => views.every((v) => readSpace(v.doc).posts.some((p) => p.id === post)), 5000, 'post');
    const comment = writeComment(aliceOut.doc, { space: 'general', post, body: 'Not Bob, his questions are always useless.' });
    const visible = (v: TestClient) => readSpace(v.doc).posts.find((p) => p.id === post)?.comments.some((c) => c.id === comment) === true;
    await waitFor(() => views.every(visible), 5000, 'comment');
    writeReport(erinOut.doc, { space: 'general', target: comment, reason: 'Belittles a colleague.' });

    const handle = await mona.waitForCase((c) => c.item.entryId === comment, 'report case');
    expect(handle.doc()).toMatchObject({ source: 'report', item: { authorId: 'alice', type: 'comment', body: 'Not Bob, his questions are always useless.' } });
    expect(Object.values(handle.doc().reports)).toMatchObject([{ reporter: 'erin', reason: 'Belittles a colleague.' }]);
    mona.decide(handle, 'hide', 'Please keep it about the work.');
    await waitFor(() => views.every((v) => !visible(v)), 5000, 'hidden for everyone');
    for (const v of views) expect(readSpace(v.doc).hidden).toContain(comment);
    await waitFor(() => readInbox(aliceInbox.doc).notices.some((n) => n.kind === 'hidden' && n.entryId === comment), 5000, 'author told');
    expect(readInbox(aliceInbox.doc).notices.find((n) => n.kind === 'hidden' && n.entryId === comment)?.message).toContain('Please keep it about the work.');
    // The words left the published document; the case keeps them.
    for (const v of views) expect(v.doc.getMap<{ body: string; state: string }>(SPACE_COMMENTS).get(comment)).toMatchObject({ body: '', state: 'hidden' });
    expect(handle.doc().item.body).toBe('Not Bob, his questions are always useless.');

    // Restoring brings it back, words included.
    mona.decide(handle, 'restore');
    await waitFor(() => views.every(visible), 5000, 'restored for everyone');
    expect(readSpace(views[0]!.doc).posts.find((p) => p.id === post)?.comments.find((c) => c.id === comment)?.body).toBe('Not Bob, his questions are always useless.');
  });

  it('two moderators deciding the same case differently while offline see a conflict, and nothing is carried out until it is resolved', async () => {
    const mona = await moderator('mona');
    const max = await moderator('max');
    const out = await open('alice', 'outbox/alice');
    const inbox = await open('alice', 'inbox/alice');
    const space = await open('bob', bucketNow('general'));
    const id = writePost(out.doc, { space: 'general', body: 'Northwind renewal looks likely.' });
    const h1 = await mona.waitForCase((c) => c.item.entryId === id, 'case at mona');
    const h2 = await max.waitForCase((c) => c.item.entryId === id, 'case at max');
    const caseId = h1.doc().id;
    await mona.offline();
    await max.offline();
    const approve = mona.decide(h1, 'approve');
    const hide = max.decide(h2, 'hide', 'Client names stay in the account space.');
    await Promise.all([mona.online(), max.online()]);
    for (const h of [h1, h2]) await waitFor(() => Object.keys(h.doc().decisions).length === 2, 5000, 'both decisions');
    for (const h of [h1, h2]) {
      const state = deriveCaseState(h.doc());
      expect(state.status).toBe('conflict');
      expect(state.conflicting.map((d) => d.id).sort()).toEqual([approve, hide].sort());
    }
    await waitFor(() => relay.moderation.read(caseId)?.decisions[hide] !== undefined && relay.moderation.read(caseId)?.decisions[approve] !== undefined, 5000, 'relay has both');
    await relay.moderation.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(await decisionsOf(relay, caseId)).toEqual([]);
    expect(readSpace(space.doc).posts.some((p) => p.id === id)).toBe(false);
    expect(readInbox(inbox.doc).notices.some((n) => n.entryId === id && n.kind !== 'held')).toBe(false);

    // Mona, having seen both, resolves: her decision supersedes the two.
    const resolution = mona.decide(h1, 'hide', 'Agreed with Max.');
    expect(h1.doc().decisions[resolution]?.supersedes.sort()).toEqual([approve, hide].sort());
    await waitFor(() => readInbox(inbox.doc).notices.some((n) => n.kind === 'hidden' && n.entryId === id), 5000, 'resolution carried out');
    await relay.moderation.idle(); // the decision is journaled after its documents are written
    expect(await decisionsOf(relay, caseId)).toMatchObject([{ action: 'hide', outcome: 'done' }]);
    await waitFor(() => h2.doc().executions[approve]?.outcome === 'overruled' && h2.doc().executions[hide]?.outcome === 'overruled', 5000, 'overruled shown');
    expect(readSpace(space.doc).posts.some((p) => p.id === id)).toBe(false);
  });

  it('a facilitator sees and acts on the cases of their own spaces only', async () => {
    const fay = await moderator('fay');
    const mona = await moderator('mona');
    const out = await open('alice', 'outbox/alice');
    const inside = writePost(out.doc, { space: 'media-wing', body: 'Northwind wants the media plan early.' });
    const outside = writePost(out.doc, { space: 'general', body: 'Northwind visits on Thursday.' });
    await fay.waitForCase((c) => c.item.entryId === inside, 'own space case');
    const other = await mona.waitForCase((c) => c.item.entryId === outside, 'other space case (moderator)');
    await new Promise((r) => setTimeout(r, 300));
    expect([...fay.cases().values()].every((h) => h.doc().space === 'media-wing')).toBe(true);
    // Asking for the other case by its id gets nothing either.
    const asked = await Promise.race([
      fay.repo.find<ModerationCase>(other.documentId).then((h) => (h.isReady() ? 'served' : 'refused'), () => 'refused'),
      new Promise((r) => setTimeout(() => r('refused'), 1500)),
    ]);
    expect(asked).toBe('refused');
    expect(fay.network.closes).toEqual([]);
    // …and acts on her own.
    const own = [...fay.cases().values()].find((h) => h.doc().item.entryId === inside)!;
    fay.decide(own, 'approve');
    const media = await open('alice', bucketNow('media-wing'));
    await waitFor(() => readSpace(media.doc).posts.some((p) => p.id === inside), 5000, 'approved by the facilitator');
  });

  it('approving a held first message starts the conversation; its case is for moderators only', async () => {
    const mona = await moderator('mona');
    const fay = await moderator('fay');
    const bobOut = await open('bob', 'outbox/bob');
    const erinInbox = await open('erin', 'inbox/erin');
    const { entryId: id, conversation } = writeMessage(bobOut.doc, { to: ['erin'], body: 'Notes from the Northwind call attached.' });
    const handle = await mona.waitForCase((c) => c.item.entryId === id, 'message case');
    expect(handle.doc()).toMatchObject({ space: null, item: { type: 'message', room: `dm/${conversation}` } });
    expect(await relay.host.exists(`dm/${conversation}`)).toBe(false);
    mona.decide(handle, 'approve');
    await waitFor(() => readInboxConversations(erinInbox.doc).some((c) => c.id === conversation), 5000, 'conversation reaches erin');
    const dm = await open('erin', `dm/${conversation}`);
    await waitFor(() => readConversation(dm.doc).messages.some((m) => m.id === id && m.authorId === 'bob'), 5000, 'message');
    expect([...fay.cases().values()].some((h) => h.doc().item.entryId === id)).toBe(false);
  });

  it('refuses /automerge to anyone who is not a moderator or facilitator, and to bad tokens', async () => {
    expect((await rawClient(relay.url, 'automerge', await relay.mintToken('bob')).closed).code).toBe(4403);
    expect((await rawClient(relay.url, 'automerge', 'not-a-token').closed).code).toBe(4401);
    expect((await rawClient(relay.url, 'automerge', null).closed).code).toBe(4401);
  });

  it('a message that is not a CBOR map closes only its own socket', async () => {
    // null, 1, [], "", and a join whose supportedProtocolVersions is not a list
    const join = [...cbor.encode({ type: 'join', senderId: 'p', supportedProtocolVersions: 5 })];
    for (const bytes of [[0xf6], [0x01], [0x80], [0x60], join]) {
      const c = rawClient(relay.url, 'automerge', await relay.mintToken('mona'));
      await c.opened;
      c.ws.send(Buffer.from(bytes));
      expect((await c.closed).code).toBe(4400);
    }
    const mona = await moderator('mona');
    await waitFor(() => mona.repo.peers.length > 0, 5000, 'the relay still serves');
  });

  it('a moderator who loses the role loses the connection', async () => {
    const max = await moderator('max');
    await waitFor(() => max.repo.peers.length > 0, 5000, 'connected');
    await relay.host.write('directory', (doc) => {
      putDirectoryRecords(doc, [...readDirectory(doc).filter((p) => p.id !== 'max'), person('max')]);
    });
    await waitFor(() => max.network.closes.includes(4403), 5000, 'closed with 4403');
    await relay.host.write('directory', (doc) => {
      putDirectoryRecords(doc, [...readDirectory(doc).filter((p) => p.id !== 'max'), person('max', { roles: ['employee', 'moderator'] })]);
    });
  });

  it('refuses a change made with an actor not bound to the connection\'s person, and does not keep it', async () => {
    const mona = await moderator('mona');
    const max = await moderator('max');
    const out = await open('alice', 'outbox/alice');
    const id = writePost(out.doc, { space: 'general', body: 'Northwind pricing, draft three.' });
    const handle = await mona.waitForCase((c) => c.item.entryId === id, 'case');
    const caseId = handle.doc().id;
    // Mona's app writes as Max's actor.
    handle.update((doc) => A.clone(doc, { actor: moderatorActorId('max', 'f'.repeat(32)) }));
    handle.change((d) => {
      d.decisions.forged = { id: 'forged', by: 'max', at: Date.now(), action: 'approve', note: '', role: null, supersedes: [] };
    });
    await waitFor(() => mona.network.closes.includes(4403), 5000, 'closed with 4403');
    const maxHandle = await max.waitForCase((c) => c.item.entryId === id, 'case at max');
    await relay.moderation.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(relay.moderation.read(caseId)?.decisions.forged).toBeUndefined();
    expect(maxHandle.doc().decisions.forged).toBeUndefined();
    expect(await decisionsOf(relay, caseId)).toEqual([]);
    const stored = await relay.storage.db.selectFrom('case_chunks').select('data').execute();
    expect(stored.some((r) => Buffer.from(r.data).includes(Buffer.from('forged')))).toBe(false);
  });

  it('a decision naming someone else than its writer is refused and not kept; warn and escalate reach their people', async () => {
    const mona = await moderator('mona');
    const out = await open('alice', 'outbox/alice');
    const aliceInbox = await open('alice', 'inbox/alice');
    const hanaInbox = await open('hana', 'inbox/hana');
    const id = writePost(out.doc, { space: 'general', body: 'Northwind again, sorry.' });
    const handle = await mona.waitForCase((c) => c.item.entryId === id, 'case');
    const caseId = handle.doc().id;
    mona.decide(handle, 'warn', 'Second time this week: client names stay in account spaces.');
    await waitFor(() => readInbox(aliceInbox.doc).notices.some((n) => n.kind === 'warning' && n.message.startsWith('Second time')), 5000, 'warning');
    mona.decide(handle, 'escalate', 'Repeated.', 'hr');
    await waitFor(() => readInbox(hanaInbox.doc).notices.some((n) => n.kind === 'escalated' && n.message.includes('escalated')), 5000, 'escalation');
    // Written with mona's own actor, in max's name: refused at the door, never stored.
    handle.change((d) => {
      d.decisions.impostor = { id: 'impostor', by: 'max', at: Date.now(), action: 'approve', note: '', role: null, supersedes: Object.keys(d.decisions) };
    });
    await waitFor(() => mona.network.closes.includes(4403), 5000, 'closed with 4403');
    await relay.moderation.idle();
    expect(relay.moderation.read(caseId)?.decisions.impostor).toBeUndefined();
    expect((await decisionsOf(relay, caseId)).map((d) => d.action)).toEqual(['warn', 'escalate']);
  });
});

describe('moderation across restarts', () => {
  const actionsOf = async (relay: RunningRelay, ...cases: string[]) =>
    (await relay.storage.db.selectFrom('case_actions').select('case_id').where('case_id', 'in', cases).execute()).length;

  it('carries a decision out exactly once: not again after a restart, and still once when the relay stopped before carrying it out', async () => {
    const first = await moderationRelay();
    const dataDir = first.dataDir;
    const out = connectProvider(first.url, 'outbox/alice', await first.mintToken('alice'));
    await synced(out);
    writeAcknowledgement(out.doc, { policyVersion: 3 });
    const done = writePost(out.doc, { space: 'general', body: 'Northwind case study, approved.' });
    const pending = writePost(out.doc, { space: 'general', body: 'Northwind case study, part two.' });
    const mona = connectModerator(first.url, 'mona', await first.mintToken('mona'));
    const h1 = await mona.waitForCase((c) => c.item.entryId === done, 'first case');
    const h2 = await mona.waitForCase((c) => c.item.entryId === pending, 'second case');
    const [case1, case2] = [h1.doc().id, h2.doc().id];
    mona.decide(h1, 'approve');
    await waitFor(async () => (await decisionsOf(first, case1)).length === 1, 5000, 'first carried out');
    // The second decision reaches the relay, which stops before its settling time is over.
    const d2 = mona.decide(h2, 'approve');
    await waitFor(() => first.moderation.read(case2)?.decisions[d2] !== undefined, 5000, 'second decision on the relay');
    await mona.close();
    out.destroy();
    await first.stop();
    const storage = await openTestStorage(dataDir);
    expect(await storage.db.selectFrom('case_actions').select('case_id').where('case_id', '=', case2).execute()).toEqual([]);
    await storage.close();

    for (let restart = 0; restart < 2; restart++) {
      const relay = await startRelay({ port: 0, host: '127.0.0.1', ...(await testStorageFor(dataDir)), logger: createLogger('silent'), moderationSettleMs: 200 });
      try {
        await waitFor(async () => (await decisionsOf(relay, case2)).length === 1, 5000, 'second carried out after restart');
        await new Promise((r) => setTimeout(r, 400));
        await relay.moderation.idle();
        expect(await decisionsOf(relay, case1)).toHaveLength(1);
        expect(await decisionsOf(relay, case2)).toHaveLength(1);
        expect(await actionsOf(relay, case1, case2)).toBe(2);
        const space = readSpace(await relay.host.open(bucketNow('general')));
        expect(space.posts.filter((p) => p.id === done || p.id === pending)).toHaveLength(2);
        const notices = readInbox(await relay.host.open('inbox/alice')).notices.filter((n) => n.kind === 'published-after-review');
        expect(notices).toHaveLength(2);
        expect(relay.moderation.read(case1)?.executions).toBeDefined();
      } finally {
        await relay.stop();
      }
    }
    await removeTestData(dataDir);
  });
});
