// Property: a person's devices editing their outbox offline, with updates delivered late, out of
// order and more than once, end with identical outboxes that hold every entry any device wrote.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { readOutbox } from './outbox-schema.js';
import { editEntry, retractEntry, writeComment, writePost, writeReaction } from './outbox-writes.js';
import { device } from './test-sync.js';
import { REACTIONS } from './types.js';

const REMOTE = 'remote';

type Op =
  | { kind: 'post' | 'comment' | 'react'; dev: number; text: string; pick: number }
  | { kind: 'edit'; dev: number; pick: number; at: number; cut: number; text: string }
  | { kind: 'retract'; dev: number; pick: number }
  | { kind: 'deliver'; from: number; to: number; pick: number }
  | { kind: 'restart'; dev: number };

function opArb(devices: number): fc.Arbitrary<Op> {
  const dev = fc.nat({ max: devices - 1 });
  const text = fc.string({ maxLength: 6 });
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('post', 'comment', 'react'), dev, text, pick: fc.nat() }) as fc.Arbitrary<Op>,
    fc.record({ kind: fc.constant('edit'), dev, pick: fc.nat(), at: fc.nat(), cut: fc.nat({ max: 3 }), text }) as fc.Arbitrary<Op>,
    fc.record({ kind: fc.constant('retract'), dev, pick: fc.nat() }) as fc.Arbitrary<Op>,
    fc.record({ kind: fc.constant('deliver'), from: dev, to: dev, pick: fc.nat() }) as fc.Arbitrary<Op>,
    fc.record({ kind: fc.constant('deliver'), from: dev, to: dev, pick: fc.nat() }) as fc.Arbitrary<Op>,
    fc.record({ kind: fc.constant('restart'), dev }) as fc.Arbitrary<Op>,
  );
}

function run(devices: number, ops: Op[]) {
  const docs = Array.from({ length: devices }, (_, i) => device(i + 1));
  const logs: Uint8Array[][] = docs.map(() => []);
  const listen = (doc: Y.Doc, i: number) => doc.on('update', (u: Uint8Array, origin: unknown) => origin !== REMOTE && logs[i]?.push(u));
  docs.forEach(listen);
  let nextClient = 100;
  const created = new Set<string>();
  let clock = 1_700_000_000_000;
  ops.forEach((op, n) => {
    if (op.kind === 'deliver') {
      const log = logs[op.from] ?? [];
      const update = log[op.pick % Math.max(1, log.length)];
      if (update && docs[op.to]) Y.applyUpdate(docs[op.to] as Y.Doc, update, REMOTE);
      return;
    }
    if (op.kind === 'restart') {
      // The app restarts: a new Y.Doc (new client id) loaded from what the device had stored.
      const restarted = device(nextClient++);
      Y.applyUpdate(restarted, Y.encodeStateAsUpdate(docs[op.dev] as Y.Doc), REMOTE);
      listen(restarted, op.dev);
      docs[op.dev] = restarted;
      return;
    }
    const doc = docs[op.dev] as Y.Doc;
    const visible = readOutbox(doc);
    const target = visible[op.pick % Math.max(1, visible.length)];
    const opts = { id: `d${op.dev}-${n}`, now: ++clock };
    if (op.kind === 'post') created.add(writePost(doc, { space: 's', title: op.text, body: op.text }, opts));
    else if (op.kind === 'comment') created.add(writeComment(doc, { space: 's', post: target?.id ?? 'p', body: op.text }, opts));
    else if (op.kind === 'react') created.add(writeReaction(doc, { space: 's', target: target?.id ?? 'p', emoji: REACTIONS[op.pick % REACTIONS.length] ?? '👍' }, opts));
    else if (op.kind === 'retract' && target) retractEntry(doc, target.id);
    else if (op.kind === 'edit' && target && 'body' in target) {
      const at = op.at % (target.body.length + 1);
      editEntry(doc, target.id, { body: target.body.slice(0, at) + op.text + target.body.slice(at + op.cut) }, { now: ++clock });
    }
  });
  // Finally everything reaches everyone: backwards first (updates wait for what they depend on),
  // then forwards again (duplicates).
  const all = logs.flat();
  for (const doc of docs) {
    for (const u of [...all].reverse()) Y.applyUpdate(doc, u, REMOTE);
    for (const u of all) Y.applyUpdate(doc, u, REMOTE);
  }
  return { docs, created };
}

describe('outbox convergence across a person’s devices', () => {
  it.each([2, 3])('converges with %i devices and loses no entry', (devices) => {
    fc.assert(
      fc.property(fc.array(opArb(devices), { maxLength: 60 }), (ops) => {
        const { docs, created } = run(devices, ops);
        const first = readOutbox(docs[0] as Y.Doc);
        for (const doc of docs) {
          expect(readOutbox(doc)).toEqual(first);
          expect(doc.getMap('entries').toJSON()).toEqual((docs[0] as Y.Doc).getMap('entries').toJSON());
        }
        expect(new Set(first.map((e) => e.id))).toEqual(created);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps both devices’ edits of one body (no duplicate, no loss)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ minLength: 1, maxLength: 5 }), fc.string({ minLength: 1, maxLength: 5 }), (base, a, b) => {
        const { docs } = run(2, [
          { kind: 'post', dev: 0, text: base, pick: 0 },
          { kind: 'deliver', from: 0, to: 1, pick: 0 },
          { kind: 'edit', dev: 0, pick: 0, at: 0, cut: 0, text: a },
          { kind: 'edit', dev: 1, pick: 0, at: base.length, cut: 0, text: b },
        ]);
        const entry = readOutbox(docs[0] as Y.Doc)[0];
        const body = entry && 'body' in entry ? entry.body : undefined;
        expect(body).toBe(a + base + b);
      }),
    );
  });
});
