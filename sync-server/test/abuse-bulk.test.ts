// Attacker: hundreds of posts written to one's own outbox at once. The relay judged the whole
// backlog in one go (each post evaluated, each rate-limited hold written to the inbox and given its
// own moderation case), so nobody else's edits were published meanwhile. Now a backlog is judged in
// bounded slices that give way to other people, the posting rate is applied before the policy is
// evaluated, and one person's rate-limit holds share one case.
import { readInbox, readSpace, writePost } from '@hearth/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACKER, PEOPLE, attackerLegitPost, createSpace, goodWriter, healthProbe, p99 } from './abuse-harness.js';
import { clientPool, startTestRelay, waitFor } from './helpers.js';
import type { TestRelay } from './helpers.js';

const BULK = 80;

describe('a bulk submission of posts', () => {
  let relay: TestRelay;
  const pool = clientPool(() => relay);

  beforeAll(async () => {
    relay = await startTestRelay({}, PEOPLE);
    await createSpace(relay);
  });
  afterAll(async () => {
    pool.destroyAll();
    await relay.cleanup();
  });

  it('is judged in slices that give way; rate-limit holds share one case; nothing legitimate is lost', async () => {
    const reader = await pool.open('bob', 'space/general');
    const legit = await attackerLegitPost(pool, reader);
    const inbox = await pool.open(ATTACKER, `inbox/${ATTACKER}`);
    // The person's day so far: up to the posting rate (20 an hour, the legit post included), then
    // one held — its case is the one every later rate-limit hold of the day joins.
    const ids: string[] = [];
    legit.outbox.doc.transact(() => {
      for (let i = 0; i < 20; i++) ids.push(writePost(legit.outbox.doc, { space: 'general', body: `Reminder number ${i}: fill in the survey.` }));
    });
    await waitFor(() => readInbox(inbox.doc).statuses[ids[19]!]?.state === 'held', 60_000, 'first rate-limit hold');
    const writer = await goodWriter(relay, pool);
    const health = healthProbe(relay);
    await writer.baseline();
    health.mark();

    legit.outbox.doc.transact(() => {
      for (let i = 0; i < BULK; i++) ids.push(writePost(legit.outbox.doc, { space: 'general', body: `Announcement number ${i}, please read.` }));
    });
    const judged = () => {
      const statuses = readInbox(inbox.doc).statuses;
      const published = new Set(readSpace(reader.doc).posts.map((p) => p.id));
      return ids.filter((id) => published.has(id) || statuses[id]?.state === 'held').length;
    };
    await waitFor(() => judged() === BULK + 20, 60_000, 'every bulk post judged');
    await new Promise((r) => setTimeout(r, 300));

    const good = await writer.stop();
    const hz = await health.stop();
    expect(good.lost).toBe(0);
    expect(p99(good.latencies)).toBeLessThan(good.bound);
    expect(p99(hz.latencies)).toBeLessThan(hz.bound);
    // Within the posting rate (20 an hour, the legit post included) they are published; the rest held.
    const published = new Set(readSpace(reader.doc).posts.map((p) => p.id));
    expect(published.has(legit.id)).toBe(true);
    expect(ids.filter((id) => published.has(id))).toEqual(ids.slice(0, 19));
    // One moderation case for all of the person's rate-limit holds, not one per post.
    await relay.moderation.idle();
    const cases = relay.storage.db.prepare('SELECT COUNT(*) AS n FROM case_documents WHERE author = ?').get(ATTACKER) as { n: number };
    expect(cases.n).toBe(1);
  }, 90_000);
});
