// Property: whatever order two devices' outbox updates reach the relay in, with restarts (reload
// from storage) and compaction at any point, the stored document ends up equal to the devices'
// merged state and nothing acknowledged is lost. (An update that arrives before one it depends on
// is held in memory, unacknowledged, and lost by a restart; the device sends it again when it
// reconnects — modelled by the final resync.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../src/log.js';
import { RelayDocHost } from '../src/rooms/relay-doc-host.js';
import type { RoomMember } from '../src/rooms/room.js';
import { openTestStorage, removeTestData, TEST_ENGINE, tempDataDir } from './helpers.js';

const member: RoomMember = { personId: 'alice', send: () => {}, close: () => {} };

type Op = { device: 0 | 1; key: string; value: number } | { restart: true } | { compact: true };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ device: fc.constantFrom(0 as const, 1 as const), key: fc.constantFrom('a', 'b', 'c', 'd'), value: fc.integer() }) },
  { weight: 1, arbitrary: fc.constant({ restart: true as const }) },
  { weight: 1, arbitrary: fc.constant({ compact: true as const }) },
);

describe('outbox storage converges', () => {
  it('any interleaving of two devices, restarts and compactions stores the merged state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 40 }), async (ops, shuffle) => {
        const dir = tempDataDir();
        let storage = await openTestStorage(dir, { compactAfter: 5 });
        let host = new RelayDocHost(storage.rooms, createLogger('silent'));
        const devices = [new Y.Doc(), new Y.Doc()];
        const pending: Uint8Array[] = [];
        const acked = new Map<number, number>();
        const ack = (sv: Uint8Array) => {
          for (const [client, clock] of Y.decodeStateVector(sv)) acked.set(client, Math.max(acked.get(client) ?? 0, clock));
        };
        devices.forEach((d) => d.on('update', (u: Uint8Array) => pending.push(u)));
        try {
          for (const op of ops) {
            if ('restart' in op) {
              await host.drain();
              host.stop();
              await storage.close();
              storage = await openTestStorage(dir, { compactAfter: 5 });
              host = new RelayDocHost(storage.rooms, createLogger('silent'));
            } else if ('compact' in op) {
              await storage.rooms.compact('outbox/alice');
            } else {
              devices[op.device]!.getMap('entries').set(op.key, op.value);
              // deliver some pending updates, in a shuffled order
              while (pending.length > 0 && (shuffle.shift() ?? 0) % 3 !== 0) {
                const i = (shuffle.shift() ?? 0) % pending.length;
                const [u] = pending.splice(i, 1);
                ack((await (await host.room('outbox/alice')).clientUpdate(u!, member)).stateVector);
              }
            }
          }
          // everything acknowledged is stored, whatever happened in between
          const beforeResync = new Y.Doc();
          for (const u of await storage.rooms.load('outbox/alice')) Y.applyUpdate(beforeResync, u);
          const storedSv = Y.decodeStateVector(Y.encodeStateVector(beforeResync));
          for (const [client, clock] of acked) expect(storedSv.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
          // the devices reconnect: each sends what the relay's state vector lacks
          pending.length = 0;
          for (const d of devices) {
            const room = await host.room('outbox/alice');
            await room.clientUpdate(Y.encodeStateAsUpdate(d, Y.encodeStateVector(room.doc)), member);
          }
          await host.drain();
          host.stop();
          await storage.close();
          // a fresh process reads what is stored
          storage = await openTestStorage(dir);
          const stored = new Y.Doc();
          for (const u of await storage.rooms.load('outbox/alice')) Y.applyUpdate(stored, u);
          const merged = new Y.Doc();
          for (const d of devices) Y.applyUpdate(merged, Y.encodeStateAsUpdate(d));
          expect(stored.getMap('entries').toJSON()).toEqual(merged.getMap('entries').toJSON());
          expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(merged));
        } finally {
          await storage.close();
          await removeTestData(dir);
        }
      }),
      // Fewer runs on PostgreSQL: each run creates (and drops) a database of its own.
      { numRuns: TEST_ENGINE === 'postgres' ? 15 : 60 },
    );
  });
});
