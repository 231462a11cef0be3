// Hostile input, seeded and bounded (issue 10): an attacker with a valid account sends random and
// truncated y-protocols frames, updates with impossible clocks, deeply nested types, messages just
// over the size limit, awareness floods, and connects with bad tokens. Whatever they send, the relay
// stays up, the other people's clients keep working, and no stored document changes (the attacker's
// own outbox aside, for the one kind of input that is a legitimate — if silly — write to it).
// Bounded by count and by seconds so it runs in CI on both engines; the seed makes a failure
// reproducible (HEARTH_FUZZ_SEED, HEARTH_FUZZ_RUNS). It prints how many inputs were tried.
import fc from 'fast-check';
import { SignJWT } from 'jose';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { writeAcknowledgement, writePost } from '@hearth/core';
import { connectProvider, rawClient, runAdmin, startTestRelay, synced, waitFor } from './helpers.js';
import type { TestClient, TestRelay } from './helpers.js';

const SEED = Number(process.env.HEARTH_FUZZ_SEED ?? 20261125);
const RUNS = Number(process.env.HEARTH_FUZZ_RUNS ?? 120);
const SECONDS = Number(process.env.HEARTH_FUZZ_SECONDS ?? 25);
const MAX_MESSAGE = 8192;
const ATTACKER = 'mallory';
/** Rooms whose stored state must not change, whatever the attacker sends. */
const GUARDED = ['directory', 'space/general', 'outbox/carol', 'inbox/carol', 'inbox/bob', 'dm/nope'];

type Input =
  | { kind: 'random'; room: string; frames: Uint8Array[] }
  | { kind: 'truncated'; room: string; frames: Uint8Array[] }
  | { kind: 'impossible-clock'; room: string; frames: Uint8Array[] }
  | { kind: 'deeply-nested'; room: string; frames: Uint8Array[] }
  | { kind: 'over-limit'; room: string; frames: Uint8Array[] }
  | { kind: 'awareness-flood'; room: string; frames: Uint8Array[] }
  | { kind: 'bad-token'; room: string; token: string | null };

const syncFrame = (step: 0 | 1 | 2, payload: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};
const awarenessFrame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

/** An update written by hand: one string item of `client` at `clock`, and an optional delete range. */
function craftedUpdate(client: number, clock: number, text: string, del: { client: number; clock: number; len: number } | null): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client's structs
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 4); // ContentString, no origins, no parentSub
  encoding.writeVarUint(e, 1); // parent is a top-level name
  encoding.writeVarString(e, 'entries');
  encoding.writeVarString(e, text);
  encoding.writeVarUint(e, del === null ? 0 : 1);
  if (del !== null) {
    encoding.writeVarUint(e, del.client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, del.clock);
    encoding.writeVarUint(e, del.len);
  }
  return encoding.toUint8Array(e);
}

/** A plausible update (what a modified client could send), for truncation. */
function plausibleUpdate(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('entries').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

/** One awareness state, as the stock provider sends it. */
function awarenessOf(name: string): Uint8Array {
  const a = new Awareness(new Y.Doc());
  a.setLocalState({ user: { id: ATTACKER, name } });
  const update = encodeAwarenessUpdate(a, [a.clientID]);
  a.destroy();
  return update;
}

const own = `outbox/${ATTACKER}`;
const roomArb = fc.constantFrom(own, own, own, 'space/general', 'inbox/mallory');
const clockArb = fc.oneof(fc.constantFrom(2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53 - 3), fc.integer({ min: 1, max: 2 ** 40 }));

const inputArb: fc.Arbitrary<Input> = fc.oneof(
  fc.record({ kind: fc.constant('random' as const), room: roomArb, frames: fc.array(fc.uint8Array({ maxLength: 400 }), { minLength: 1, maxLength: 4 }) }),
  fc
    .record({ room: roomArb, key: fc.string({ maxLength: 20 }), value: fc.string({ maxLength: 200 }), which: fc.nat(3), cut: fc.double({ min: 0, max: 0.999, noNaN: true }) })
    .map(({ room, key, value, which, cut }) => {
      const full = [syncFrame(0, Y.encodeStateVector(new Y.Doc())), syncFrame(1, plausibleUpdate(key, value)), syncFrame(2, plausibleUpdate(key, value)), awarenessFrame(awarenessOf(key))][which]!;
      return { kind: 'truncated' as const, room, frames: [full.slice(0, Math.floor(full.length * cut))] };
    }),
  fc
    .record({ client: fc.integer({ min: 1, max: 2 ** 32 - 1 }), clock: clockArb, text: fc.string({ minLength: 1, maxLength: 30 }), deletes: fc.boolean(), dclock: clockArb, dlen: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(2 ** 53 - 1)) })
    .map(({ client, clock, text, deletes, dclock, dlen }) => ({
      kind: 'impossible-clock' as const,
      room: own,
      frames: [syncFrame(2, craftedUpdate(client, clock, text, deletes ? { client, clock: dclock, len: dlen } : null))],
    })),
  fc.integer({ min: 50, max: 600 }).map((depth) => {
    const doc = new Y.Doc();
    let map = doc.getMap('entries');
    doc.transact(() => {
      for (let i = 0; i < depth; i++) {
        const inner = new Y.Map<unknown>();
        map.set('k', inner);
        map = inner as Y.Map<unknown>;
      }
    });
    return { kind: 'deeply-nested' as const, room: own, frames: [syncFrame(2, Y.encodeStateAsUpdate(doc))] };
  }),
  fc.integer({ min: 1, max: 64 }).map((over) => {
    // A whole frame of MAX_MESSAGE + over bytes: a string item sized to land just past the limit.
    let body = 'x'.repeat(MAX_MESSAGE);
    let frame = syncFrame(2, plausibleUpdate('e', body));
    body = body.slice(0, body.length - (frame.length - MAX_MESSAGE - over));
    frame = syncFrame(2, plausibleUpdate('e', body));
    while (frame.length <= MAX_MESSAGE) frame = syncFrame(2, plausibleUpdate('e', (body += 'x')));
    return { kind: 'over-limit' as const, room: own, frames: [frame] };
  }),
  fc.record({ room: fc.constantFrom(own, 'space/general'), count: fc.integer({ min: 20, max: 200 }), clients: fc.integer({ min: 1, max: 40 }), size: fc.integer({ min: 1, max: 4000 }) }).map(({ room, count, clients, size }) => {
    const frames: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const a = new Awareness(new Y.Doc());
      a.clientID = 1000 + (i % clients);
      a.setLocalState({ user: { id: ATTACKER }, junk: 'y'.repeat(size) });
      frames.push(awarenessFrame(encodeAwarenessUpdate(a, [a.clientID])));
      a.destroy();
    }
    return { kind: 'awareness-flood' as const, room, frames };
  }),
  fc.record({
    room: fc.constantFrom(own, 'space/general', 'outbox/bob', 'directory'),
    token: fc.oneof(fc.constant(null), fc.string({ maxLength: 80 }), fc.constantFrom('forged', 'expired', 'left', 'alg-none')),
  }).map(({ room, token }) => ({ kind: 'bad-token' as const, room, token })),
);

describe('hostile input', () => {
  let relay: TestRelay;
  let laptop: TestClient;
  let phone: TestClient;
  let before: Map<string, string>;
  const tried = new Map<string, number>();

  /** The stored state of a room, as Yjs integrates it (pending structs are not part of a document). */
  async function storedState(room: string): Promise<string> {
    const doc = new Y.Doc();
    for (const u of await relay.storage.rooms.load(room)) Y.applyUpdate(doc, u);
    const state = Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');
    doc.destroy();
    return state;
  }
  const snapshot = async (rooms: string[]) => new Map(await Promise.all(rooms.map(async (r) => [r, await storedState(r)] as const)));

  async function tokenFor(kind: string | null): Promise<string | null> {
    const now = Math.floor(Date.now() / 1000);
    switch (kind) {
      case 'forged':
        return new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject('bob').setIssuer('hearth-relay').setAudience('hearth').setIssuedAt(now).setExpirationTime(now + 600).sign(new Uint8Array(32).fill(7));
      case 'expired':
        return relay.mintToken(ATTACKER, -60).catch(() => 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5IiwiZXhwIjoxfQ.x');
      case 'left':
        return relay.mintToken('dave');
      case 'alg-none':
        return `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'bob', iss: 'hearth-relay', aud: 'hearth', exp: now + 600 })).toString('base64url')}.`;
      default:
        return kind;
    }
  }

  async function attack(input: Input): Promise<void> {
    tried.set(input.kind, (tried.get(input.kind) ?? 0) + 1);
    if (input.kind === 'bad-token') {
      const c = rawClient(relay.url, input.room, await tokenFor(input.token));
      const { code } = await c.closed;
      // Refused before anything is read: unauthenticated (or, for a left person's valid token, forbidden).
      expect([4401, 4403]).toContain(code);
      return;
    }
    const c = rawClient(relay.url, input.room, await relay.mintToken(ATTACKER));
    const outcome = await Promise.race([c.opened.then(() => 'open' as const), c.closed.then(() => 'closed' as const)]);
    if (outcome === 'closed') return; // a room the attacker may not open (4403)
    for (const f of input.frames) if (c.ws.readyState === c.ws.OPEN) c.ws.send(f);
    const closed = await Promise.race([c.closed, new Promise<null>((r) => setTimeout(() => r(null), 120))]);
    if (input.kind === 'over-limit') expect(closed?.code ?? (await c.closed).code).toBe(4413);
    if (closed === null) {
      c.ws.terminate();
      await c.closed;
    }
  }

  async function othersStillWork(): Promise<void> {
    const n = laptop.notices.length;
    const key = `k${tried.size}-${n}`;
    laptop.doc.getMap('entries').set(key, 'still here');
    await waitFor(() => laptop.notices.length > n && phone.doc.getMap('entries').get(key) === 'still here', 10_000, 'the good writer is stored and reaches the other device');
    expect(laptop.closes).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${relay.port}/healthz`)).status).toBe(200);
  }

  beforeAll(async () => {
    relay = await startTestRelay({ limits: { maxMessageBytes: MAX_MESSAGE, rate: { perSecond: 5000, burst: 5000 } } }, ['alice', 'bob', 'carol', ATTACKER]);
    await runAdmin(relay, 'space-create', { id: 'general', name: 'General' });
    const token = await relay.mintToken('bob');
    laptop = connectProvider(relay.url, 'outbox/bob', token);
    phone = connectProvider(relay.url, 'outbox/bob', token);
    const carol = connectProvider(relay.url, 'outbox/carol', await relay.mintToken('carol'));
    await Promise.all([synced(laptop), synced(phone), synced(carol)]);
    // One update, so the one `stored` notice covers both entries.
    carol.doc.transact(() => {
      writeAcknowledgement(carol.doc, { policyVersion: 1 });
      writePost(carol.doc, { space: 'general', body: 'Before the attack.' });
    });
    await waitFor(() => carol.notices.some((n) => n.type === 'stored'), 10_000, 'carol stored');
    carol.destroy();
    // The relay is done with carol's entries before the guarded state is read.
    await waitFor(async () => (await relay.storage.db.selectFrom('publication_state').select('entry_id').where('owner', '=', 'carol').execute()).length === 2, 10_000, 'carol judged');
    await relay.moderation.idle();
    before = await snapshot([...GUARDED, own]);
  });
  afterAll(async () => {
    laptop.destroy();
    phone.destroy();
    await relay.cleanup();
  });

  it('the relay stays up, other clients keep working, and no stored document changes', async () => {
    let runs = 0;
    let changesOwn = false;
    await fc.assert(
      fc.asyncProperty(inputArb, async (input) => {
        runs++;
        if (input.kind === 'deeply-nested') changesOwn = true;
        await attack(input);
        if (runs % 20 === 0) await othersStillWork();
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false, endOnFailure: true },
    );
    await othersStillWork();
    const after = await snapshot([...GUARDED, own]);
    for (const room of GUARDED) expect(after.get(room), room).toBe(before.get(room));
    // Nothing but a well-formed nested map (a write the attacker may make to their own outbox) changes it.
    if (!changesOwn) expect(after.get(own)).toBe(before.get(own));
    const summary = [...tried].map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`hostile input (${relay.storage.engine}, seed ${SEED}): ${runs} inputs tried in at most ${SECONDS} s — ${summary}`);
    expect(runs).toBeGreaterThan(0);
  }, (SECONDS + 60) * 1000);
});
