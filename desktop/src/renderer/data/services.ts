// Everything one signed-in session needs, made once per session and handed to hooks through
// React context: the person's database, the open rooms, the outbox tracker and the search worker.
// Signing out destroys it all; signing in as someone else makes a new set.
import { HearthDb, databaseName } from '../storage/db.js';
import { reportDatabaseProblem } from '../storage/storage-status.js';
import { RoomHub } from '../sync/room-hub.js';
import { OutboxTracker } from '../sync/outbox-tracker.js';
import { refreshToken, type Session } from '../sync/session.js';
import { SearchClient } from '../search/search-client.js';
import { FileDb, fileDatabaseName } from '../files/file-db.js';
import { FileUploads } from '../files/file-uploads.js';
import { sessionState } from '../sync/session.js';
import { BucketShelf, shelfKey } from '../sync/bucket-shelf.js';

export interface Services {
  me: string;
  session: Session;
  db: HearthDb;
  hub: RoomHub;
  outbox: OutboxTracker;
  search: SearchClient | null;
  /** Attachments: kept on the device, uploaded when online, read back (files/file-uploads.ts). */
  files: FileUploads;
  /** The time buckets of each space kept on this device (sync/bucket-shelf.ts). */
  buckets: BucketShelf;
  destroy(): void;
}

export function createServices(session: Session): Services {
  const db = new HearthDb(databaseName(session.personId));
  db.on('blocked', () => reportDatabaseProblem('blocked'));
  // Another window upgraded the schema: close ours so it can proceed; a reload picks it up.
  db.on('versionchange', () => {
    db.close();
    reportDatabaseProblem('blocked');
  });
  db.open().catch((error: unknown) => reportDatabaseProblem('unavailable', error));

  let outbox: OutboxTracker | null = null;
  const hub = new RoomHub(db, {
    relayUrl: session.relayUrl,
    token: session.token,
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    onNotice: (room, notice) => {
      if (notice.type === 'stored' && room === `outbox/${session.personId}`) void outbox?.onStored(notice.stateVector);
    },
    // 4401: refresh (demo) and reconnect; the session module signs out if it cannot.
    onUnauthorized: () => void refreshToken(),
  });
  outbox = new OutboxTracker(db, hub.open(`outbox/${session.personId}`));
  const search = typeof Worker === 'undefined' ? null : new SearchClient();

  const fileDb = new FileDb(fileDatabaseName(session.personId));
  fileDb.open().catch((error: unknown) => reportDatabaseProblem('unavailable', error));
  const files = new FileUploads({
    db: fileDb,
    relayUrl: session.relayUrl,
    // The session's token is renewed while the app runs: always the current one.
    token: () => {
      const state = sessionState.get();
      return state.status === 'signed-in' ? state.session.token : null;
    },
    online: () => (typeof navigator === 'undefined' ? true : navigator.onLine),
  });
  void files.pump(); // files attached before the app last closed

  const onOnline = () => {
    hub.setOnline(true);
    void files.pump();
  };
  const onOffline = () => hub.setOnline(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  return {
    me: session.personId,
    session,
    db,
    hub,
    outbox,
    search,
    files,
    buckets: new BucketShelf(shelfKey(session.personId)),
    destroy() {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      hub.destroy();
      search?.destroy();
      files.destroy();
      fileDb.close();
      db.close();
    },
  };
}
