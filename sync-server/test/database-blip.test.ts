// The database unreachable for a moment while the relay publishes (a PostgreSQL restart, a
// failover): the pass fails, and the entries the relay had already stored are published once the
// database answers again — without their author writing anything more. Runs on either engine; the
// outage is simulated by the publication store's first read failing as pg fails on a dropped connection.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSpace, writeAcknowledgement, writePost } from '@hearth/core';
import { PublicationStore } from '../src/publication/publication-store.js';
import { clientPool, runAdmin as admin, startTestRelay, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;

describe('database briefly unreachable during publication', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);

  beforeAll(async () => {
    relay = await startTestRelay({}, ['alice', 'bob']);
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('publishes the stored entries once the database answers again, exactly once', async () => {
    const out = await clients.open('alice', 'outbox/alice');
    const space = await clients.open('bob', bucketNow('general'));
    writeAcknowledgement(out.doc, { policyVersion: 3 });
    await waitFor(async () => (await relay.storage.db.selectFrom('acknowledgements').select('person').where('person', '=', 'alice').executeTakeFirst()) !== undefined, 5000, 'acknowledged');

    const get = vi.spyOn(PublicationStore.prototype, 'getMany').mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    const postId = writePost(out.doc, { space: 'general', title: 'Quarterly numbers', body: 'The report is in the shared drive.' });
    await waitFor(() => get.mock.calls.length > 0, 5000, 'the pass ran into the outage');
    // Nothing more from alice: the relay tries again by itself.
    await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === postId), 8000, 'published after the outage');
    await new Promise((r) => setTimeout(r, 500));
    expect(readSpace(space.doc).posts.filter((p) => p.id === postId)).toHaveLength(1);
    const records = await relay.storage.db.selectFrom('audit_journal').select('entry').where('kind', '=', 'publication').where('entry', '=', postId).execute();
    expect(records).toHaveLength(1);
  });
});
