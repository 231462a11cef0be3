// Services for container tests: a fresh Dexie database (fake-indexeddb), an offline room hub and
// the person's outbox; no relay, no search worker.
import type { Services } from '../data/services.js';
import { HearthDb } from '../storage/db.js';
import { RoomHub } from '../sync/room-hub.js';
import { OutboxTracker } from '../sync/outbox-tracker.js';

let n = 0;

export function testServices(me = 'anna'): Services {
  const db = new HearthDb(`screens-test-${++n}`);
  const hub = new RoomHub(db, { relayUrl: 'ws://127.0.0.1:9', token: 't', online: false });
  const outbox = new OutboxTracker(db, hub.open(`outbox/${me}`));
  const session = { personId: me, token: 't', relayUrl: 'ws://127.0.0.1:9', expiresAt: null, demo: true };
  return { me, session, db, hub, outbox, search: null, destroy: () => hub.destroy() };
}
