// Questions, must-read announcements and AMAs through a real relay: what it publishes, and what it
// refuses when a modified client writes entries its person may not (accepting an answer to someone
// else's question, an answer from another post, inflating reach, an employee's news post).
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  editEntry,
  putDirectoryRecords,
  readInbox,
  retractEntry,
  writeAcceptAnswer,
  writeAcknowledgement,
  writeComment,
  writePost,
  writeReadAck,
  type EntryProblemCode,
} from '@hearth/core';
import { OutcomeRecorder } from '../src/publication/outcome-recorder.js';
import { clientPool, person, runAdmin as admin, startTestRelay, waitFor, spaceReader } from './helpers.js';
import type { TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;
const PEOPLE = ['alice', 'bob', 'carol', 'erin', 'seema', 'ines'];

describe('engagement: answers, must-read reach, AMAs', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const open = clients.open;
  const outbox = async (p: string) => {
    const c = await open(p, `outbox/${p}`);
    writeAcknowledgement(c.doc, { policyVersion: 3 });
    return c.doc;
  };
  /** The rule codes of a refused entry, from its author's inbox. */
  const refusal = async (p: string, id: string): Promise<string[]> => {
    const inbox = await open(p, `inbox/${p}`);
    await waitFor(() => readInbox(inbox.doc).statuses[id] !== undefined, 5000, `status of ${id}`);
    const status = readInbox(inbox.doc).statuses[id]!;
    return status.state === 'rejected' ? status.findings.map((f) => f.rule) : [];
  };
  const code = (c: EntryProblemCode) => `validation.${c}`;

  beforeAll(async () => {
    relay = await startTestRelay({}, PEOPLE);
    await relay.host.write('directory', (doc) =>
      putDirectoryRecords(doc, [
        ...PEOPLE.filter((p) => p !== 'seema' && p !== 'ines').map((p) => person(p)),
        person('seema', { roles: ['employee', 'comms'] }),
        person('ines', { roles: ['employee', 'leader'] }),
        person('dave', { status: 'left' }),
      ]),
    );
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'help', name: 'Help desk', facilitators: ['carol'] });
    await admin(relay, 'space-create', { id: 'news', name: 'Company news', kind: 'news', facilitators: [] });
    await admin(relay, 'space-create', { id: 'board', name: 'Board', visibility: 'private', facilitators: ['seema'], members: ['alice', 'carol'] });
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('the asker accepts an answer: it is marked and shown first; a facilitator may change it; withdrawing clears it', async () => {
    const alice = await outbox('alice');
    const bob = await outbox('bob');
    const carol = await outbox('carol');
    const space = await spaceReader(open, 'erin', 'help');
    const q = writePost(alice, { space: 'help', kind: 'question', title: 'Where is the VPN guide?', body: 'I cannot find it.' });
    await waitFor(() => space.view().posts.some((p) => p.id === q), 5000, 'question');
    const first = writeComment(carol, { space: 'help', post: q, body: 'Ask IT.' });
    const good = writeComment(bob, { space: 'help', post: q, body: 'On the intranet, under IT > Remote work.' });
    await waitFor(() => space.view().posts.find((p) => p.id === q)?.commentCount === 2, 5000, 'answers');
    const accept = writeAcceptAnswer(alice, { space: 'help', post: q, comment: good });
    await waitFor(() => space.view().posts.find((p) => p.id === q)?.acceptedAnswer === good, 5000, 'accepted');
    expect(space.view().posts.find((p) => p.id === q)!.comments.map((c) => c.id)).toEqual([good, first]);

    writeAcceptAnswer(carol, { space: 'help', post: q, comment: first });
    await waitFor(() => space.view().posts.find((p) => p.id === q)?.acceptedAnswer === first, 5000, 'facilitator changed it');
    const back = writeAcceptAnswer(alice, { space: 'help', post: q, comment: good });
    await waitFor(() => space.view().posts.find((p) => p.id === q)?.acceptedAnswer === good, 5000, 'asker chose again');
    retractEntry(alice, accept); // an older acceptance: nothing changes
    retractEntry(alice, back);
    await waitFor(() => space.view().posts.find((p) => p.id === q)?.acceptedAnswer === undefined, 5000, 'withdrawn');
  });

  it('the author of an accepted answer is told, with the comment to open; not on a withdrawal, nor for accepting one\'s own', async () => {
    const alice = await outbox('alice');
    const bob = await outbox('bob');
    const space = await spaceReader(open, 'erin', 'help');
    const bobInbox = await open('bob', 'inbox/bob');
    const aliceInbox = await open('alice', 'inbox/alice');
    const q = writePost(alice, { space: 'help', kind: 'question', title: 'Who orders toner?', body: 'The printer is out.' });
    await waitFor(() => space.view().posts.some((p) => p.id === q), 5000, 'question');
    const answer = writeComment(bob, { space: 'help', post: q, body: 'Facilities, ticket category Printers.' });
    const own = writeComment(alice, { space: 'help', post: q, body: 'Found it myself, in the wiki.' });
    await waitFor(() => space.view().posts.find((p) => p.id === q)?.commentCount === 2, 5000, 'answers');
    const told = () => readInbox(bobInbox.doc).notices.filter((n) => n.kind === 'answer-accepted' && n.post === q);

    const accept = writeAcceptAnswer(alice, { space: 'help', post: q, comment: answer });
    await waitFor(() => told().length === 1, 5000, 'bob told');
    expect(told()[0]).toMatchObject({ entryId: answer, post: q, space: 'help', about: 'alice' });

    // Alice's entries are carried out in order: once the last one is, the ones before it are too.
    retractEntry(alice, accept);
    writeAcceptAnswer(alice, { space: 'help', post: q, comment: own });
    writeAcceptAnswer(alice, { space: 'help', post: q, comment: answer });
    await waitFor(() => told().length === 2, 5000, 'bob told of the new acceptance');
    // The inbox and the space are two rooms: the space may reach Erin's device a moment later.
    await waitFor(() => space.view().posts.find((p) => p.id === q)?.acceptedAnswer === answer, 5000, 'the answer shown as accepted');
    expect(readInbox(aliceInbox.doc).notices.filter((n) => n.kind === 'answer-accepted' && n.post === q)).toEqual([]);
  });

  it('an answer accepted the moment it appears, before the relay has saved its record, still tells its author', async () => {
    const alice = await outbox('alice');
    const bob = await outbox('bob');
    const space = await spaceReader(open, 'erin', 'help');
    const bobInbox = await open('bob', 'inbox/bob');
    const q = writePost(alice, { space: 'help', kind: 'question', title: 'Who has the projector key?', body: 'Room 4 is locked.' });
    await waitFor(() => space.view().posts.some((p) => p.id === q), 5000, 'question');
    // Bob's records wait (a busy relay: his answer is in the space, its record not saved yet).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const record = OutcomeRecorder.prototype.record;
    vi.spyOn(OutcomeRecorder.prototype, 'record').mockImplementation(function (this: OutcomeRecorder, outcome) {
      return outcome.record.owner === 'bob' ? held.then(() => record.call(this, outcome)) : record.call(this, outcome);
    });
    const answer = writeComment(bob, { space: 'help', post: q, body: 'Reception keeps it.' });
    await waitFor(() => space.view().posts.find((p) => p.id === q)?.commentCount === 1, 5000, 'the answer');
    writeAcceptAnswer(alice, { space: 'help', post: q, comment: answer });
    try {
      await waitFor(() => space.view().posts.find((p) => p.id === q)?.acceptedAnswer === answer, 5000, 'accepted');
      await waitFor(() => readInbox(bobInbox.doc).notices.some((n) => n.kind === 'answer-accepted' && n.post === q), 5000, 'bob told');
    } finally {
      release();
    }
  });

  it("refuses an acceptance on someone else's question, an answer from another post, and a post that is not a question", async () => {
    const alice = await outbox('alice');
    const erin = await outbox('erin');
    const space = await spaceReader(open, 'erin', 'help');
    const q = writePost(alice, { space: 'help', kind: 'question', title: 'Printer on 3?', body: 'Which one is it?' });
    const other = writePost(alice, { space: 'help', kind: 'discussion', title: 'Printers', body: 'Notes about printers.' });
    await waitFor(() => space.view().posts.filter((p) => p.id === q || p.id === other).length === 2, 5000, 'posts');
    const onOther = writeComment(erin, { space: 'help', post: other, body: 'The one by the window.' });
    const onQ = writeComment(erin, { space: 'help', post: q, body: 'The one by the window.' });
    await waitFor(() => space.view().posts.find((p) => p.id === q)?.commentCount === 1, 5000, 'comment');

    expect(await refusal('erin', writeAcceptAnswer(erin, { space: 'help', post: q, comment: onQ }))).toEqual([code('not-the-asker')]);
    expect(await refusal('alice', writeAcceptAnswer(alice, { space: 'help', post: q, comment: onOther }))).toEqual([code('answer-not-on-question')]);
    expect(await refusal('alice', writeAcceptAnswer(alice, { space: 'help', post: other, comment: onOther }))).toEqual([code('not-a-question')]);
    expect(space.view().posts.find((p) => p.id === q)?.acceptedAnswer).toBeUndefined();
  });

  it('a must-read announcement: reach starts at 0 of the audience, moves as people acknowledge, counts only, for the author and comms', async () => {
    const seema = await outbox('seema');
    const alice = await outbox('alice');
    const bob = await outbox('bob');
    const news = await spaceReader(open, 'alice', 'news');
    const seemaInbox = await open('seema', 'inbox/seema');
    const post = writePost(seema, { space: 'news', kind: 'announcement', title: 'New expense tool', body: 'Everyone uses it from Monday.', mustRead: true });
    await waitFor(() => news.view().posts.some((p) => p.id === post), 5000, 'announcement');
    expect(news.view().posts.find((p) => p.id === post)?.mustRead).toBe(true);
    // Audience: the five other active people.
    await waitFor(() => readInbox(seemaInbox.doc).reach?.[post]?.audience === 5, 5000, 'reach');
    expect(readInbox(seemaInbox.doc).reach?.[post]).toMatchObject({ acknowledged: 0, audience: 5, title: 'New expense tool' });

    writeReadAck(alice, { space: 'news', post });
    writeReadAck(alice, { space: 'news', post }); // a second device: counted once
    writeReadAck(bob, { space: 'news', post });
    await waitFor(() => readInbox(seemaInbox.doc).reach?.[post]?.acknowledged === 2, 5000, 'reach moves');
    expect(JSON.stringify(readInbox(seemaInbox.doc).reach)).not.toMatch(/alice|bob/);
    // Nobody else's inbox gets it.
    const aliceInbox = await open('alice', 'inbox/alice');
    expect(readInbox(aliceInbox.doc).reach?.[post]).toBeUndefined();
  });

  it('a must-read announcement asks each reader in their inbox (not a non-member, not the author); acknowledging clears it; an edit adds nothing', async () => {
    const seema = await outbox('seema');
    const alice = await outbox('alice');
    const board = await spaceReader(open, 'alice', 'board');
    let post = '';
    const inboxOf = async (p: string) => {
      const c = await open(p, `inbox/${p}`);
      return () => readInbox(c.doc).notices.filter((n) => n.kind === 'must-read-notice' && n.post === post);
    };
    const aliceAsked = await inboxOf('alice');
    const carolAsked = await inboxOf('carol');
    const bobAsked = await inboxOf('bob');
    const seemaAsked = await inboxOf('seema');
    post = writePost(seema, { space: 'board', kind: 'announcement', title: 'Quarterly numbers', body: 'Please read before Monday.', mustRead: true });
    await waitFor(() => board.view().posts.some((p) => p.id === post), 5000, 'announcement');
    await waitFor(() => aliceAsked().length === 1 && carolAsked().length === 1, 5000, 'members asked');
    expect(aliceAsked()[0]).toMatchObject({ id: `${post}:must-read`, entryId: post, post, space: 'board', about: 'seema', message: 'Quarterly numbers' });
    expect(bobAsked()).toEqual([]); // not a member of the private space
    expect(seemaAsked()).toEqual([]); // the author

    writeReadAck(alice, { space: 'board', post });
    await waitFor(() => aliceAsked().length === 0, 5000, 'acknowledging clears it');
    expect(carolAsked()).toHaveLength(1);

    // An edit is published again (a new version): it asks nobody again, nor brings back Alice's.
    const before = carolAsked()[0]!;
    expect(editEntry(seema, post, { title: 'Quarterly numbers (corrected)' }).ok).toBe(true);
    await waitFor(() => board.view().posts.find((p) => p.id === post)?.title === 'Quarterly numbers (corrected)', 5000, 'edit published');
    expect(aliceAsked()).toEqual([]);
    expect(carolAsked()).toEqual([before]);
    expect(bobAsked()).toEqual([]);
  });

  it('refuses acknowledging a post that is not must-read (inflating reach), and an employee posting in news', async () => {
    const seema = await outbox('seema');
    const alice = await outbox('alice');
    const news = await spaceReader(open, 'alice', 'news');
    const plain = writePost(seema, { space: 'news', kind: 'announcement', title: 'Canteen', body: 'Soup on Friday.' });
    await waitFor(() => news.view().posts.some((p) => p.id === plain), 5000, 'plain announcement');
    expect(await refusal('alice', writeReadAck(alice, { space: 'news', post: plain }))).toEqual([code('not-must-read')]);
    const own = writePost(alice, { space: 'news', kind: 'announcement', title: 'Me', body: 'Read this.', mustRead: true });
    expect(await refusal('alice', own)).toEqual([code('news-comms-only'), code('announcement-not-allowed')]);
    const notAnnouncement = writePost(alice, { space: 'help', kind: 'discussion', body: 'Read this!', mustRead: true });
    expect(await refusal('alice', notAnnouncement)).toEqual([code('must-read-not-announcement')]);
  });

  it('only a leader opens an AMA', async () => {
    const ines = await outbox('ines');
    const alice = await outbox('alice');
    const space = await spaceReader(open, 'alice', 'help');
    const ama = writePost(ines, { space: 'help', kind: 'ama', title: 'Ask me anything: the 2027 plan', body: 'Questions welcome.' });
    await waitFor(() => space.view().posts.some((p) => p.id === ama), 5000, 'AMA');
    expect(await refusal('alice', writePost(alice, { space: 'help', kind: 'ama', title: 'AMA', body: 'Me too.' }))).toEqual([code('ama-leaders-only')]);
  });
});
