// Reports on any published item, through a real relay in demo mode: seeded demo posts and comments
// open a case like anything else; an item with no publication record is found in the space
// document itself; and a report that cannot open a case tells the reporter so in their inbox.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  publishEntry,
  readInbox,
  readInboxConversations,
  writeAcknowledgement,
  writeMessage,
  writeReport,
  type InboxView,
} from '@hearth/core';
import { createLogger } from '../src/log.js';
import { startRelay, type RunningRelay } from '../src/server/relay.js';
import { clientPool, removeTestData, tempDataDir, testStorageFor, waitFor } from './helpers.js';
import type { TestClient } from './helpers.js';

const demoPosts = JSON.parse(readFileSync(new URL('../../assets/demo/posts.json', import.meta.url), 'utf8')) as {
  id: string;
  space: string;
  author: string;
  comments: { id: string; author: string }[];
}[];

describe('reports on any published item', () => {
  let relay: RunningRelay;
  let dataDir: string;
  const clients = clientPool(() => relay);
  const caseFor = (entry: string) => relay.storage.db.selectFrom('case_documents').select(['source', 'author', 'space']).where('entry_id', '=', entry).executeTakeFirst();
  const view = (c: TestClient): InboxView => readInbox(c.doc);

  beforeAll(async () => {
    dataDir = tempDataDir();
    relay = await startRelay({ port: 0, host: '127.0.0.1', logger: createLogger(), ...(await testStorageFor(dataDir)), demo: true });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.stop();
    await removeTestData(dataDir);
  });

  it('a report on a seeded demo post or comment opens a case naming its real author', async () => {
    const out = await clients.open('rajesh', 'outbox/rajesh');
    const box = await clients.open('rajesh', 'inbox/rajesh');
    writeAcknowledgement(out.doc, { policyVersion: 3 });
    const post = demoPosts.find((p) => p.author !== 'rajesh' && p.space === 'general') ?? demoPosts[0]!;
    const comment = demoPosts.flatMap((p) => p.comments.map((c) => ({ ...c, space: p.space }))).find((c) => c.author !== 'rajesh')!;
    writeReport(out.doc, { space: post.space, target: post.id, reason: 'This looks like a client name.' });
    writeReport(out.doc, { space: comment.space, target: comment.id, reason: 'Unkind.' });
    await waitFor(async () => (await caseFor(post.id)) !== undefined && (await caseFor(comment.id)) !== undefined, 10_000, 'cases opened');
    expect(await caseFor(post.id)).toMatchObject({ source: 'report', author: post.author, space: post.space });
    expect(await caseFor(comment.id)).toMatchObject({ source: 'report', author: comment.author });
    expect(view(box).notices.filter((n) => n.kind === 'report-not-opened' || n.kind === 'rejected')).toEqual([]);
  });

  it('an item with no publication record (imported into a space) is found in the space document', async () => {
    const imported = '01JD000000000000000IMPORT01';
    await relay.host.write('space/general', (doc) => {
      publishEntry(doc, {
        author: 'ciaran',
        entry: { id: imported, type: 'post', space: 'general', kind: 'discussion', title: 'Imported', body: 'From the old intranet.', createdAt: 1, editedAt: null, retracted: false },
        version: 1,
        publishedAt: 1,
      });
    });
    const out = await clients.open('priya', 'outbox/priya');
    writeAcknowledgement(out.doc, { policyVersion: 3 });
    writeReport(out.doc, { space: 'general', target: imported, reason: 'Out of date and misleading.' });
    await waitFor(async () => (await caseFor(imported)) !== undefined, 10_000, 'case opened');
    expect(await caseFor(imported)).toMatchObject({ author: 'ciaran', space: 'general' });
  });

  it('a report on a direct message opens a case (the message is found through its publication record)', async () => {
    const priya = await clients.open('priya', 'outbox/priya');
    writeAcknowledgement(priya.doc, { policyVersion: 3 });
    const { entryId, conversation } = writeMessage(priya.doc, { to: ['david'], body: 'Can you send me the weighting notes?' });
    const davidInbox = await clients.open('david', 'inbox/david');
    await waitFor(() => readInboxConversations(davidInbox.doc).some((c) => c.id === conversation), 10_000, 'conversation reaches david');
    const david = await clients.open('david', 'outbox/david');
    writeAcknowledgement(david.doc, { policyVersion: 3 });
    writeReport(david.doc, { space: null, target: entryId, reason: 'Asking for my notes again.' });
    await waitFor(async () => (await caseFor(entryId)) !== undefined, 10_000, 'case opened');
    expect(await caseFor(entryId)).toMatchObject({ author: 'priya', space: null });
    expect(view(davidInbox).notices.filter((n) => n.kind === 'rejected' || n.kind === 'report-not-opened')).toEqual([]);
  });

  it('a report whose item vanished before a case could open tells the reporter in their inbox', async () => {
    // The pipeline validated the report, then the item went (a retention sweep, say) before the
    // opener looked: simulated by handing the moderation service a report on an id nothing holds.
    const box = await clients.open('priya', 'inbox/priya');
    const report = '01JD000000000000000REPORT01';
    await relay.moderation.onReport({ reportId: report, reporter: 'priya', space: 'general', target: '01JD0000000000000000GONE01', reason: 'Rude.', at: 1 });
    await waitFor(() => view(box).notices.some((n) => n.kind === 'report-not-opened'), 10_000, 'reporter told');
    expect(view(box).notices.find((n) => n.kind === 'report-not-opened')).toMatchObject({ entryId: report, message: expect.stringContaining('no moderator case was opened') });
  });
});
