// Services for container tests: a fresh Dexie database (fake-indexeddb), an offline room hub and
// the person's outbox; no relay, no search worker.
import type { Services } from '../data/services.js';
import { HearthDb } from '../storage/db.js';
import { RoomHub } from '../sync/room-hub.js';
import { OutboxTracker } from '../sync/outbox-tracker.js';
import { FileDb } from '../files/file-db.js';
import { FileUploads } from '../files/file-uploads.js';
import { BucketShelf } from '../sync/bucket-shelf.js';

let n = 0;

export function testServices(me = 'anna'): Services {
  const db = new HearthDb(`screens-test-${++n}`);
  const hub = new RoomHub(db, { relayUrl: 'ws://127.0.0.1:9', token: 't', online: false });
  const outbox = new OutboxTracker(db, hub.open(`outbox/${me}`));
  const session = { personId: me, token: 't', relayUrl: 'ws://127.0.0.1:9', expiresAt: null, demo: true };
  const files = new FileUploads({ db: new FileDb(`screens-test-files-${n}`), relayUrl: session.relayUrl, token: () => null, online: () => false });
  return { me, session, db, hub, outbox, search: null, files, buckets: new BucketShelf(null), destroy: () => hub.destroy() };
}
