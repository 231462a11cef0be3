// The local database: one IndexedDB database per signed-in person (a shared machine keeps each
// person's copy apart), opened through Dexie.
//   updates  Yjs updates per room, appended as they happen, compacted into one past a threshold
//   drafts   the composer's text per context, so a crash or restart loses nothing typed
//   reads    which items the person has seen (read state is local, never synced)
//   dismissals  inbox notices the person dismissed (their own state, never written into the inbox)
//   outboxChanges  local outbox writes the relay has not yet confirmed as stored
import { Dexie, type Table } from 'dexie';

export interface StoredUpdate {
  seq?: number;
  room: string;
  update: Uint8Array;
}

export interface StoredDraft {
  /** The composer's context, e.g. 'post:space-1', 'comment:<postId>', 'dm:<conversationId>'. */
  key: string;
  title: string;
  body: string;
  updatedAt: number;
}

/** An id marked locally (read, dismissed) and when. */
export interface LocalMark {
  id: string;
  at: number;
}

/** One local write to the outbox: stored on the relay once its stored state vector reaches `clock`. */
export interface OutboxChange {
  seq?: number;
  clientId: number;
  /** The document's clock for `clientId` right after the write. */
  clock: number;
  entryId: string | null;
  at: number;
}

export class HearthDb extends Dexie {
  updates!: Table<StoredUpdate, number>;
  drafts!: Table<StoredDraft, string>;
  reads!: Table<LocalMark, string>;
  dismissals!: Table<LocalMark, string>;
  outboxChanges!: Table<OutboxChange, number>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      updates: '++seq, room',
      drafts: 'key',
      reads: 'id',
      outboxChanges: '++seq',
    });
    this.version(2).stores({ dismissals: 'id' });
  }
}

export function databaseName(personId: string): string {
  return `hearth-${personId}`;
}

/** The moderation pane's case files of a person (moderation/case-storage.ts). */
export function caseDatabaseName(personId: string): string {
  return `hearth-cases-${personId}`;
}

/**
 * Deletes everything this device keeps for a person (their documents, drafts, read marks, unsent
 * work, moderation case files) — machine policy's WipeLocalDataOnSignOut, for shared computers.
 * Open connections to these databases close themselves when asked (Dexie's versionchange default).
 */
export async function wipeLocalData(personId: string): Promise<void> {
  // The attachments database's name is files/file-db.ts's fileDatabaseName (kept apart from this schema).
  for (const name of [databaseName(personId), caseDatabaseName(personId), `hearth-files-${personId}`]) await Dexie.delete(name);
}
