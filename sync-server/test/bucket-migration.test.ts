// A data directory of the old layout (every post, comment and reaction in `space/<id>`) is split into
// time buckets when the relay starts, once: readers find the old posts in their months' buckets,
// the space document keeps only meta, members and the bucket index, publication records follow the
// items (a new comment on an old post joins its bucket), and a second start changes nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  hideItem,
  publishEntry,
  readBucketIndex,
  readSpace,
  readSpaceAcross,
  SPACE_POSTS,
  writeAcknowledgement,
  writeComment,
  type OutboxEntry,
} from '@hearth/core';
import { createLogger } from '../src/log.js';
import { PublicationStore } from '../src/publication/publication-store.js';
import { startRelay } from '../src/server/relay.js';
import { openTestStorage, removeTestData, runAdmin as admin, startTestRelay, testStorageFor, waitFor } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;
const MARCH = Date.UTC(2025, 2, 10);
const MAY = Date.UTC(2025, 4, 20);
const base = { editedAt: null, retracted: false } as const;
const old: { author: string; entry: OutboxEntry; at: number }[] = [
  { author: 'alice', at: MARCH, entry: { ...base, id: 'old-post', type: 'post', space: 'general', kind: 'discussion', title: 'Canteen survey', body: 'Tell us about lunch.', createdAt: MARCH } },
  { author: 'bob', at: MAY, entry: { ...base, id: 'old-comment', type: 'comment', space: 'general', post: 'old-post', replyTo: null, body: 'More soup, please.', createdAt: MAY } },
  { author: 'carol', at: MAY, entry: { ...base, id: 'old-reaction', type: 'reaction', space: 'general', target: 'old-comment', emoji: '👍', createdAt: MAY } },
  { author: 'bob', at: MAY, entry: { ...base, id: 'may-post', type: 'post', space: 'general', kind: 'discussion', title: 'Parking', body: 'Level 2 is closed.', createdAt: MAY } },
  { author: 'carol', at: MAY, entry: { ...base, id: 'hidden-comment', type: 'comment', space: 'general', post: 'may-post', replyTo: null, body: 'Rude words.', createdAt: MAY } },
];

describe('bucket migration on start', () => {
  it('splits an old space document into buckets once, and publication continues in them', { timeout: 60_000 }, async () => {
    const first = await startTestRelay({}, ['alice', 'bob', 'carol']);
    const dataDir = first.dataDir;
    await admin(first, 'policy-set', { source: demoPolicy });
    await admin(first, 'space-create', { id: 'general', name: 'General' });
    await first.stop();

    // What an older relay left behind: the items in the space document, records pointing there.
    const legacy = new Y.Doc();
    for (const { author, entry, at } of old) publishEntry(legacy, { author, entry, version: 1, publishedAt: at });
    hideItem(legacy, 'hidden-comment', { now: MAY });
    const storage = await openTestStorage(dataDir, { compactAfter: 500 });
    await storage.rooms.append('space/general', [Y.encodeStateAsUpdate(legacy)]);
    const store = new PublicationStore(storage.db);
    for (const { author, entry, at } of old) {
      await store.put({ entryId: entry.id, owner: author, fingerprint: entry.id, version: 1, outcome: 'published', targetRoom: 'space/general', publishedVersion: 1, entryType: entry.type, updatedAt: at });
    }
    await storage.close();

    const states: string[] = [];
    for (let start = 0; start < 2; start++) {
      const relay = await startRelay({ port: 0, host: '127.0.0.1', ...(await testStorageFor(dataDir)), logger: createLogger('silent') });
      try {
        const space = await relay.host.open('space/general');
        const march = await relay.host.open('space/general/2025-03');
        const may = await relay.host.open('space/general/2025-05');
        // The space document: meta and the index, no items.
        expect(space.getMap(SPACE_POSTS).size).toBe(0);
        expect(readSpace(space).meta?.name).toBe('General');
        expect(readBucketIndex(space)).toEqual([
          { key: '2025-05', posts: 1, first: MAY, last: MAY },
          { key: '2025-03', posts: 1, first: MARCH, last: MARCH },
        ]);
        // A comment and its reaction went with their post (March), not with their own month.
        expect([...march.getMap('comments').keys()]).toEqual(['old-comment']);
        expect([...march.getMap('reactions').keys()]).toEqual(['old-reaction']);
        // Moderation marks went with their item: the hidden comment stays hidden.
        const view = readSpaceAcross(space, [march, may]);
        expect(view.posts.map((p) => p.id)).toEqual(['may-post', 'old-post']);
        expect(view.posts[0]?.comments).toEqual([]);
        expect(view.posts[1]?.comments[0]?.reactions).toEqual({ '👍': ['carol'] });
        const records = await relay.storage.db.selectFrom('publication_state').select(['entry_id', 'target_room']).orderBy('entry_id').execute();
        expect(records.filter((r) => r.entry_id !== 'new-comment')).toEqual([
          { entry_id: 'hidden-comment', target_room: 'space/general/2025-05' },
          { entry_id: 'may-post', target_room: 'space/general/2025-05' },
          { entry_id: 'old-comment', target_room: 'space/general/2025-03' },
          { entry_id: 'old-post', target_room: 'space/general/2025-03' },
          { entry_id: 'old-reaction', target_room: 'space/general/2025-03' },
        ]);
        if (start === 1) await waitFor(() => march.getMap('comments').has('new-comment'), 10_000, 'the new comment published into March');
        states.push(JSON.stringify(readSpaceAcross(space, [march, may]).posts.map((p) => [p.id, p.comments.map((c) => c.id)])));
      } finally {
        await relay.stop();
      }
      if (start === 0) {
        // Stored while the relay was down: a comment today on the March post. Through the relay's
        // records it joins the March bucket on the next start.
        const device = new Y.Doc();
        writeAcknowledgement(device, { policyVersion: 3 });
        writeComment(device, { space: 'general', post: 'old-post', replyTo: null, body: 'Still true a year later.' }, { id: 'new-comment' });
        const again = await openTestStorage(dataDir, { compactAfter: 500 });
        await again.rooms.append('outbox/alice', [Y.encodeStateAsUpdate(device)]);
        await again.close();
      }
    }
    // The second start found nothing to migrate and published the stored comment into March.
    expect(JSON.parse(states[1]!)).toEqual([['may-post', []], ['old-post', ['old-comment', 'new-comment']]]);
    await removeTestData(dataDir);
  });
});
