// The posting-rate rule on a real relay: the relay counts the author's first publications of the
// last hour and day from its own records; an edit of a published post is neither counted nor judged
// by the rate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editEntry, readInbox, readSpace, writeAcknowledgement, writeComment, writePost } from '@hearth/core';
import { PublicationStore } from '../src/publication/publication-store.js';
import { DATABASE_FILE } from '../src/storage/open-storage.js';
import { clientPool, openTestStorage, removeTestData, runAdmin as admin, startTestRelay, TEST_ENGINE, tempDataDir, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as { version: number; rules: Record<string, unknown>[] };

describe('posting rate on the relay', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const open = clients.open;
  const strict = {
    ...demoPolicy,
    version: demoPolicy.version + 1,
    rules: demoPolicy.rules.map((r) => (r.kind === 'posting-rate' ? { ...r, maxPerHour: 2 } : r)),
  };

  beforeAll(async () => {
    relay = await startTestRelay({}, ['alice', 'bob', 'carol']);
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'policy-set', { source: strict });
    await admin(relay, 'space-create', { id: 'general', name: 'General' });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('holds the third post within the hour; an edit of a published post is not a new post', async () => {
    const out = await open('alice', 'outbox/alice');
    const inbox = await open('alice', 'inbox/alice');
    const space = await open('bob', bucketNow('general'));
    writeAcknowledgement(out.doc, { policyVersion: strict.version });
    const published = (id: string) => readSpace(space.doc).posts.some((p) => p.id === id);

    const first = writePost(out.doc, { space: 'general', body: 'Coffee machine on floor 2 is fixed.' });
    await waitFor(() => published(first), 5000, 'first post');
    const second = writePost(out.doc, { space: 'general', body: 'Fire drill at 11 tomorrow.' });
    await waitFor(() => published(second), 5000, 'second post');

    // At the limit, an edit of a published post is still published: it is no new post.
    editEntry(out.doc, first, { body: 'Coffee machine on floor 2 is fixed, and descaled.' });
    await waitFor(() => readSpace(space.doc).posts.find((p) => p.id === first)?.body.endsWith('descaled.') === true, 5000, 'edit published');

    // The third new item within the hour is held, with the posting-rate finding and no one else's data.
    const third = writeComment(out.doc, { space: 'general', post: second, body: 'Meet at the car park.' });
    await waitFor(() => readInbox(inbox.doc).statuses[third]?.state === 'held', 5000, 'third held');
    expect(readInbox(inbox.doc).statuses[third]?.findings).toEqual([
      expect.objectContaining({ rule: 'posting-rate', severity: 'hold', field: 'entry', start: 0, end: 0 }),
    ]);
    expect(readSpace(space.doc).posts.find((p) => p.id === second)?.comments ?? []).toEqual([]);

    // Someone else's posts are their own count.
    const bobOut = await open('bob', 'outbox/bob');
    writeAcknowledgement(bobOut.doc, { policyVersion: strict.version });
    const bobs = writePost(bobOut.doc, { space: 'general', body: 'Thanks Alice!' });
    await waitFor(() => published(bobs), 5000, 'bob post');
  });

  it('still counts when many first posts are judged in one pass (written before the acknowledgement, then released by it)', async () => {
    // The attacker's way around a rate counted once per pass: queue posts while they wait for the
    // acknowledgement, then acknowledge, so that all of them are judged together.
    const out = await open('carol', 'outbox/carol');
    const inbox = await open('carol', 'inbox/carol');
    const space = await open('bob', bucketNow('general'));
    const ids = [1, 2, 3, 4, 5].map((i) => writePost(out.doc, { space: 'general', body: `Queued announcement number ${i}.` }));
    await waitFor(() => ids.every((id) => readInbox(inbox.doc).statuses[id]?.state === 'waiting-acknowledgement'), 5000, 'waiting');
    writeAcknowledgement(out.doc, { policyVersion: strict.version });
    await waitFor(() => ids.every((id) => ['published', 'held'].includes(readInbox(inbox.doc).statuses[id]?.state ?? '') || readSpace(space.doc).posts.some((p) => p.id === id)), 5000, 'judged');
    const shown = ids.filter((id) => readSpace(space.doc).posts.some((p) => p.id === id));
    expect(shown).toHaveLength(2);
    expect(ids.filter((id) => readInbox(inbox.doc).statuses[id]?.state === 'held')).toHaveLength(3);
  });
});

describe('publication_state.published_at', () => {
  it('is added to a database from before the column, and set once, at the first publication', async () => {
    const dir = tempDataDir();
    if (TEST_ENGINE === 'sqlite') {
      // A data directory written before the column (and before the migrator) existed.
      const old = new Database(join(dir, DATABASE_FILE));
      old.exec(`CREATE TABLE publication_state (entry_id TEXT PRIMARY KEY, owner TEXT NOT NULL, fingerprint TEXT NOT NULL,
        version INTEGER NOT NULL, outcome TEXT NOT NULL, target_room TEXT, published_version INTEGER, entry_type TEXT,
        updated_at INTEGER NOT NULL)`);
      old.prepare("INSERT INTO publication_state VALUES ('old', 'alice', 'f', 1, 'published', 'space/general', 1, 'post', 1000)").run();
      old.close();
    }
    await (await openTestStorage(dir)).close();
    const storage = await openTestStorage(dir); // a second start finds the column and leaves it
    try {
      const store = new PublicationStore(storage.db);
      const record = { entryId: 'p', owner: 'alice', fingerprint: 'a', version: 1, targetRoom: 'space/general', entryType: 'post' as const };
      await store.put({ ...record, outcome: 'held', publishedVersion: null, updatedAt: 5000 });
      expect(await store.recentPublications('alice', 'x', 5000)).toEqual({ lastHour: 0, lastDay: 0 });
      await store.put({ ...record, outcome: 'published', publishedVersion: 1, updatedAt: 6000 });
      await store.put({ ...record, fingerprint: 'b', version: 2, outcome: 'published', publishedVersion: 2, updatedAt: 3_600_000 + 6000 });
      // Published at 6000: still in the last day one hour later, no longer in the last hour, whatever the edit.
      expect(await store.recentPublications('alice', 'x', 3_600_000 + 6001)).toEqual({ lastHour: 0, lastDay: 1 });
      expect(await store.recentPublications('alice', 'x', 6001)).toEqual({ lastHour: 1, lastDay: 1 });
      expect(await store.recentPublications('alice', 'p', 6001)).toEqual({ lastHour: 0, lastDay: 0 });
      expect(await store.recentPublications('bob', 'x', 6001)).toEqual({ lastHour: 0, lastDay: 0 });
      if (TEST_ENGINE === 'sqlite') expect((await store.get('old'))?.outcome).toBe('published');
    } finally {
      await storage.close();
      await removeTestData(dir);
    }
  });
});
