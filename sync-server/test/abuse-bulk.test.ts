// Attacker: hundreds of posts written to one's own outbox at once. The relay judged the whole
// backlog in one go (each post evaluated, each rate-limited hold written to the inbox and given its
// own moderation case), so nobody else's edits were published meanwhile. Now a backlog is judged in
// bounded slices that give way to other people, the posting rate is applied before the policy is
// evaluated, and one person's rate-limit holds share one case.
import { readFileSync } from 'node:fs';
import { readInbox, readSpace, writePost } from '@hearth/core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ATTACKER, attackerLegitPost, goodWriter, healthProbe, p99, useAbuseRelay } from './abuse-harness.js';
import { runAdmin, waitFor, bucketNow } from './helpers.js';

const BULK = 60;
/** The default policy with a posting rate of 4 an hour: the test reaches the rate in few posts. */
const base = JSON.parse(readFileSync(new URL('../../assets/policy/default.json', import.meta.url), 'utf8')) as { version: number; rules: Record<string, unknown>[] };
const RATE = 4;
const policy = { ...base, version: base.version + 1, rules: base.rules.map((r) => (r.kind === 'posting-rate' ? { ...r, maxPerHour: RATE } : r)) };

describe('a bulk submission of posts', () => {
  const env = useAbuseRelay();
  const pool = env.pool;
  beforeAll(async () => {
    await runAdmin(env.relay, 'policy-set', { source: policy });
  });

  it('is judged in slices that give way; rate-limit holds share one case; nothing legitimate is lost', async () => {
    const relay = env.relay;
    const reader = await pool.open('bob', bucketNow('general'));
    const legit = await attackerLegitPost(relay, pool, reader);
    const inbox = await pool.open(ATTACKER, `inbox/${ATTACKER}`);
    // The person's day so far: up to the posting rate (4 an hour, the legit post included), then
    // one held — its case is the one every later rate-limit hold of the day joins.
    const ids: string[] = [];
    legit.outbox.doc.transact(() => {
      for (let i = 0; i < RATE; i++) ids.push(writePost(legit.outbox.doc, { space: 'general', body: `Reminder number ${i}: fill in the survey.` }));
    });
    // Ids made in one millisecond are not ordered by creation; the relay judges in id order.
    ids.sort();
    await waitFor(() => readInbox(inbox.doc).statuses[ids[RATE - 1]!]?.state === 'held', 60_000, 'first rate-limit hold');
    // The bulk, written offline beforehand (writing it is the client's cost, and the test shares the
    // relay's thread), then sent as one update from the attacker's outbox connection.
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(legit.outbox.doc));
    const before = Y.encodeStateVector(scratch);
    const bulk: string[] = [];
    scratch.transact(() => {
      for (let i = 0; i < BULK; i++) bulk.push(writePost(scratch, { space: 'general', body: `Announcement number ${i}, please read.` }));
    });
    const bulkUpdate = Y.encodeStateAsUpdate(scratch, before);
    ids.push(...bulk);

    const writer = await goodWriter(relay, pool);
    const health = healthProbe(relay);
    await writer.baseline();
    health.mark();
    Y.applyUpdate(legit.outbox.doc, bulkUpdate);
    const judged = () => {
      const statuses = readInbox(inbox.doc).statuses;
      const published = new Set(readSpace(reader.doc).posts.map((p) => p.id));
      return ids.filter((id) => published.has(id) || statuses[id]?.state === 'held').length;
    };
    await waitFor(() => judged() === BULK + RATE, 60_000, 'every bulk post judged');
    await new Promise((r) => setTimeout(r, 300));

    const good = await writer.stop();
    const hz = await health.stop();
    expect(good.lost).toBe(0);
    expect(p99(good.latencies)).toBeLessThan(good.bound);
    expect(p99(hz.latencies)).toBeLessThan(hz.bound);
    // Within the posting rate (the legit post included) they are published; the rest held.
    const published = new Set(readSpace(reader.doc).posts.map((p) => p.id));
    expect(published.has(legit.id)).toBe(true);
    expect(ids.filter((id) => published.has(id))).toEqual(ids.slice(0, RATE - 1));
    // One moderation case for all of the person's rate-limit holds, not one per post.
    await relay.moderation.idle();
    const cases = await relay.storage.db.selectFrom('case_documents').select('case_id').where('author', '=', ATTACKER).execute();
    expect(cases).toHaveLength(1);
  }, 90_000);
});
