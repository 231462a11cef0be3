// Attacker, then a restart: an outbox filled with conflicting items made the next start take 20 s
// before it listened (every stored outbox was loaded and judged first) and re-opening it froze the
// relay. The items are now refused before they are stored, the relay listens first and walks the
// stored outboxes in the background, and /healthz says while it is still catching up.
import { readSpace } from '@hearth/core';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeUpdate } from '../src/protocol/messages.js';
import type { RunningRelay } from '../src/server/relay.js';
import { ATTACKER, PEOPLE, attackerLegitPost, conflictingUpdate, createSpace } from './abuse-harness.js';
import { clientPool, rawClient, restartTestRelay, startTestRelay, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

describe('a restart after an attack', () => {
  let first: TestRelay;
  let second: RunningRelay | null = null;
  const pool = clientPool(() => second ?? first);

  afterAll(async () => {
    pool.destroyAll();
    await second?.stop();
    await first.cleanup();
  });

  it('listens at once, says it is catching up, and keeps everything legitimate', async () => {
    const crafted = [0, 1, 2].map((m) => encodeUpdate(conflictingUpdate(2000, '01HZZZZZZZZZZZZZZZZZZZZZZZ', 10_000 + m * 2000)));
    first = await startTestRelay({}, PEOPLE);
    await createSpace(first);
    const reader = await pool.open('bob', bucketNow('general'));
    const legit = await attackerLegitPost(first, pool, reader);
    const token = await first.mintToken(ATTACKER);
    for (const message of crafted) {
      const ws = rawClient(first.url, `outbox/${ATTACKER}`, token);
      await ws.opened;
      ws.ws.send(message);
      await Promise.race([ws.closed, new Promise((r) => setTimeout(r, 1500))]);
      ws.ws.close();
    }
    pool.destroyAll();
    const { port } = first;
    await first.stop();

    const started = performance.now();
    second = await restartTestRelay(first.dataDir, { port });
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    const listening = performance.now() - started;
    const body = (await res.json()) as { status: string; catchingUp: boolean };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', catchingUp: expect.any(Boolean) as boolean });
    // Normally about half a second; 20 s with the attacker's items stored.
    expect(listening).toBeLessThan(3000);
    const relay = second;
    const caughtUp = async () => ((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { catchingUp: boolean }).catchingUp === false;
    const deadline = Date.now() + 10_000;
    while (!(await caughtUp()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await caughtUp()).toBe(true);

    // Re-opening the attacker's outbox is quick, and their earlier post is still published.
    const opened = performance.now();
    await relay.host.open(`outbox/${ATTACKER}`);
    expect(performance.now() - opened).toBeLessThan(1000);
    const space = await pool.open('bob', bucketNow('general'));
    expect(readSpace(space.doc).posts.some((p) => p.id === legit.id)).toBe(true);
  }, 90_000);
});
