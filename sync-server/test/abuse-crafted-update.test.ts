// Attacker: a crafted outbox update — thousands of concurrent sets of one key, a few dozen KB each.
// Applied, each such message cost the relay's thread seconds (and more for every later one), so
// every other person's edits waited. The relay now counts concurrent inserts before applying and
// refuses the update (4422); the attacker's earlier work and everyone else's edits are kept.
import { readOutbox, readSpace } from '@hearth/core';
import { describe, expect, it } from 'vitest';
import { encodeUpdate } from '../src/protocol/messages.js';
import { ATTACKER, attackerLegitPost, conflictingUpdate, goodWriter, healthProbe, p99, useAbuseRelay } from './abuse-harness.js';
import { rawClient, bucketNow } from './helpers.js';

describe('a crafted update of conflicting items', () => {
  const env = useAbuseRelay();
  const pool = env.pool;

  it('is refused before it is applied; a good writer’s edits keep arriving (p99 < 1 s)', async () => {
    const relay = env.relay;
    // Crafted beforehand: building them is itself slow, and the test shares the relay's thread.
    const key = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
    const crafted = [0, 1, 2].map((m) => encodeUpdate(conflictingUpdate(2000, key, 10_000 + m * 2000)));
    const reader = await pool.open('bob', bucketNow('general'));
    const legit = await attackerLegitPost(relay, pool, reader);
    const writer = await goodWriter(relay, pool);
    const health = healthProbe(relay);
    await writer.baseline();
    health.mark();

    const token = await relay.mintToken(ATTACKER);
    const closes: number[] = [];
    // Three messages of 2,000 conflicting sets each (about 40 KB), each on a fresh connection as an
    // attacker would reconnect after being closed.
    for (const message of crafted) {
      const ws = rawClient(relay.url, `outbox/${ATTACKER}`, token);
      await ws.opened;
      ws.ws.send(message);
      const closed = await Promise.race([ws.closed, new Promise<null>((r) => setTimeout(() => r(null), 1500))]);
      if (closed !== null) closes.push(closed.code);
      else ws.ws.close();
    }

    const good = await writer.stop();
    const hz = await health.stop();
    expect(closes).toEqual([4422, 4422, 4422]);
    expect(good.lost).toBe(0);
    expect(p99(good.latencies)).toBeLessThan(good.bound);
    expect(p99(hz.latencies)).toBeLessThan(hz.bound);
    // Nothing legitimate lost: the attacker's earlier post is published and still in their outbox.
    expect(readSpace(reader.doc).posts.some((p) => p.id === legit.id)).toBe(true);
    const stored = readOutbox(await relay.host.open(`outbox/${ATTACKER}`));
    expect(stored.map((e) => e.id)).toContain(legit.id);
  }, 60_000);
});
