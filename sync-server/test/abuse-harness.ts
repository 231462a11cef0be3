// The bystanders of the abuse tests: a well-behaved writer whose edits must keep arriving at a
// reader, and a /healthz prober, each timing what they see while an attacker acts. Shared by the
// abuse-*.test.ts files and (in spirit) by bench/relay-abuse.mjs.
import { editEntry, readPolicy, readSpace, writeAcknowledgement, writePost } from '@hearth/core';
import * as Y from 'yjs';
import { afterAll, beforeAll } from 'vitest';
import type { RelayOptions, RunningRelay } from '../src/server/relay.js';
import { clientPool, runAdmin, startTestRelay, waitFor, bucketNow } from './helpers.js';
import type { TestClient, TestRelay } from './helpers.js';

export const GOOD_WRITER = 'alice';
export const READER = 'bob';
export const ATTACKER = 'mallory';
export const PEOPLE = [GOOD_WRITER, READER, ATTACKER];

/** The policy version in force: what an honest client acknowledges. */
export async function policyVersion(relay: RunningRelay): Promise<number> {
  return readPolicy(await relay.host.open('policy'))?.version ?? 1;
}

export async function createSpace(relay: RunningRelay): Promise<void> {
  await runAdmin(relay, 'space-create', { id: 'general', name: 'General' });
}

/**
 * The bound a good writer's p99 must stay under while an attack runs: one second, as the issue asks,
 * or three times what the same writer saw just before the attack on a machine so loaded (CI, other
 * test files in parallel) that one second is not reachable even without an attacker.
 */
export function latencyBound(baseline: number[]): number {
  return Math.max(1000, 3 * p99(baseline));
}

export function p99(samples: number[]): number {
  if (samples.length === 0) return Number.POSITIVE_INFINITY;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
}

/** Publishes one post, then edits it every `everyMs`; each edit's latency is measured at the reader. */
export async function goodWriter(relay: RunningRelay, pool: ReturnType<typeof clientPool>, everyMs = 100) {
  const out = await pool.open(GOOD_WRITER, `outbox/${GOOD_WRITER}`);
  const space = await pool.open(READER, bucketNow('general'));
  writeAcknowledgement(out.doc, { policyVersion: await policyVersion(relay) });
  const post = writePost(out.doc, { space: 'general', body: 'Standup moved to 10:00.' });
  const body = () => readSpace(space.doc).posts.find((p) => p.id === post)?.body;
  await waitFor(() => body() !== undefined, 10_000, 'good writer first post');
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let n = 0;
  const onUpdate = () => {
    const b = body();
    const at = b === undefined ? undefined : sent.get(b);
    if (at !== undefined) {
      // Every earlier edit arrived with this one (the body is replaced as a whole).
      for (const [text, t] of sent) {
        if (t <= at) {
          latencies.push(performance.now() - t);
          sent.delete(text);
        }
      }
    }
  };
  space.doc.on('update', onUpdate);
  const timer = setInterval(() => {
    const text = `Standup moved to 10:00 (edit ${++n}).`;
    sent.set(text, performance.now());
    editEntry(out.doc, post, { body: text });
  }, everyMs);
  let marked = 0;
  let editsAtMark = 0;
  return {
    post,
    space,
    outbox: out,
    /** Lets the writer run alone for `ms` first: the latencies until now are the baseline. */
    async baseline(ms = 1500): Promise<void> {
      await new Promise((r) => setTimeout(r, ms));
      marked = latencies.length;
      editsAtMark = n;
    },
    /**
     * Stops editing once at least `minEdits` edits were made since the baseline, waits for the last
     * edit (up to `settleMs`), and returns every latency (ms). Why the minimum: a relay that refuses an
     * attack within a few milliseconds leaves no edit inside the attack's window, and a p99 of nothing
     * says nothing (it used to read as Infinity and fail the test for being fast).
     */
    async stop(settleMs = 10_000, minEdits = 5): Promise<{ latencies: number[]; baseline: number[]; bound: number; lost: number; edits: number }> {
      await waitFor(() => n - editsAtMark >= minEdits, settleMs, 'edits during the attack').catch(() => undefined);
      clearInterval(timer);
      await waitFor(() => sent.size === 0, settleMs, 'last edits').catch(() => undefined);
      space.doc.off('update', onUpdate);
      const now = performance.now();
      for (const t of sent.values()) latencies.push(now - t);
      const baseline = latencies.slice(0, marked);
      return { latencies: latencies.slice(marked), baseline, bound: latencyBound(baseline), lost: sent.size, edits: n };
    },
  };
}

/** Probes /healthz back to back (one at a time) and records each answer's latency. */
export function healthProbe(relay: RunningRelay, everyMs = 100) {
  const latencies: number[] = [];
  const statuses: number[] = [];
  let running = true;
  let marked = 0;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        const res = await fetch(`http://127.0.0.1:${relay.port}/healthz`);
        await res.text();
        statuses.push(res.status);
      } catch {
        statuses.push(0); // a reset keep-alive socket: counted, with the time it took
      }
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    /** The answers until now are the baseline (taken while the good writer's baseline runs). */
    mark(): void {
      marked = latencies.length;
    },
    async stop(): Promise<{ latencies: number[]; statuses: number[]; bound: number }> {
      running = false;
      await loop;
      return { latencies: latencies.slice(marked), statuses, bound: latencyBound(latencies.slice(0, marked)) };
    },
  };
}

/** A legitimate post of the attacker's, published before the attack; it must survive it. */
export async function attackerLegitPost(relay: RunningRelay, pool: ReturnType<typeof clientPool>, space: TestClient): Promise<{ id: string; outbox: TestClient }> {
  const outbox = await pool.open(ATTACKER, `outbox/${ATTACKER}`);
  writeAcknowledgement(outbox.doc, { policyVersion: await policyVersion(relay) });
  const id = writePost(outbox.doc, { space: 'general', body: 'Lunch and learn on Friday: bring questions.' });
  await waitFor(() => readSpace(space.doc).posts.some((p) => p.id === id), 10_000, 'attacker legit post');
  return { id, outbox };
}

/** An update of `n` concurrent sets of one key of the outbox's entries map, from `n` clients. */
export function conflictingUpdate(n: number, key: string, firstClient: number): Uint8Array {
  const updates: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Y.Doc();
    d.clientID = firstClient + i;
    d.getMap('entries').set(key, i);
    updates.push(Y.encodeStateAsUpdate(d));
    d.destroy();
  }
  return Y.mergeUpdates(updates);
}

/**
 * One relay per abuse test file, with the three people and the space the attacks run in, and a
 * client pool closed with it. Read `relay` inside a test (it exists once beforeAll has run).
 */
export function useAbuseRelay(options: Partial<RelayOptions> = {}) {
  let relay: TestRelay | null = null;
  const pool = clientPool(() => relay!);
  beforeAll(async () => {
    relay = await startTestRelay(options, PEOPLE);
    await createSpace(relay);
  });
  afterAll(async () => {
    pool.destroyAll();
    await relay?.cleanup();
  });
  return {
    pool,
    get relay(): TestRelay {
      return relay!;
    },
  };
}
