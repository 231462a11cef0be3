// Attacker: updates whose dependencies never arrive. Yjs keeps them pending and merges all pending
// data again with every later update, so one connection could grow memory and thread time without
// bound. The relay caps what may stay pending per outbox (= per person), refuses beyond it with an
// error notice and 1013 (reconnect and resync), and everybody else's edits keep arriving.
import { readOutbox, readSpace } from '@hearth/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../src/protocol/messages.js';
import { ATTACKER, attackerLegitPost, goodWriter, healthProbe, p99, useAbuseRelay } from './abuse-harness.js';
import { rawClient, bucketNow } from './helpers.js';

/** The second half of a fresh client's writes: it depends on a first half the relay never gets. */
function orphanUpdate(client: number, bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  doc.getMap('scratch').set('first', 'x');
  const before = Y.encodeStateVector(doc);
  doc.getMap('scratch').set('second', 'y'.repeat(bytes));
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

describe('updates with missing dependencies', () => {
  const env = useAbuseRelay();
  const pool = env.pool;

  it('are kept pending only up to a cap; beyond it the sender is told and closed; others are unaffected', async () => {
    const relay = env.relay;
    const orphans = Array.from({ length: 40 }, (_, i) => encodeUpdate(orphanUpdate(50_000 + i, 30_000)));
    const reader = await pool.open('bob', bucketNow('general'));
    const legit = await attackerLegitPost(relay, pool, reader);
    const writer = await goodWriter(relay, pool);
    const health = healthProbe(relay);
    await writer.baseline();
    health.mark();

    const token = await relay.mintToken(ATTACKER);
    const errors: { code: number; message: string }[] = [];
    let sent = 0;
    while (sent < orphans.length) {
      const ws = rawClient(relay.url, `outbox/${ATTACKER}`, token);
      await ws.opened;
      let open = true;
      void ws.closed.then(() => (open = false));
      // Sent as fast as the socket takes them, as a flood would be.
      while (open && sent < orphans.length) {
        ws.ws.send(orphans[sent++]!);
        if (sent % 10 === 0) await new Promise((r) => setTimeout(r, 20));
      }
      const closed = await Promise.race([ws.closed, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
      if (closed === null) ws.ws.close();
      for (const n of ws.notices) if (n.type === 'error') errors.push({ code: n.code, message: n.message });
    }

    const good = await writer.stop();
    const hz = await health.stop();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toEqual({ code: 1013, message: expect.stringContaining('missing dependencies') as string });
    expect(good.lost).toBe(0);
    expect(p99(good.latencies)).toBeLessThan(good.bound);
    expect(p99(hz.latencies)).toBeLessThan(hz.bound);
    const room = await relay.host.open(`outbox/${ATTACKER}`);
    expect((room.store.pendingStructs?.update.byteLength ?? 0)).toBeLessThanOrEqual(256 * 1024);
    expect(readSpace(reader.doc).posts.some((p) => p.id === legit.id)).toBe(true);
    expect(readOutbox(room).map((e) => e.id)).toContain(legit.id);
  }, 90_000);
});
