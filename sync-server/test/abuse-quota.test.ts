// Attacker: valid but large outbox updates, as fast as the socket takes them (172 updates of 1 MB in
// 8 s were all stored). Each person now has a write rate (bytes per second, with a burst) — past
// it their own messages wait — and an outbox quota: an update that would pass it is refused whole
// (4413 and an error notice), nothing of it stored; what the person stored before is kept.
import { readOutbox, readSpace } from '@hearth/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../src/protocol/messages.js';
import { ATTACKER, attackerLegitPost, goodWriter, healthProbe, p99, useAbuseRelay } from './abuse-harness.js';
import { rawClient, bucketNow } from './helpers.js';

const CHUNK = 200 * 1024;
const QUOTA = 2 * 1024 * 1024;

describe('storage quota and write rate per person', () => {
  // Scaled down for a test: 2 MiB quota, 1 MiB/s with a 512 KiB burst.
  const env = useAbuseRelay({ personLimits: { maxOutboxBytes: QUOTA, writeRate: { bytesPerSecond: 1024 * 1024, burstBytes: 512 * 1024 } } });
  const pool = env.pool;

  it('slows the writer to its rate, refuses past the quota whole, keeps earlier work', async () => {
    const relay = env.relay;
    // Sixteen valid updates of 200 KiB, each a new text in a scratch map (3.2 MiB in all).
    const scratch = new Y.Doc();
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < 16; i++) {
      const before = Y.encodeStateVector(scratch);
      scratch.getMap('scratch').set(`chunk${i}`, `${i}`.padEnd(CHUNK, '.'));
      chunks.push(Y.encodeStateAsUpdate(scratch, before));
    }
    const reader = await pool.open('bob', bucketNow('general'));
    const legit = await attackerLegitPost(relay, pool, reader);
    const writer = await goodWriter(relay, pool);
    const health = healthProbe(relay);
    await writer.baseline();
    health.mark();

    const ws = rawClient(relay.url, `outbox/${ATTACKER}`, await relay.mintToken(ATTACKER));
    await ws.opened;
    const started = performance.now();
    for (const c of chunks) ws.ws.send(encodeUpdate(c));
    const closed = await Promise.race([ws.closed, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    const elapsed = performance.now() - started;

    const good = await writer.stop();
    const hz = await health.stop();
    expect(closed?.code).toBe(4413);
    expect(ws.notices).toContainEqual({ type: 'error', code: 4413, message: expect.stringContaining('quota') as string });
    // About 1.5 MiB past the burst at 1 MiB/s: the rate held the writer back.
    expect(elapsed).toBeGreaterThan(1000);
    expect(good.lost).toBe(0);
    expect(p99(good.latencies)).toBeLessThan(good.bound);
    expect(p99(hz.latencies)).toBeLessThan(hz.bound);

    // Whole updates only, within the quota; the legit post and the chunks stored before are kept.
    const outbox = await relay.host.open(`outbox/${ATTACKER}`);
    const stored = [...outbox.getMap<string>('scratch').keys()];
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(chunks.length);
    for (const key of stored) expect(outbox.getMap<string>('scratch').get(key)?.length).toBe(CHUNK);
    expect(stored.sort()).toEqual(Array.from({ length: stored.length }, (_, i) => `chunk${i}`).sort());
    const bytes = (await relay.storage.rooms.load(`outbox/${ATTACKER}`)).reduce((n, u) => n + u.byteLength, 0);
    expect(bytes).toBeLessThanOrEqual(QUOTA);
    expect(readOutbox(outbox).map((e) => e.id)).toContain(legit.id);
    expect(readSpace(reader.doc).posts.some((p) => p.id === legit.id)).toBe(true);
  }, 60_000);
});
