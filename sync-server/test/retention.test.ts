// Retention through a real relay: items older than their space's retentionDays lose their content
// in the space document and in its stored update log, the sweep is journaled, and a legal hold on
// the space or on the author suspends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SPACE_COMMENTS, SPACE_POSTS, readSpace, writeAcknowledgement, writeComment, writePost } from '@hearth/core';
import { adminOperations } from '../src/admin/index.js';
import '../src/audit/hold-operations.js';
import { journalFor } from '../src/audit/journal.js';
import { LegalHolds } from '../src/audit/legal-holds.js';
import { createLogger } from '../src/log.js';
import { RetentionSweeper } from '../src/retention/retention-sweep.js';
import { clientPool, runAdmin as admin, startTestRelay, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const log = createLogger('silent');

describe('retention', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const open = clients.open;
  const sweeper = (days: number) =>
    new RetentionSweeper({
      host: relay.host,
      journal: journalFor(relay.storage.db),
      holds: new LegalHolds(relay.storage.db),
      log,
      compact: (room) => relay.storage.rooms.compact(room),
      now: () => Date.now() + days * DAY,
    });
  const storedBytes = async (room: string): Promise<string> => Buffer.concat(await relay.storage.rooms.load(room)).toString('latin1');

  /** A post by alice with a comment by bob in `space`; resolves once both are published. */
  async function thread(space: string, text: string): Promise<{ post: string; comment: string }> {
    const alice = await open('alice', 'outbox/alice');
    const bob = await open('bob', 'outbox/bob');
    const view = await open('alice', bucketNow(space));
    const post = writePost(alice.doc, { space, body: `${text} (post)` });
    await waitFor(() => readSpace(view.doc).posts.some((p) => p.id === post), 5000, 'post');
    const comment = writeComment(bob.doc, { space, post, body: `${text} (comment)` });
    await waitFor(() => readSpace(view.doc).posts.find((p) => p.id === post)?.comments.length === 1, 5000, 'comment');
    return { post, comment };
  }

  beforeAll(async () => {
    relay = await startTestRelay({}, ['alice', 'bob']);
    await admin(relay, 'space-create', { id: 'short', name: 'Short memory', retentionDays: 30 });
    await admin(relay, 'space-create', { id: 'forever', name: 'Keeps everything' });
    await admin(relay, 'space-create', { id: 'litigated', name: 'Under hold', retentionDays: 30 });
    await admin(relay, 'space-create', { id: 'mixed', name: 'One author held', retentionDays: 30 });
    writeAcknowledgement((await open('alice', 'outbox/alice')).doc, { policyVersion: 1 });
    writeAcknowledgement((await open('bob', 'outbox/bob')).doc, { policyVersion: 1 });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('removes items past retention from the space document and its stored log, and journals it', async () => {
    const { post, comment } = await thread('short', 'Canteen menu for the week');
    const kept = await thread('forever', 'Canteen menu kept forever');
    expect(await sweeper(10).sweep()).toEqual([]);
    const result = await sweeper(31).sweep();
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ space: 'short', retentionDays: 30, kept: [], suspended: null });
    expect(result[0]?.purged.sort()).toEqual([post, comment].sort());
    const doc = await relay.host.open(bucketNow('short'));
    expect(readSpace(doc).posts).toEqual([]);
    expect(doc.getMap(SPACE_POSTS).get(post)).toMatchObject({ state: 'retracted', body: '', title: '', authorId: 'alice' });
    expect(doc.getMap(SPACE_COMMENTS).get(comment)).toMatchObject({ state: 'retracted', body: '' });
    // What a newly connecting member is sent no longer holds the text (the relay's document GCs it)...
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1')).not.toContain('Canteen menu');
    // ...and, compacted, neither does the stored document, not only its current state.
    expect(await storedBytes(bucketNow('short'))).not.toContain('Canteen menu');
    expect(await storedBytes(bucketNow('forever'))).toContain('Canteen menu kept forever');
    expect(readSpace(await relay.host.open(bucketNow('forever'))).posts.map((p) => p.id)).toEqual([kept.post]);
    const j = journalFor(relay.storage.db);
    const record = (await j.read(1, (await j.head()).seq)).filter((r) => r.kind === 'retention').at(-1);
    expect(record).toMatchObject({ actor: 'relay', space: 'short', details: { retentionDays: 30, suspended: null, compacted: true } });
    expect(record?.details.purged).toEqual(expect.arrayContaining([post, comment]));
    // A second sweep finds nothing left to remove.
    expect(await sweeper(31).sweep()).toEqual([]);
  });

  it('a legal hold on the space suspends retention until it is lifted', async () => {
    const { post } = await thread('litigated', 'Contract negotiation notes');
    await admin(relay, 'hold-add', { space: 'litigated', reason: 'Matter 2026-114' });
    const held = (await sweeper(31).sweep()).find((s) => s.space === 'litigated');
    expect(held).toMatchObject({ suspended: 'space-hold', purged: [] });
    expect(held?.kept).toContain(post);
    expect(readSpace(await relay.host.open(bucketNow('litigated'))).posts.map((p) => p.id)).toEqual([post]);
    await admin(relay, 'hold-remove', { space: 'litigated' });
    const lifted = (await sweeper(31).sweep()).find((s) => s.space === 'litigated');
    expect(lifted?.purged).toContain(post);
    const j = journalFor(relay.storage.db);
    const holds = (await j.read(1, (await j.head()).seq)).filter((r) => r.kind === 'legal-hold');
    expect(holds.map((r) => r.details.action)).toEqual(['placed', 'lifted']);
  });

  it('a legal hold on a person keeps that author\'s items and removes the others\'', async () => {
    const { post, comment } = await thread('mixed', 'Supplier review');
    await admin(relay, 'hold-add', { person: 'alice', reason: 'Investigation 77' });
    const result = (await sweeper(31).sweep()).find((s) => s.space === 'mixed');
    expect(result).toMatchObject({ suspended: null, purged: [comment], kept: [post] });
    const doc = await relay.host.open(bucketNow('mixed'));
    expect(doc.getMap(SPACE_POSTS).get(post)).toMatchObject({ state: 'published', body: 'Supplier review (post)' });
    expect(doc.getMap(SPACE_COMMENTS).get(comment)).toMatchObject({ state: 'retracted', body: '' });
    expect((await adminOperations['hold-list']!({ host: relay.host, db: relay.storage.db }, {})) as { result: unknown }).toMatchObject({ ok: true, result: [{ scope: 'person', target: 'alice' }] });
  });
});
